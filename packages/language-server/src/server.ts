// Wires the features to an LSP connection. Every handler is guarded: a bug in a feature is logged
// to the client and answered with an empty result, never a crash of the server.
import {
  TextDocumentSyncKind, type Connection, type Diagnostic, type InitializeResult,
} from "vscode-languageserver";
import { collectDiagnostics } from "./features/diagnostics.js";
import { completion } from "./features/completion.js";
import { foldingRanges } from "./features/folding.js";
import { formatDocument } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { definition, references } from "./features/navigation.js";
import { prepareRename, rename, RenameRefused } from "./features/rename.js";
import { documentSymbols } from "./features/symbols.js";
import { pathOf, uriOf } from "./positions.js";
import { Workspace, type Disk } from "./workspace.js";

/** How long to wait after an edit before rebuilding: typing bursts rebuild once. */
export const DEBOUNCE_MS = 75;

export function startServer(connection: Connection, disk?: Disk): void {
  // stdout carries the protocol: anything printed must go to the client's log instead.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(" "));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(" "));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(" "));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(" "));
  console.debug = console.log;

  const ws = new Workspace(disk);
  const published = new Map<string, Diagnostic[]>();
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  const guard = <P, R>(name: string, fallback: R, fn: (p: P) => R) => (p: P): R => {
    try {
      return fn(p);
    } catch (e) {
      if (e instanceof RenameRefused) throw e;
      connection.console.error(`carve: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };

  const publish = () => {
    const started = generation;
    let next: Map<string, Diagnostic[]>;
    try {
      next = collectDiagnostics(ws);
    } catch (e) {
      connection.console.error(`carve: diagnostics failed: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    // An edit arrived while this ran: its own rebuild will publish, these are already stale.
    if (started !== generation) return;
    for (const file of published.keys()) if (!next.has(file)) void connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
    published.clear();
    for (const [file, diagnostics] of next) {
      published.set(file, diagnostics);
      void connection.sendDiagnostics({ uri: uriOf(file), version: ws.version(file), diagnostics });
    }
  };
  const schedule = () => {
    generation++;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      publish();
    }, DEBOUNCE_MS);
  };

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: [".", "[", ",", " "] },
    },
    serverInfo: { name: "carve-language-server", version: "0.1.0" },
  }));

  connection.onDidOpenTextDocument(guard("open", undefined, (p) => {
    ws.open(pathOf(p.textDocument.uri), p.textDocument.text, p.textDocument.version);
    schedule();
  }));
  connection.onDidChangeTextDocument(guard("change", undefined, (p) => {
    ws.change(pathOf(p.textDocument.uri), p.contentChanges, p.textDocument.version);
    schedule();
  }));
  connection.onDidCloseTextDocument(guard("close", undefined, (p) => {
    ws.close(pathOf(p.textDocument.uri));
    schedule();
  }));
  connection.onDidSaveTextDocument(guard("save", undefined, () => {
    ws.invalidateDisk();
    schedule();
  }));
  connection.onDidChangeWatchedFiles(guard("watched files", undefined, () => {
    ws.invalidateDisk();
    schedule();
  }));

  connection.onHover(guard("hover", null, (p) => hover(ws, pathOf(p.textDocument.uri), p.position)));
  connection.onDefinition(guard("definition", null, (p) => definition(ws, pathOf(p.textDocument.uri), p.position)));
  connection.onReferences(guard("references", [], (p) => references(ws, pathOf(p.textDocument.uri), p.position, p.context?.includeDeclaration ?? true)));
  connection.onPrepareRename(guard("prepare rename", null, (p) => prepareRename(ws, pathOf(p.textDocument.uri), p.position)));
  connection.onRenameRequest(guard("rename", null, (p) => rename(ws, pathOf(p.textDocument.uri), p.position, p.newName)));
  connection.onDocumentFormatting(guard("formatting", [], (p) => formatDocument(ws, pathOf(p.textDocument.uri))));
  connection.onDocumentSymbol(guard("document symbols", [], (p) => documentSymbols(ws, pathOf(p.textDocument.uri))));
  connection.onFoldingRanges(guard("folding ranges", [], (p) => foldingRanges(ws, pathOf(p.textDocument.uri))));
  connection.onCompletion(guard("completion", [], (p) => completion(ws, pathOf(p.textDocument.uri), p.position)));

  connection.listen();
}
