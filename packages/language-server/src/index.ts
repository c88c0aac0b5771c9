// @carve/language-server: the Carve language server (`carve lsp --stdio`) and its features as plain functions.
export { startServer, DEBOUNCE_MS } from "./server.js";
export { Workspace, nodeDisk, type Disk, type Analysis } from "./workspace.js";
export { collectDiagnostics, toLspDiagnostic } from "./features/diagnostics.js";
export { hover } from "./features/hover.js";
export { definition, references } from "./features/navigation.js";
export { rename, prepareRename, RenameRefused } from "./features/rename.js";
export { formatDocument } from "./features/formatting.js";
export { documentSymbols } from "./features/symbols.js";
export { foldingRanges } from "./features/folding.js";
export { completion } from "./features/completion.js";
export { toOffset, toPosition, toRange, uriOf, pathOf } from "./positions.js";
export { startStdioServer } from "./stdio.js";
