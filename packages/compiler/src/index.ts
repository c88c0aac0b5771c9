// @carve/compiler: lowering to the decision-table IR, static analysis, emitters.
export * from "./compile.js";
export * from "./catalogue.js";
export { lowerPlan, type SourceMap, type ArtifactBody } from "./lower/plan.js";
export { sourceHash } from "./source-hash.js";
export * from "./testing/index.js";
export * from "./analysis/index.js";
export { witnessText, periodText } from "./findings/witness-text.js";
export * from "./diff/index.js";
export * from "./import/index.js";
export { emitJsModule } from "./emit-js/emit-module.js";
export { emitSql, sqlColumns, SQL_DECISION_COLUMNS, SQL_DIALECTS, type SqlColumn, type SqlOptions, type DialectName as SqlDialect } from "./emit-sql/index.js";
