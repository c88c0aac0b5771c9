// The server as a client sees it, in process: a real JSON-RPC connection over in-memory streams to
// startServer with an in-memory disk. It checks the wiring — capabilities, the two diagnostic
// phases, semantic tokens, code actions, code lenses refreshed after a test ran, errors on the
// wire — which the feature tests call directly.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest, CodeLensRefreshRequest, CodeLensRequest, createConnection, createProtocolConnection,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest, HoverRequest, InitializeRequest,
  InitializedNotification, PublishDiagnosticsNotification, RenameRequest, ResponseError,
  SemanticTokensRequest, StreamMessageReader, StreamMessageWriter,
  type Connection, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
} from "vscode-languageserver/node";
import { startServer } from "../src/index.js";
import { ACME, ACME_URI, MemoryDisk, ROSTER, ROSTER_URI, acmeText, positionOf, rosterText } from "./helpers.js";

let client: ProtocolConnection;
let server: Connection;
const published: PublishDiagnosticsParams[] = [];
let refreshes = 0;
let init: InitializeResult;

beforeAll(async () => {
  const up = new PassThrough();
  const down = new PassThrough();
  // Message readers and writers rather than raw streams: the node connection exits the process
  // when a raw input stream closes.
  server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { disk: new MemoryDisk({ [ACME]: acmeText, [ROSTER]: rosterText }), delays: { frontEndMs: 5, analysisMs: 50 } });
  client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
  client.onRequest(CodeLensRefreshRequest.type, () => void refreshes++);
  client.listen();
  init = await client.sendRequest(InitializeRequest.type, {
    processId: null, rootUri: "file:///ws", capabilities: { workspace: { codeLens: { refreshSupport: true } } },
  });
  await client.sendNotification(InitializedNotification.type, {});
});

afterAll(() => {
  client.dispose();
  server.dispose();
});

async function until<T>(find: () => T | undefined, timeout = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - start > timeout) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe("the server over a connection", () => {
  it("announces its features, commands and semantic token legend", () => {
    expect(init.capabilities).toMatchObject({
      codeActionProvider: { codeActionKinds: ["quickfix"] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: ["carve.runTest", "carve.showCompiled", "carve.explain"] },
      semanticTokensProvider: { full: true, legend: { tokenTypes: expect.arrayContaining(["keyword", "namespace", "property"]) } },
      renameProvider: { prepareProvider: true },
    });
  });

  it("publishes the front end's diagnostics, then the analysis' for both files", async () => {
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ACME_URI, languageId: "carve", version: 1, text: acmeText } });
    const first = await until(() => published.find((p) => p.uri === ACME_URI));
    expect(first).toMatchObject({ version: 1, diagnostics: [] });
    const analysed = await until(() => published.find((p) => p.uri === ACME_URI && codes(p).includes("CARVE074")));
    expect(codes(analysed)).toEqual(["CARVE074", "CARVE079"]);
    expect(published.find((p) => p.uri === ROSTER_URI)?.diagnostics).toEqual([]);
  });

  it("answers semantic tokens and a code action for a finding", async () => {
    const tokens = await client.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: ACME_URI } });
    expect(tokens?.data.length).toBeGreaterThan(100);
    const gap = [...published].reverse().find((p) => p.uri === ACME_URI)!.diagnostics.find((d) => d.code === "CARVE074")!;
    const actions = await client.sendRequest(CodeActionRequest.type, { textDocument: { uri: ACME_URI }, range: gap.range, context: { diagnostics: [gap] } });
    expect(actions?.map((a) => a.title)).toContain("Add `otherwise na_queue` to this block");
  });

  it("runs a test from its lens and asks the client to refresh the lenses", async () => {
    const lenses = await client.sendRequest(CodeLensRequest.type, { textDocument: { uri: ACME_URI } });
    expect(lenses).toHaveLength(3);
    const command = lenses![0].command!;
    const result = await client.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
    expect(result).toMatchObject({ passed: 1, failed: 0 });
    await until(() => (refreshes > 0 ? true : undefined));
    const after = await client.sendRequest(CodeLensRequest.type, { textDocument: { uri: ACME_URI } });
    expect(after?.map((l) => l.command?.title)).toEqual(["✓ Passed · run again", "▶ Run test", "▶ Run test"]);
  });

  it("sends refusals and failed commands back as errors, and survives malformed requests", async () => {
    const rename = client.sendRequest(RenameRequest.type, { textDocument: { uri: ACME_URI }, position: positionOf(acmeText, "assign dana", 7), newName: "bob" });
    await expect(rename).rejects.toBeInstanceOf(ResponseError);
    await expect(rename).rejects.toMatchObject({ message: "`bob` is already the name of a rep; choose another name" });
    const explain = client.sendRequest(ExecuteCommandRequest.type, { command: "carve.explain", arguments: [] });
    await expect(explain).rejects.toMatchObject({ message: expect.stringContaining("needs the document's URI") });
    expect(await client.sendRequest(HoverRequest.method, {})).toBeNull();
    expect(await client.sendRequest(HoverRequest.type, { textDocument: { uri: ACME_URI }, position: { line: 1e9, character: -4 } })).toBeNull();
  });

  it("clears the diagnostics of both files when the document closes", async () => {
    const mark = published.length;
    await client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: ACME_URI } });
    await until(() => published.slice(mark).find((p) => p.uri === ACME_URI));
    expect(published.slice(mark).find((p) => p.uri === ACME_URI)?.diagnostics).toEqual([]);
  });
});
