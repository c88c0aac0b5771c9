// The workspace reuses parses between rebuilds (an unchanged import is not parsed again, an edited
// file is re-parsed around the edit): whatever the edits, in whichever file, its program must be
// the one a build from scratch gives. And the scheduler, with no pause, still builds a burst of
// changes once and never publishes for a version an edit has replaced.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadProgram, MemoryHost } from "@carve/language";
import type { Diagnostic } from "vscode-languageserver";
import { DiagnosticsScheduler, Workspace } from "../src/index.js";
import { ACME, MemoryDisk, ROSTER, acmeText, acmeWorkspace, positionAt, positionOf, rosterText } from "./helpers.js";

/** The program of ACME built from scratch over the texts the workspace sees now. */
function fresh(ws: Workspace) {
  const files = new Map<string, string>();
  for (const p of [ACME, ROSTER]) {
    const t = ws.readFile(p);
    if (t !== undefined) files.set(p, t);
  }
  return loadProgram(ACME, { readFile: (p) => files.get(p), resolve: (from, rel) => ws.resolve(from, rel) });
}

function expectFresh(ws: Workspace): string[] {
  const program = ws.programFor(ACME);
  const want = fresh(ws);
  expect(program.diagnostics).toEqual(want.diagnostics);
  expect(program.files).toEqual(want.files);
  return program.diagnostics.map((d) => d.code);
}

/** Replaces `needle` (its first occurrence) in an open document, as an editor's incremental change. */
function replace(ws: Workspace, path: string, needle: string, text: string, version: number): void {
  const current = ws.readFile(path)!;
  const start = positionOf(current, needle);
  const end = positionOf(current, needle, needle.length);
  ws.change(path, [{ range: { start, end }, text }], version);
}

describe("incremental rebuilds", () => {
  it("sees an edit of the imported file, open or on disk", () => {
    const disk = new MemoryDisk({ [ACME]: acmeText, [ROSTER]: rosterText });
    const ws = new Workspace(disk);
    ws.open(ACME, acmeText, 1);
    expect(expectFresh(ws)).toEqual([]);
    // The roster opened and a rep renamed: assignments to the old name are now unknown.
    ws.open(ROSTER, rosterText, 1);
    replace(ws, ROSTER, "rep dana", "rep dane", 2);
    expect(expectFresh(ws)).toContain("CARVE025");
    replace(ws, ROSTER, "rep dane", "rep dana", 3);
    expect(expectFresh(ws)).toEqual([]);
    // Closed, then changed on disk (a save or another tool): the disk's text counts.
    ws.close(ROSTER);
    disk.files.set(ROSTER, rosterText.replace("rep dana", "rep danx"));
    ws.invalidateDisk();
    expect(expectFresh(ws)).toContain("CARVE025");
  });

  it("follows edits that move declarations' boundaries, and a syntax error coming and going", () => {
    const ws = acmeWorkspace();
    expectFresh(ws);
    // A new territory after another, then the brace between them deleted and typed again.
    replace(ws, ACME, "    assign dana\n  }\n", '    assign dana\n  }\n  territory hc2 "More" {\n    when country == CA\n    assign dana\n  }\n', 2);
    expect(expectFresh(ws)).toEqual([]);
    replace(ws, ACME, "    assign dana\n  }\n  territory hc2", "    assign dana\n\n  territory hc2", 3);
    expect(expectFresh(ws)).toContain("CARVE004");
    replace(ws, ACME, "    assign dana\n\n  territory hc2", "    assign dana\n  }\n  territory hc2", 4);
    expect(expectFresh(ws)).toEqual([]);
    replace(ws, ACME, "when country == CA", "when country == CA and", 6);
    expect(expectFresh(ws)).toContain("CARVE004");
    replace(ws, ACME, "when country == CA and", "when country == CA", 7);
    expect(expectFresh(ws)).toEqual([]);
  });

  it("gives a build from scratch's program after random edits of either file", () => {
    const snippet = fc.constantFrom("x", " ", "\n", "}", "{", '"', "#", "dana", "alice", "US", "== ", "and ", "assign ", "territory t {", "  ");
    const anEdit = fc.record({
      roster: fc.boolean(), at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(snippet, { maxLength: 3 }).map((a) => a.join("")),
    });
    fc.assert(
      fc.property(fc.array(anEdit, { minLength: 1, maxLength: 8 }), (script) => {
        const ws = acmeWorkspace(acmeText, rosterText, [ACME, ROSTER]);
        ws.programFor(ACME);
        let version = 1;
        for (const e of script) {
          const path = e.roster ? ROSTER : ACME;
          const text = ws.readFile(path)!;
          const at = e.at % (text.length + 1);
          const end = Math.min(text.length, at + e.remove);
          ws.change(path, [{ range: { start: positionAt(text, at), end: positionAt(text, end) }, text: e.insert }], ++version);
          expectFresh(ws);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the diagnostics scheduler without a pause", () => {
  const delays = { frontEndMs: 0, analysisMs: 10_000 };
  let scheduler: DiagnosticsScheduler | undefined;
  afterEach(() => scheduler?.dispose());

  function harness(ws: Workspace) {
    const published: { file: string; version: number | undefined; diagnostics: Diagnostic[] }[] = [];
    scheduler = new DiagnosticsScheduler(ws, (file, diagnostics, version) => published.push({ file, diagnostics, version }), delays);
    // The versions the front end was built for.
    const built: (number | undefined)[] = [];
    const program = ws.program.bind(ws);
    ws.program = (entry) => {
      built.push(ws.version(ACME));
      return program(entry);
    };
    return { s: scheduler, published, built };
  }
  const insertAt = (ws: Workspace, line: number, version: number) =>
    ws.change(ACME, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: " " }], version);

  it("builds a burst of changes once, for the last one", async () => {
    const ws = acmeWorkspace();
    const { s, published, built } = harness(ws);
    for (let v = 2; v <= 6; v++) {
      insertAt(ws, 0, v);
      s.changed();
    }
    await vi.waitFor(() => expect(published.some((p) => p.file === ACME)).toBe(true), { timeout: 5000 });
    expect(built).toEqual([6]);
    expect(published.filter((p) => p.file === ACME).map((p) => p.version)).toEqual([6]);
  });

  it("lets a change the connection has already received go first", async () => {
    // vscode-jsonrpc dispatches one received message per turn of the event loop (setImmediate):
    // changes that arrive together are applied on consecutive turns, and each restarts the wait.
    const ws = acmeWorkspace();
    const { s, published, built } = harness(ws);
    for (let v = 2; v <= 6; v++) {
      await new Promise((resolve) => setImmediate(resolve));
      insertAt(ws, 0, v);
      s.changed();
    }
    await vi.waitFor(() => expect(published.some((p) => p.file === ACME)).toBe(true), { timeout: 5000 });
    expect(built).toEqual([6]);
    expect(published.filter((p) => p.file === ACME).map((p) => p.version)).toEqual([6]);
  });

  it("publishes each version when changes come one after the other, and the error of the last", async () => {
    const ws = acmeWorkspace();
    const { s, published } = harness(ws);
    replace(ws, ACME, "assign dana", "assign danna", 2);
    s.changed();
    await vi.waitFor(() => expect(published.find((p) => p.file === ACME && p.version === 2)?.diagnostics.map((d) => d.code)).toEqual(["CARVE025"]), { timeout: 5000 });
    replace(ws, ACME, "assign danna", "assign dana", 3);
    s.changed();
    await vi.waitFor(() => expect(published.find((p) => p.file === ACME && p.version === 3)?.diagnostics).toEqual([]), { timeout: 5000 });
  });
});
