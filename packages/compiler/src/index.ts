// @carve/compiler: lowering to the decision-table IR, static analysis, emitters.
export * from "./compile.js";
export * from "./catalogue.js";
export { lowerPlan, type SourceMap, type ArtifactBody } from "./lower/plan.js";
export { sourceHash } from "./source-hash.js";
export * from "./testing/index.js";
export * from "./analysis/index.js";
