// The language server as an editor sees it: `carve lsp --stdio` in its own process, spoken to over
// JSON-RPC with vscode-languageserver-protocol's types, on a two-file ruleset (a copy of
// examples/acme: acme.carve imports roster.carve). The steps share one server and run in order,
// like one editing session: open, break and fix an edit (with its quick fix), ask for completion,
// hover, navigation, semantic tokens, a test run from a code lens, rename and formatting, send
// nonsense, shut down. The CLI is the built one (`pnpm test` builds first).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionKind, CodeActionRequest, CodeLensRequest, CompletionItemKind, CompletionRequest, DefinitionRequest,
  DiagnosticSeverity, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest,
  ErrorCodes, ExecuteCommandRequest, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest,
  MessageType, ReferencesRequest, RenameRequest, ResponseError, SemanticTokensRequest, ShutdownRequest,
  TextDocumentSyncKind, type CompletionItem, type CompletionList, type Diagnostic, type InitializeResult, type Location,
  type MarkupContent, type Position, type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { formatText } from "@carve/language";
import { protocolFrames, startServer, type ServerProcess } from "./server-process.js";
import { applyEdits, positionOf, rangeOf } from "./text-positions.js";

const example = join(import.meta.dirname, "..", "..", "examples", "acme");
const dir = mkdtempSync(join(tmpdir(), "carve-lsp-"));
for (const f of ["acme.carve", "roster.carve"]) copyFileSync(join(example, f), join(dir, f));
const acmePath = join(dir, "acme.carve");
const rosterPath = join(dir, "roster.carve");
const acme = pathToFileURL(acmePath).href;
const roster = pathToFileURL(rosterPath).href;
const acmeText = readFileSync(acmePath, "utf8");
const rosterText = readFileSync(rosterPath, "utf8");

let server: ServerProcess;
let capabilities: InitializeResult["capabilities"];
/** acme.carve as the client holds it, and its version */
let text = acmeText;
let version = 1;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();
const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label);

/** Sends an incremental change of acme.carve: `newText` replaces `length` code units at `at`. */
function edit(at: Position, length: number, newText: string): number {
  const start = text.split("\n").slice(0, at.line).reduce((n, l) => n + l.length + 1, 0) + at.character;
  text = text.slice(0, start) + newText + text.slice(start + length);
  version++;
  const mark = server.published.length;
  void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: acme, version },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + length } }, text: newText }],
  });
  return mark;
}

beforeAll(async () => {
  server = startServer(dir);
  const init: InitializeResult = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "acme" }],
    capabilities: {
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        completion: { completionItem: { snippetSupport: false } },
        hover: { contentFormat: ["markdown", "plaintext"] },
        rename: { prepareSupport: true },
      },
      workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: false } },
    },
  });
  expect(init.capabilities).toMatchObject({
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentFormattingProvider: true,
    completionProvider: expect.any(Object),
  });
  const sync = init.capabilities.textDocumentSync;
  expect(typeof sync === "object" ? sync.change : sync).toBe(TextDocumentSyncKind.Incremental);
  expect(init.capabilities.renameProvider).toBeTruthy();
  capabilities = init.capabilities;
  await server.connection.sendNotification(InitializedNotification.type, {});
}, 60_000);

