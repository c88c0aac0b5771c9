// One measured editing session against `carve lsp --stdio`: open the ruleset, then time edits
// (didChange → the publishDiagnostics of that version) and requests (completion, hover,
// definition), each checked for a sensible answer before its time is kept. Times are wall-clock
// milliseconds on the client, from sending to receiving, so they include the JSON-RPC framing and
// the pipe both ways, as an editor sees them.
import { pathToFileURL } from "node:url";
import {
  CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, ShutdownRequest,
} from "vscode-languageserver-protocol/node";
import { startServer } from "./client.mjs";

/** A finding the static analysis always reports on the generated plans (a gap under a nested group). */
const ANALYSIS_CODE = "CARVE074";
const UNKNOWN_NAME = "CARVE025";

const hasCode = (p, code) => p.diagnostics.some((d) => d.code === code);
const items = (r) => (Array.isArray(r) ? r : r?.items ?? []);

/** Line/character (UTF-16 code units, as LSP counts by default) of an offset. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** The offset `delta(match)` into the first match of `re` at or after `fraction` of the text (default: its end). */
function find(text, fraction, re, delta = (m) => m[0].length) {
  const g = new RegExp(re.source, "g");
  g.lastIndex = Math.floor(text.length * fraction);
  const m = g.exec(text);
  if (!m) throw new Error(`the generated plan has no ${re} after ${Math.round(fraction * 100)}% of the file`);
  return m.index + delta(m);
}

/**
 * Runs the session on `entry` (the file the edits go to; its imports are read from disk by the
 * server). `P`: { edits, requests, typingCompletions, quietMs }.
 */
