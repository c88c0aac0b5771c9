// No input wedges or crashes a feature: garbage text, every kind of syntax error, positions past
// the end or negative, unknown files, malformed parameters. A ResponseError (a refused rename, a
// command that cannot run) is an answer; anything else thrown is a bug.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResponseError, type Position } from "vscode-languageserver";
import {
  codeActions, collectDiagnostics, completion, definition, documentSymbols, executeCommand, foldingRanges, formatDocument,
  hover, prepareRename, references, rename, semanticTokens, testLenses, TestResults, Workspace,
} from "../src/index.js";
import { ACME, ACME_URI, MemoryDisk, ROSTER, acmeText, acmeWorkspace, positionOf, rosterText } from "./helpers.js";

/** Every feature at one position; returns what was thrown other than a ResponseError. */
function everyFeature(ws: Workspace, file: string, position: Position): unknown[] {
  const thrown: unknown[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof ResponseError)) thrown.push(e);
    }
  };
  const range = { start: position, end: position };
  attempt(() => hover(ws, file, position));
  attempt(() => definition(ws, file, position));
  attempt(() => references(ws, file, position, true));
  attempt(() => prepareRename(ws, file, position));
  attempt(() => rename(ws, file, position, "renamed_x"));
  attempt(() => completion(ws, file, position));
  attempt(() => codeActions(ws, file, { range, context: { diagnostics: collectDiagnostics(ws).get(file) ?? [] } }));
  attempt(() => documentSymbols(ws, file));
  attempt(() => foldingRanges(ws, file));
  attempt(() => formatDocument(ws, file));
  attempt(() => semanticTokens(ws, file));
  attempt(() => testLenses(ws, file, new TestResults()));
  attempt(() => executeCommand(ws, new TestResults(), "carve.runTest", [ACME_URI]));
  return thrown;
}

/** Pieces of Carve and of things that are not Carve, glued at random. */
const fragment = fc.constantFrom(
  "ruleset r", "record L {", "}", "{", "(", ")", "[", "]", ",", ":", "?", ".", "..", "==", "!=", ">=", "=",
  "territories first", "territories unique", "territory t", "when", "assign", "otherwise", "and", "or", "not", "in",
  "is set", "starts with", "test \"t\"", "given {", "expect owner", "expect territory", "via override", "rep", "team",
  "members", "strategy hash(", "segment s =", "set x = [", "import \"roster.carve\"", "import \"missing.carve\"",
  "country", "region", "employees", "US", "US-CA", "CA", "\"str", "\"ok\"", "\\u{1F600}", "2027-13-45", "12ab", "1_000",
  "250M", "# comment", "\n", "  ", "\t", "\u0000", "😀", "\u202e", "alice", "triage",
);

describe("robustness", () => {
  it("answers every feature at every kind of position in broken text", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }).map((xs) => xs.join(" ")), fc.nat(), (text, at) => {
        const ws = new Workspace(new MemoryDisk({ [ROSTER]: rosterText }));
        ws.open(ACME, text, 1);
        const lines = text.split("\n");
        const line = at % lines.length;
        const position = { line, character: at % (lines[line].length + 1) };
        expect(everyFeature(ws, ACME, position)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("answers at the ends of texts that start with a line break or a brace, or have a huge line", () => {
    const longLine = `${"a".repeat(50_000)}!`;
    for (const text of ["\n {    2027-13-45 segment s = test \"t\"", "{", "\n", "}\n{\n", "", longLine, `a.${"b.".repeat(10_000)}`]) {
      const ws = new Workspace(new MemoryDisk({}));
      ws.open(ACME, text, 1);
      const lines = text.split("\n");
      for (const position of [{ line: 0, character: 0 }, { line: lines.length - 1, character: lines[lines.length - 1].length }]) {
        expect(everyFeature(ws, ACME, position), JSON.stringify(text.slice(0, 40))).toEqual([]);
      }
    }
  });

  it("clamps positions past the end, negative or missing", () => {
    const ws = acmeWorkspace();
    const positions = [
      { line: 100_000, character: 5 }, { line: 3, character: 100_000 }, { line: -1, character: -7 },
      { line: Number.NaN, character: Number.POSITIVE_INFINITY }, undefined as unknown as Position, {} as Position,
    ];
    for (const p of positions) expect(everyFeature(ws, ACME, p), JSON.stringify(p)).toEqual([]);
    expect(hover(ws, ACME, { line: 100_000, character: 0 })).toBeNull();
  });

  it("answers nothing for files it cannot read", () => {
    const ws = acmeWorkspace();
    const nowhere = "/ws/missing.carve";
    expect(everyFeature(ws, nowhere, { line: 0, character: 0 })).toEqual([]);
    expect(hover(ws, nowhere, { line: 0, character: 0 })).toBeNull();
    expect(completion(ws, nowhere, { line: 0, character: 0 }).items).toEqual([]);
    expect(semanticTokens(ws, nowhere).data).toEqual([]);
    expect(everyFeature(ws, "untitled:Untitled-1", { line: 0, character: 0 })).toEqual([]);
  });

  it("survives edits with ranges past the end and an import cycle", () => {
    const ws = new Workspace(new MemoryDisk({ [ROSTER]: `import "acme.carve"\n${rosterText}` }));
    ws.open(ACME, acmeText, 1);
    ws.change(ACME, [{ range: { start: { line: 5_000, character: 3 }, end: { line: 9_000, character: 0 } }, text: "\n# appended" }], 2);
    expect(ws.readFile(ACME)).toBe(`${acmeText}\n# appended`);
    const codes = (collectDiagnostics(ws).get(ROSTER) ?? []).map((d) => d.code);
    expect(codes).toContain("CARVE023");
    expect(everyFeature(ws, ROSTER, { line: 0, character: 9 })).toEqual([]);
  });

  it("handles a file of many thousand lines", () => {
    const territories = Array.from({ length: 1250 }, (_, i) =>
      `  territory t${i} {\n    when employees in ${i * 10}..${i * 10 + 9}\n    assign alice\n  }`).join("\n");
    const big = acmeText.replace("territories first {", `territories first {\n${territories}`);
    const ws = acmeWorkspace(big);
    expect(big.split("\n").length).toBeGreaterThan(5000);
    const position = positionOf(big, "t1000 {", 1);
    expect(everyFeature(ws, ACME, position)).toEqual([]);
    expect(hover(ws, ACME, position)?.contents).toBeDefined();
  });
});
