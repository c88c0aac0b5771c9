// Starts the bundled Carve language server for .carve files and adds the palette commands. The
// commands only gather their input here; the server runs them (workspace/executeCommand) on the
// documents as they are in the editor, and this side shows what comes back or why it failed.
import * as vscode from "vscode";
import {
  ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from "vscode-languageclient/node";
import { decisionText } from "./decision-text.js";
import { clientCommands, serverCommands } from "./ids.js";
import { describe, describeTests, errorMessage, parseRecord } from "./present.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const results = vscode.window.createOutputChannel("Carve Results");
  const watcher = vscode.workspace.createFileSystemWatcher("**/*.carve");
  context.subscriptions.push(results, watcher);

  const showTests = async (run: () => Promise<unknown>): Promise<unknown> => {
    try {
      const result = await run();
      results.clear();
      results.appendLine(describeTests(result));
      results.show(true);
      return result;
    } catch (e) {
      void vscode.window.showErrorMessage(`Carve: running tests failed: ${errorMessage(e)}`);
      return undefined;
    }
  };

  const module = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "carve" }],
    // Imported files that are not open change on disk too; the server re-reads them when told.
    synchronize: { fileEvents: watcher },
    middleware: {
      // A test's code lens runs the server's command directly: its results go where the palette's do.
      executeCommand: (command, args, next) =>
        command === serverCommands.runTest ? showTests(async () => next(command, args)) : next(command, args),
    },
  };
  const lc = new LanguageClient("carve", "Carve", serverOptions, clientOptions);
  client = lc;
  const execute = (command: string, args: unknown[]): Promise<unknown> =>
    lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

  context.subscriptions.push(
    vscode.commands.registerCommand(clientCommands.runTests, async () => {
      const doc = activeCarveDocument();
      // No test name: the server runs every test of the file.
      if (doc) await showTests(() => execute(serverCommands.runTest, [doc.uri.toString()]));
    }),

    vscode.commands.registerCommand(clientCommands.explainRecord, async () => {
      const doc = activeCarveDocument();
      if (!doc) return;
      const lastKey = "carve.lastRecord";
      const text = await vscode.window.showInputBox({
        title: "Carve: Explain record",
        prompt: "The record as a JSON object",
        placeHolder: '{"country": "US", "employees": 50}',
        value: context.workspaceState.get<string>(lastKey),
        validateInput: (t) => {
          const parsed = parseRecord(t);
          return "error" in parsed ? parsed.error : undefined;
        },
      });
      if (text === undefined) return;
      const parsed = parseRecord(text);
      if ("error" in parsed) return;
      await context.workspaceState.update(lastKey, text);
      try {
        const result = await execute(serverCommands.explain, [{ uri: doc.uri.toString(), record: parsed.record }]);
        results.clear();
        results.appendLine(decisionText(result) ?? describe(result));
        results.show(true);
      } catch (e) {
        void vscode.window.showErrorMessage(`Carve: explain failed: ${errorMessage(e)}`);
      }
    }),

    vscode.commands.registerCommand(clientCommands.showCompiledTable, async () => {
      const doc = activeCarveDocument();
      if (!doc) return;
      try {
        const result = await execute(serverCommands.showCompiled, [{ uri: doc.uri.toString() }]);
        const table = await vscode.workspace.openTextDocument({ language: "json", content: describe(result) });
        await vscode.window.showTextDocument(table, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      } catch (e) {
        void vscode.window.showErrorMessage(`Carve: showing the compiled table failed: ${errorMessage(e)}`);
      }
    }),
  );

  await lc.start();
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  await lc?.stop();
}

function activeCarveDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === "carve") return doc;
  void vscode.window.showErrorMessage("Carve: open a .carve file first.");
  return undefined;
}
