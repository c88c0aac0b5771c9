// The language server as the extension starts it: bundled into dist/server.cjs and forked by the
// client. createConnection without streams picks the transport from the command line (`--node-ipc`
// when VS Code starts it, `--stdio` or `--socket=N` otherwise), so one bundle serves every client.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "@carve/language-server";

startServer(createConnection(ProposedFeatures.all));
