// @carve/language: the front end. No `fs`, no LSP types.
export * from "./ast/nodes.js";
export * from "./ast/source.js";
export * from "./diagnostics/diagnostic.js";
export * from "./diagnostics/catalogue.js";
export * from "./diagnostics/suggest.js";
export * from "./host.js";
export * from "./syntax/index.js";
export * from "./semantics/index.js";
export * from "./format/index.js";
export * from "./diagnostics/render.js";
export * from "./diagnostics/sarif.js";
export * from "./diagnostics/github.js";
export { entry } from "./diagnostics/catalogue-entry.js";
