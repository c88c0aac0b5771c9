// Wires the features to an LSP connection. Every handler is guarded: a bug in a feature is logged
// to the client and answered with an empty result, never a crash of the server. A ResponseError
// (a refused rename, a command that cannot run) goes back to the client as the error it is.
import {
  CodeActionKind, CodeLensRefreshRequest, ResponseError, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from "vscode-languageserver";
import { COMMANDS, executeCommand } from "./commands.js";
import { DiagnosticsScheduler, DIAGNOSTIC_DELAYS, type DiagnosticDelays } from "./diagnostics-scheduler.js";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { foldingRanges } from "./features/folding.js";
import { formatDocument } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { definition, references } from "./features/navigation.js";
import { prepareRename, rename } from "./features/rename.js";
import { semanticTokens, SEMANTIC_TOKENS_LEGEND } from "./features/semantic-tokens.js";
import { documentSymbols } from "./features/symbols.js";
import { testLenses, TestResults } from "./features/test-lenses.js";
import { pathOf, uriOf } from "./positions.js";
import { Workspace, type Disk } from "./workspace.js";

export interface ServerOptions {
  disk?: Disk;
  delays?: DiagnosticDelays;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const { disk, delays } = options;
  // stdout carries the protocol: anything printed must go to the client's log instead.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(" "));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(" "));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(" "));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(" "));
  console.debug = console.log;

  const ws = new Workspace(disk);
  const results = new TestResults();
  const diagnostics = new DiagnosticsScheduler(
    ws,
    (file, list, version) => void connection.sendDiagnostics({ uri: uriOf(file), diagnostics: list, ...(version !== undefined ? { version } : {}) }),
    delays ?? DIAGNOSTIC_DELAYS,
  );
  let lensRefresh = false;

  const guard = <P, R>(name: string, fallback: R, fn: (p: P) => R) => (p: P): R => {
    try {
      return fn(p);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`carve: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };
  const fileOf = (p: { textDocument?: { uri?: unknown } } | undefined) => pathOf(String(p?.textDocument?.uri ?? ""));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lensRefresh = params?.capabilities?.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [".", "[", ",", " ", ":", "-"] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: "carve-language-server", version: "0.1.0" },
    };
  });

  const changed = <P>(name: string, fn: (p: P) => void) => guard<P, void>(name, undefined, (p) => {
    fn(p);
    diagnostics.changed();
  });
  connection.onDidOpenTextDocument(changed("open", (p) => ws.open(fileOf(p), p.textDocument.text, p.textDocument.version)));
  connection.onDidChangeTextDocument(changed("change", (p) => ws.change(fileOf(p), p.contentChanges, p.textDocument.version)));
  connection.onDidCloseTextDocument(changed("close", (p) => ws.close(fileOf(p))));
  connection.onDidSaveTextDocument(changed("save", () => ws.invalidateDisk()));
  connection.onDidChangeWatchedFiles(changed("watched files", () => ws.invalidateDisk()));
  connection.onShutdown(() => diagnostics.dispose());

  connection.onHover(guard("hover", null, (p) => hover(ws, fileOf(p), p.position)));
  connection.onDefinition(guard("definition", null, (p) => definition(ws, fileOf(p), p.position)));
  connection.onReferences(guard("references", [], (p) => references(ws, fileOf(p), p.position, p.context?.includeDeclaration ?? true)));
  connection.onPrepareRename(guard("prepare rename", null, (p) => prepareRename(ws, fileOf(p), p.position)));
  connection.onRenameRequest(guard("rename", null, (p) => rename(ws, fileOf(p), p.position, p.newName)));
  connection.onDocumentFormatting(guard("formatting", [], (p) => formatDocument(ws, fileOf(p))));
  connection.onDocumentSymbol(guard("document symbols", [], (p) => documentSymbols(ws, fileOf(p))));
  connection.onFoldingRanges(guard("folding ranges", [], (p) => foldingRanges(ws, fileOf(p))));
  connection.onCompletion(guard("completion", null, (p) => completion(ws, fileOf(p), p.position)));
  connection.languages.semanticTokens.on(guard("semantic tokens", { data: [] }, (p) => semanticTokens(ws, fileOf(p))));
  connection.onCodeAction(guard("code actions", [], (p) => codeActions(ws, fileOf(p), p)));
  connection.onCodeLens(guard("code lenses", [], (p) => testLenses(ws, fileOf(p), results)));
  connection.onExecuteCommand(guard("command", null, (p) => {
    const result = executeCommand(ws, results, p.command, p.arguments);
    // A test ran: its lens shows the outcome (clients without refresh see it on their next request).
    if (p.command === COMMANDS.runTest && lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    return result;
  }));

  connection.listen();
}