afterAll(() => {
  if (server.child.exitCode === null) server.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

// Generous timeouts: the server is a fresh Node process, and test machines are often busy.
describe("carve lsp --stdio", { timeout: 60_000 }, () => {
  it("publishes the program's diagnostics for both files when the entry is opened", async () => {
    const mark = server.published.length;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: acme, languageId: "carve", version, text },
    });
    // The example's two findings (an unused segment, a gap under `na`) come from the analysis.
    const open = await server.diagnostics(acme, (p) => p.version === 1 && codes(p).includes("CARVE074"), mark);
    expect(codes(open)).toEqual(["CARVE074", "CARVE079"]);
    const unused = open.diagnostics.find((d) => d.code === "CARVE079")!;
    expect(unused).toMatchObject({ severity: DiagnosticSeverity.Warning, source: "carve", range: rangeOf(text, "mid_market") });
    expect(unused.message).toContain("mid_market");
    // The imported file is part of the program: it is published too, empty.
    const imported = await server.diagnostics(roster, () => true, mark);
    expect(imported.diagnostics).toEqual([]);
  });

  it("publishes an error an edit introduces, with its code and range, and clears it when the edit is undone", async () => {
    // `assign dana` → `assign danna`: one inserted character.
    const dana = positionOf(text, "assign dana", "assign da".length);
    let mark = edit(dana, 0, "n");
    const broken = await server.diagnostics(acme, (p) => p.version === version && codes(p).includes("CARVE025"), mark);
    const error = broken.diagnostics.find((d) => d.code === "CARVE025")!;
    expect(error).toMatchObject({ severity: DiagnosticSeverity.Error, source: "carve", range: rangeOf(text, "danna") });
    expect(error.message).toContain("unknown rep, team or queue `danna`");
    expect(error.message).toContain("did you mean `dana`?");
    // The "did you mean" is also a quick fix, and applying its edit gives back the original text.
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: acme }, range: error.range, context: { diagnostics: [error], only: [CodeActionKind.QuickFix] },
    });
    const fix = (actions ?? []).find((a) => "edit" in a && a.edit !== undefined);
    expect(fix && "kind" in fix ? fix.kind : undefined).toBe(CodeActionKind.QuickFix);
    expect(applyEdits(text, editsByUri(fix && "edit" in fix ? fix.edit ?? null : null)[acme])).toBe(acmeText);

    mark = edit(dana, 1, "");
    expect(text).toBe(acmeText);
    const fixed = await server.diagnostics(acme, (p) => p.version === version, mark);
    expect(fixed.diagnostics.filter((d: Diagnostic) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    // The analysis runs again on the fixed program: its findings are back for this version.
    const analysed = await server.diagnostics(acme, (p) => p.version === version && codes(p).includes("CARVE074"), mark);
    expect(codes(analysed)).toEqual(["CARVE074", "CARVE079"]);
  });

  it("completes fields where a condition goes on, enum values after `==`, owners after `assign`", async () => {
    const request = (position: Position) => server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: acme }, position });
    const field = await request(positionOf(text, "when country == US and industry == healthcare", "when country == US and ".length));
    const items = Array.isArray(field) ? field : field?.items ?? [];
    expect(labels(field)).toEqual(expect.arrayContaining([
      "id", "country", "region", "postal_code", "industry", "employees", "annual_revenue", "source",
      "email_domain", "account.id", "account.owner", "account.status", "enterprise", "mid_market",
    ]));
    expect(items.find((i) => i.label === "employees")).toMatchObject({ kind: CompletionItemKind.Field, detail: "int" });
    expect(labels(field)).not.toContain("territory");

    const value = await request(positionOf(text, "industry == healthcare", "industry == ".length));
    expect(labels(value).sort()).toEqual(["fintech", "healthcare", "logistics", "manufacturing", "other", "public_sector", "retail", "software"]);

    const owner = await request(positionOf(text, "assign dana", "assign ".length));
    expect(labels(owner)).toEqual(expect.arrayContaining(["alice", "bob", "carol", "dana", "erin", "west_ae", "na_queue", "triage"]));
  });

  it("describes a rep on hover", async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: acme }, position: positionOf(text, "assign dana", "assign d".length) });
    expect(hover?.range).toEqual(rangeOf(text, "dana", 0));
    const contents = hover?.contents as MarkupContent;
    expect(contents.kind).toBe("markdown");
    expect(contents.value).toContain("**rep** `dana` — Dana Weiss");
    expect(contents.value).toContain("dana@acme.com");
    expect(contents.value).toContain("until: 2027-06-30");
  });

  it("goes to a rep's definition in the imported file", async () => {
    const def = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: acme }, position: positionOf(text, "assign dana", "assign ".length) });
    const locations = (Array.isArray(def) ? def : [def]) as Location[];
    expect(locations).toEqual([{ uri: roster, range: rangeOf(rosterText, "dana") }]);
  });

  it("finds references in both files", async () => {
    const at = positionOf(text, "assign na_queue", "assign ".length);
    const refs = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: acme }, position: at, context: { includeDeclaration: true } });
    const expected = [
      { uri: acme, range: rangeOf(text, "na_queue") },
      { uri: roster, range: rangeOf(rosterText, "na_queue", 0) }, // `overflow na_queue` in west_ae
      { uri: roster, range: rangeOf(rosterText, "na_queue", 1) }, // the declaration
    ];
    const key = (l: Location) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    expect([...(refs ?? [])].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    const uses = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: acme }, position: at, context: { includeDeclaration: false } });
    expect(uses).toHaveLength(2);
    expect(uses).not.toContainEqual(expected.find((l) => l.range.start.line === rangeOf(rosterText, "queue na_queue").start.line));
  });

  it("marks names by what they stand for (semantic tokens)", async () => {
    const legend = capabilities.semanticTokensProvider?.legend;
    expect(legend?.tokenTypes.length).toBeGreaterThan(0);
    const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: acme } });
    const data = tokens?.data ?? [];
    expect(data.length % 5).toBe(0);
    // Decode the relative encoding: [Δline, Δstart (same line) or start, length, type, modifiers].
    const decoded: { line: number; character: number; length: number; type: string }[] = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      line += data[i];
      decoded.push({ line, character, length: data[i + 2], type: legend!.tokenTypes[data[i + 3]] });
    }
    const use = rangeOf(text, "dana");
    const team = rangeOf(text, "west_ae");
    expect(decoded).toContainEqual({ ...use.start, length: 4, type: "variable" }); // a rep
    expect(decoded).toContainEqual({ ...team.start, length: "west_ae".length, type: "class" }); // a team
  });

  it("runs a test from its code lens through workspace/executeCommand", async () => {
    const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: acme } });
    expect(lenses).toHaveLength(3); // the example's three tests
    const first = lenses![0];
    expect(first.range.start).toEqual(positionOf(text, "test \"A big Californian"));
    expect(capabilities.executeCommandProvider?.commands).toContain(first.command!.command);
    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: first.command!.command, arguments: first.command!.arguments });
    expect(result).toMatchObject({ passed: 1, failed: 0 });
    // The lens now shows the outcome.
    const after = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: acme } });
    expect(after![0].command!.title).not.toBe(first.command!.title);
    expect(after![0].command!.title).toMatch(/passed/i);
  });

  it("renames a rep in both files, and refuses a keyword as the new name", async () => {
    const at = positionOf(text, "assign carol", "assign ".length);
    const result: WorkspaceEdit | null = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: acme }, position: at, newName: "caroline" });
    const edits = editsByUri(result);
    expect(Object.keys(edits).sort()).toEqual([acme, roster].sort());
    expect(applyEdits(text, edits[acme])).toBe(text.replace("assign carol", "assign caroline"));
    // The declaration and the team membership change; the label and the e-mail address do not.
    expect(applyEdits(rosterText, edits[roster])).toBe(
      rosterText.replace('rep carol "Carol Singh" { email "carol@acme.com"', 'rep caroline "Carol Singh" { email "carol@acme.com"')
        .replace("members erin, carol", "members erin, caroline"),
    );

    const refused = server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: acme }, position: at, newName: "territory" });
    await expect(refused).rejects.toBeInstanceOf(ResponseError);
    await expect(refused).rejects.toMatchObject({ message: expect.stringContaining("keyword") });
  });

  it("formats a document into the canonical layout", async () => {
    // The roster, opened with its spacing mangled (line breaks are the author's and the formatter keeps
    // them): the edits must give back exactly what formatText gives, which is the original file.
    const messy = rosterText
      .replace('rep bob "Bob Ortiz" { email "bob@acme.com"  capacity 150 }', 'rep   bob "Bob Ortiz"{email "bob@acme.com"      capacity 150}')
      .replace("members alice, bob weight 2", "members alice,bob   weight 2")
      .replace('queue triage "Global triage"', 'queue triage    "Global triage"   ');
    expect(messy).not.toBe(rosterText);
    const canonical = formatText(rosterPath, messy);
    expect(canonical.ok).toBe(true);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: roster, languageId: "carve", version: 1, text: messy },
    });
    const edits: TextEdit[] | null = await server.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: roster }, options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits?.length).toBeGreaterThan(0);
    const formatted = applyEdits(messy, edits!);
    expect(formatted).toBe(canonical.ok ? canonical.text : undefined);
    expect(formatted).toBe(rosterText); // the example is kept in the canonical layout
    const again: TextEdit[] | null = await server.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: acme }, options: { tabSize: 2, insertSpaces: true },
    });
    expect(again ?? []).toEqual([]); // already canonical: nothing to do
  });

  it("answers malformed requests normally and keeps working", async () => {
    const origin = { line: 0, character: 0 };
    // Past the end of the file: clamped to the end, where there is nothing to describe.
    const pastEnd = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: acme }, position: { line: 100_000, character: 500 } });
    expect(pastEnd).toBeNull();
    // Before the start: clamped to the start of the file, where a ruleset begins with a keyword.
    const negative = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: acme }, position: { line: -3, character: -1 } });
    expect(labels(negative)).toContain("ruleset");
    const notNumbers = await server.connection.sendRequest(HoverRequest.method, { textDocument: { uri: acme }, position: { line: "x", character: null } });
    expect(notNumbers).toBeNull();
    const unknown = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: pathToFileURL(join(dir, "missing.carve")).href }, position: origin });
    expect(unknown).toBeNull();
    const otherScheme = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: "untitled:Untitled-1" }, position: origin });
    expect(otherScheme ?? []).toEqual([]);
    // Parameters missing altogether: a response (a result or an error), not silence or a crash.
    const broken = await server.connection.sendRequest(HoverRequest.method, {})
      .then(() => "result", (e: unknown) => (e instanceof ResponseError ? "error" : "rejected"));
    expect(["result", "error"]).toContain(broken);
    const unknownMethod = server.connection.sendRequest("carve/noSuchMethod", {});
    await expect(unknownMethod).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });

    // Still answering, and still tracking edits.
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: acme }, position: positionOf(text, "assign dana", "assign d".length) });
    expect((hover?.contents as MarkupContent).value).toContain("Dana Weiss");
    const mark = edit(positionOf(text, "assign dana", "assign ".length), 4, "nobody");
    const after = await server.diagnostics(acme, (p) => p.version === version && codes(p).includes("CARVE025"), mark);
    expect(after.diagnostics.find((d) => d.code === "CARVE025")?.range).toEqual(rangeOf(text, "nobody"));
  });

  it("shuts down and exits with code 0 on shutdown + exit", async () => {
    await expect(server.connection.sendRequest(ShutdownRequest.type)).resolves.toBeNull();
    await server.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running after 10 s"), 10_000))]);
    expect(code).toBe(0);
  });

  it("wrote nothing but protocol messages to stdout, and nothing to stderr", () => {
    expect(server.readerErrors).toEqual([]);
    const frames = protocolFrames(server.stdout());
    // Every publish the client saw is one of those frames: nothing was lost between them.
    expect(frames.filter((m) => (m as { method?: string }).method === "textDocument/publishDiagnostics")).toHaveLength(server.published.length);
    expect(server.stderr()).toBe("");
    // The server logs a failing handler to the client and answers with an empty result, so a bug
    // there would pass unnoticed: the only failure it may have logged is the parameterless hover.
    const failures = server.logs.filter((l) => l.type === MessageType.Error && !/\bhover failed\b/.test(l.message));
    expect(failures.map((l) => l.message.split("\n")[0])).toEqual([]);
  });
});

