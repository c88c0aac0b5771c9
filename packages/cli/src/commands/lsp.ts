// `carve lsp --stdio`: the language server over standard input/output (editors start it this way).
import { startStdioServer } from "@carve/language-server";

export function runLsp(): void {
  startStdioServer();
}
