// @carve/compiler — the semantic diff of two versions of a ruleset (SPEC 4, `carve diff`).
export { diffArtifacts } from "./diff.js";
export { ownerText } from "./owners.js";
export { outcomeKey } from "./explore.js";
export type { Change, ChangeDetail, ChangeSubject, DiffOptions, DiffPair, DiffResult, Outcome, OutcomeOverlay, StaticOwner } from "./types.js";