describe("protocolFrames (the stdout check above)", () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const message = JSON.stringify({ jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "héllo" } });

  it("reads back well-formed messages, counting the length in bytes", () => {
    expect(protocolFrames(Buffer.from(frame(message) + frame(message)))).toHaveLength(2);
  });

  it("rejects a stray line printed between messages, a truncated message and a body that is not JSON-RPC", () => {
    expect(() => protocolFrames(Buffer.from(`${frame(message)}checking plan.carve\n${frame(message)}`))).toThrow(/not a protocol header/);
    expect(() => protocolFrames(Buffer.from(frame(message).slice(0, -3)))).toThrow(/ends inside a message/);
    expect(() => protocolFrames(Buffer.from(frame("{\"id\":1}")))).toThrow(/not a JSON-RPC 2.0 message/);
  });
});

/** The edits of a WorkspaceEdit by document URI, whether the server sent `changes` or `documentChanges`. */
function editsByUri(edit: WorkspaceEdit | null): Record<string, TextEdit[]> {
  const out: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) out[uri] = [...(out[uri] ?? []), ...edits];
  for (const change of edit?.documentChanges ?? []) {
    if (!("textDocument" in change)) throw new Error(`unexpected resource operation in a rename: ${JSON.stringify(change)}`);
    out[change.textDocument.uri] = [...(out[change.textDocument.uri] ?? []), ...(change.edits as TextEdit[])];
  }
  return out;
}
