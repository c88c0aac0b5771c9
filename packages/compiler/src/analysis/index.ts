// @carve/compiler — static analysis (SPEC 2.7) over the decision-table IR.
export { analyze } from "./analyze.js";
export type { AnalysisOptions, AnalysisPlan, CheckName, Finding, Period, Witness } from "./types.js";
export { type AnalysisBudget, DEFAULT_MAX_BOXES, DEFAULT_MAX_WORK } from "./budget.js";
