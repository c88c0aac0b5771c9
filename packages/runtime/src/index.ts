// @carve/runtime — load a compiled Carve artifact and decide the territory and owner of records.
export { loadArtifact, validateArtifact } from "./load.js";
export { Runtime, type RuntimeOptions, type EvaluateOptions } from "./runtime.js";
export type { Decision, DecisionStatus, Owner, TerritoryRef, OverlayAssignment, FieldError } from "./decision.js";
export {
  type TraceEntry, type FailedBox, type FailedCondition, type TriedResult, type SkipReason,
  SEEN_TRUE, SEEN_FALSE,
} from "./trace.js";
export type { WhyNot, WhyNotReason } from "./why-not.js";
export { ArtifactError, type ArtifactErrorCode } from "./errors.js";
export { type StateStore, type LoadSource, InMemoryStateStore, InMemoryLoadSource } from "./state.js";
export { artifactSchema } from "./schema.js";
export { canonicalJson, prettyCanonicalJson } from "./canonical-json.js";
export { artifactHash, sealArtifact, sha256Hex, md5Hex, md5First32, memberSeeds } from "./hash.js";
export { fmix32, hashKey } from "./strategies.js";
export { describeAtom, type CAtom, type CBox } from "./atoms.js";
// For backends that compile the rule tables (the ahead-of-time JS module): the tables as the runtime lays them out.
export { tableLayouts } from "./evaluator.js";
export type { TableLayout, TableItem } from "./table.js";
export type { NormRecord } from "./normalize-record.js";
export * from "./artifact-types.js";