export async function measureSession({ dir, entry, text: initialText, P, log }) {
  const uri = pathToFileURL(entry).href;
  let text = initialText;
  let version = 1;
  const out = { lines: text.split("\n").length, cold: {}, edits: [], requests: {}, typing: [], phases: new Set() };

  let t = performance.now();
  const server = startServer(dir);
  await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  out.cold.initializeMs = performance.now() - t;
  await server.connection.sendNotification(InitializedNotification.type, {});

  // Waits until the server is done with the last edit: no publish for a while, then a cheap
  // request, answered only once whatever analysis is running has finished (the server is single-threaded).
  const settle = async () => {
    await server.quiet(P.quietMs);
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
  };

  const mark = server.published.length;
  t = performance.now();
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "carve", version, text } });
  const opened = await server.waitFor(uri, (p) => p.version === version, mark);
  const openedFull = await server.waitFor(uri, (p) => p.version === version && hasCode(p, ANALYSIS_CODE), mark);
  out.cold.firstPublishMs = opened.at - t;
  out.cold.analysisPublishMs = openedFull.at - t;
  out.cold.diagnostics = openedFull.diagnostics.length;
  await settle();

  /** Sends one incremental change: `length` code units at `offset` replaced by `insert`. */
  const change = async (offset, length, insert) => {
    const start = positionAt(text, offset);
    const end = positionAt(text, offset + length);
    text = text.slice(0, offset) + insert + text.slice(offset + length);
    version++;
    const m = server.published.length;
    const sched = server.sched();
    const sent = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: insert }],
    });
    return { mark: m, sent, sched, version };
  };

  // Edits in three places (a tenth, half way, nine tenths into the file), four at each visit: type
  // a letter into a territory's label and delete it again (the program stays valid: the analysis
  // runs), then misspell an owner and fix it (an error: CARVE025 must appear, then go).
  const places = [0.1, 0.5, 0.9];
  let typedAt = 0;
  for (let i = 0; i < P.edits; i++) {
    const at = places[Math.floor(i / 4) % places.length];
    const step = i % 4;
    // Odd steps undo the step before, at the offset it typed at.
    if (step === 0) typedAt = find(text, at, /territory \w+ "[^"]*/);
    if (step === 2) typedAt = find(text, at, /assign rep\d+/);
    const sent = step % 2 === 0 ? await change(typedAt, 0, "x") : await change(typedAt, 1, "");
    const front = await server.waitFor(uri, (p) => p.version === sent.version, sent.mark);
    const broken = step === 2;
    if (hasCode(front, UNKNOWN_NAME) !== broken) {
      throw new Error(`edit ${i + 1} (version ${sent.version}): the server published ${broken ? "no" : "an"} unknown-name error (${UNKNOWN_NAME}) where it should ${broken ? "" : "not "}have`);
    }
    const row = { kind: ["label", "label", "error", "fix"][step], frontMs: front.at - sent.sent, frontCpuMs: front.sched.cpu - sent.sched.cpu, frontWaitMs: front.sched.wait - sent.sched.wait };
    if (!broken) row.analysisMs = (await server.waitFor(uri, (p) => p.version === sent.version && hasCode(p, ANALYSIS_CODE), sent.mark)).at - sent.sent;
    await settle();
    row.publishes = server.published.slice(sent.mark).filter((p) => p.uri === uri && p.version === sent.version).length;
    out.phases.add(row.publishes);
    out.edits.push(row);
    if ((i + 1) % 10 === 0) log(`   ${i + 1}/${P.edits} edits`);
  }

  // Requests once the server is idle (the program of the current text is built).
  const mid = 0.5;
  const targets = {
    "completion: fields and segments (after `when`)": {
      request: CompletionRequest.type, position: find(text, mid, /\n {4,}when /),
      check: (r) => items(r).some((c) => c.label === "employees") && items(r).some((c) => c.label === "enterprise"),
      size: (r) => items(r).length,
    },
    "completion: enum values (after `industry ==`)": {
      request: CompletionRequest.type, position: find(text, mid, /industry == /),
      check: (r) => items(r).some((c) => c.label === "software"), size: (r) => items(r).length,
    },
    "completion: owners (after `assign`)": {
      request: CompletionRequest.type, position: find(text, mid, /assign /),
      check: (r) => items(r).some((c) => c.label === "rep00001"), size: (r) => items(r).length,
    },
    "completion: region codes (after `country == US and region ==`)": {
      request: CompletionRequest.type, position: find(text, mid, /country == US and region == /),
      check: (r) => items(r).some((c) => c.label === "US-CA") && !items(r).some((c) => c.label === "CA-ON"), size: (r) => items(r).length,
    },
    "completion: country codes (after `country ==`)": {
      request: CompletionRequest.type, position: find(text, mid, /country == /),
      check: (r) => items(r).some((c) => c.label === "DE"), size: (r) => items(r).length,
    },
    "hover on a rep": {
      request: HoverRequest.type, position: find(text, mid, /assign rep\d+/, () => "assign r".length),
      check: (r) => /\*\*rep\*\*/.test(r?.contents?.value ?? ""),
    },
    "definition of a rep (in the imported roster)": {
      request: DefinitionRequest.type, position: find(text, mid, /assign rep\d+/, () => "assign r".length),
      check: (r) => (Array.isArray(r) ? r : [r]).some((l) => l?.uri?.endsWith("/roster.carve")),
    },
  };
  for (const [name, target] of Object.entries(targets)) {
    const params = { textDocument: { uri }, position: positionAt(text, target.position) };
    const ms = [];
    let size;
    for (let k = 0; k < P.requests; k++) {
      const t0 = performance.now();
      const r = await server.connection.sendRequest(target.request, params);
      ms.push(performance.now() - t0);
      if (!target.check(r)) throw new Error(`${name}: unexpected answer ${JSON.stringify(r)?.slice(0, 300)}`);
      size = target.size?.(r);
    }
    out.requests[name] = { ms, items: size };
  }

  // Completion as it happens while typing: the request follows the edit at once, before the
  // server's debounce has rebuilt anything.
  for (let k = 0; k < P.typingCompletions; k++) {
    if (k % 2 === 0) typedAt = find(text, mid, /territory \w+ "[^"]*/);
    const sent = k % 2 === 0 ? await change(typedAt, 0, "x") : await change(typedAt, 1, "");
    const t0 = performance.now();
    const r = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, find(text, mid, /assign /)) });
    const completionMs = performance.now() - t0;
    if (!items(r).some((c) => c.label === "rep00001")) throw new Error(`completion after an edit: unexpected answer ${JSON.stringify(r)?.slice(0, 300)}`);
    const front = await server.waitFor(uri, (p) => p.version === sent.version, sent.mark);
    out.typing.push({ completionMs, frontMs: front.at - sent.sent });
    await settle();
  }

  out.serverPeakRssMB = server.peakRssMB();
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  out.exitCode = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("did not exit within 10 s"), 10_000))]);
  if (out.exitCode !== 0) server.child.kill();
  server.connection.dispose();
  out.stderr = server.stderr();
  out.phases = [...out.phases].sort();
  return out;
}
