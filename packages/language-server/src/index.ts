// @carve/language-server: the Carve language server (`carve lsp --stdio`) and its features as plain functions.
export { startServer, type ServerOptions } from "./server.js";
export { startStdioServer } from "./stdio.js";
export { Workspace, nodeDisk, type Disk, type Compiled } from "./workspace.js";
export { DiagnosticsScheduler, DIAGNOSTIC_DELAYS, type DiagnosticDelays, type Publish } from "./diagnostics-scheduler.js";
export { collectDiagnostics, entryDiagnostics, toLspDiagnostic, type Phase } from "./features/diagnostics.js";
export { completion } from "./features/completion.js";
export { hover } from "./features/hover.js";
export { definition, references } from "./features/navigation.js";
export { rename, prepareRename, RenameRefused } from "./features/rename.js";
export { formatDocument } from "./features/formatting.js";
export { documentSymbols } from "./features/symbols.js";
export { foldingRanges } from "./features/folding.js";
export { semanticTokens, SEMANTIC_TOKENS_LEGEND } from "./features/semantic-tokens.js";
export { codeActions } from "./features/code-actions.js";
export { witnessTest } from "./features/witness-test.js";
export { testLenses, TestResults, RUN_TEST_COMMAND } from "./features/test-lenses.js";
export { executeCommand, COMMANDS, type TestRunSummary } from "./commands.js";
export { toOffset, toPosition, toRange, uriOf, pathOf } from "./positions.js";
