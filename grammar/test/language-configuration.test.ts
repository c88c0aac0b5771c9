// grammar/language-configuration.json describes the language as the lexer defines it: the comment
// token, the brackets and the string quote are the lexer's, and a "word" (double-click, completion
// replace range, word-based suggestions) is a whole lexer token: a dotted name, a region code, a
// date or a number.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, tokenize as lex, type CarveToken } from "@carve/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammarDir } from "./textmate.js";

const root = join(grammarDir, "..");
const text = readFileSync(join(grammarDir, "language-configuration.json"), "utf8");
const config = JSON.parse(text);

// VS Code compiles the patterns of a language configuration as JavaScript regular expressions.
const wordPattern = new RegExp(config.wordPattern, "g");

/** The word at `offset` in `line` as VS Code finds it: the wordPattern match that contains it. */
function wordAt(line: string, offset: number): string | undefined {
  for (const m of line.matchAll(wordPattern)) {
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
  }
  return undefined;
}

function carveFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? carveFiles(join(dir, e.name)) : e.name.endsWith(".carve") ? [join(dir, e.name)] : [],
  );
}
const sources = [...carveFiles(join(grammarDir, "test", "fixtures")), ...carveFiles(join(root, "examples"))].map((f) => ({
  name: f.slice(root.length + 1),
  text: readFileSync(f, "utf8"),
}));

const BRACKETS: [string, string][] = config.brackets;

describe("language-configuration.json", () => {
  it("is strict JSON (no comments) with only keys VS Code reads", () => {
    expect(() => JSON.parse(text)).not.toThrow();
    const known = ["comments", "brackets", "autoClosingPairs", "surroundingPairs", "folding", "indentationRules", "wordPattern"];
    expect(Object.keys(config).filter((k) => !known.includes(k))).toEqual([]);
  });

  it("comments with the lexer's comment token, and has no block comments (the lexer has none)", () => {
    const token = config.comments.lineComment;
    expect(config.comments.blockComment).toBeUndefined();
    // Toggling a line comment on code must turn the whole line into one comment for the lexer.
    const line = 'territory west "West" { when country == US  assign alice }';
    expect(lex(`${token} ${line}`).map((t) => t.kind)).toEqual(["comment"]);
    expect(lex(`assign x ${token} note`).map((t) => t.kind)).toEqual(["keyword", "identifier", "comment"]);
  });

  it("brackets are the lexer's bracket tokens, three distinct pairs", () => {
    expect(BRACKETS).toEqual([["{", "}"], ["[", "]"], ["(", ")"]]);
    for (const [open, close] of BRACKETS) {
      expect(lex(`${open}${close}`).map((t) => [t.kind, t.text])).toEqual([["punctuation", open], ["punctuation", close]]);
    }
  });

  // fixtures/lexical.carve is deliberately broken (unterminated strings leave lists open).
  const wellFormed = sources.filter((s) => parse(s.name, s.text).diagnostics.length === 0);
  it("has well-formed sources to check brackets on", () => {
    expect(wellFormed.map((s) => s.name)).toContain("grammar/test/fixtures/spec-example.carve");
  });

  for (const { name, text: source } of wellFormed) {
    it(`brackets balance in ${name} (outside strings and comments)`, () => {
      const closers = new Map(BRACKETS.map(([o, c]) => [c, o]));
      const stack: string[] = [];
      for (const t of lex(source)) {
        if (t.kind !== "punctuation") continue;
        if (BRACKETS.some(([o]) => o === t.text)) stack.push(t.text);
        else if (closers.has(t.text)) expect(stack.pop(), `${t.text} at ${t.range.start}`).toBe(closers.get(t.text));
      }
      expect(stack).toEqual([]);
    });
  }

  it("auto-closes and surrounds with every bracket and the string quote, never inside strings or comments", () => {
    const quote = '"';
    // The quote is the lexer's string delimiter.
    expect(lex(`${quote}${quote}`).map((t) => t.kind)).toEqual(["string"]);
    const pairs = [...BRACKETS, [quote, quote]];
    expect(config.autoClosingPairs.map((p: { open: string; close: string }) => [p.open, p.close])).toEqual(pairs);
    for (const p of config.autoClosingPairs) expect(p.notIn, p.open).toEqual(["string", "comment"]);
    expect(config.surroundingPairs).toEqual(pairs);
  });

  it("folds # region … # endregion, which the lexer reads as comments", () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    for (const line of ["# region", "  #region West", "# region: roster"]) {
      expect(start.test(line), line).toBe(true);
      expect(end.test(line), line).toBe(false);
      expect(lex(line).map((t) => t.kind)).toEqual(["comment"]);
    }
    for (const line of ["# endregion", "    #endregion West"]) {
      expect(end.test(line), line).toBe(true);
      expect(start.test(line), line).toBe(false);
      expect(lex(line).map((t) => t.kind)).toEqual(["comment"]);
    }
    for (const line of ["# regional sales", "# endregions", 'x == "# region"', "region # region"]) {
      expect(start.test(line) || end.test(line), line).toBe(false);
    }
  });

  it("indents after a line that opens a bracket, outside strings and comments", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const line of ['territory west "West" {', "  given {  # the record", "  industry: enum(", "set s = [", 'rep a "a {" {', 'x == "\\"" and (']) {
      expect(increase.test(line), line).toBe(true);
    }
    for (const line of ["territory t { assign x }", 'x == "{"', "# {", "assign x  # {", "segment s = a", 'x == "a\\" {']) {
      expect(increase.test(line), line).toBe(false);
    }
    for (const line of ["}", "  ]", ")?", "  } # end"]) expect(decrease.test(line), line).toBe(true);
    for (const line of ["assign x }", "territory t {", "# }"]) expect(decrease.test(line), line).toBe(false);
  });

  it("takes a dotted name, a region code, a date or a number as one word", () => {
    expect(wordAt("assign account.owner", 10)).toBe("account.owner");
    expect(wordAt("expect territory na.west.west_ent", 21)).toBe("na.west.west_ent");
    // While typing: completion replaces what is already there.
    expect(wordAt("when account.", 6)).toBe("account.");
    expect(wordAt("region == US-", 11)).toBe("US-");
    expect(wordAt("region == US-CA", 11)).toBe("US-CA");
    expect(wordAt("away 2026-12-20..2027-01-04", 6)).toBe("2026-12-20");
    expect(wordAt("away 2026-12-20..2027-01-04", 20)).toBe("2027-01-04");
    expect(wordAt("employees in 200..999", 14)).toBe("200");
    expect(wordAt("revenue >= 1.5M", 12)).toBe("1.5M");
    for (const [line, at] of [["a == b", 2], ['x == "y"', 5], ["x in [1, 2]", 5], ["x..y", 1]] as const) {
      expect(wordAt(line, at), line).toBeUndefined();
    }
  });

  for (const { name, text: source } of sources) {
    it(`word boundaries are token boundaries in ${name}`, () => {
      const wordy = new Set<CarveToken["kind"]>(["identifier", "keyword", "contextualKeyword", "number", "date", "code"]);
      const problems: string[] = [];
      const lineStarts = [0];
      for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
      for (const t of lex(source)) {
        if (!wordy.has(t.kind)) continue;
        const lineStart = lineStarts.filter((s) => s <= t.range.start).pop() ?? 0;
        const line = source.slice(lineStart, source.indexOf("\n", lineStart) === -1 ? undefined : source.indexOf("\n", lineStart));
        const col = t.range.start - lineStart;
        const word = wordAt(line, col);
        const m = word === undefined ? undefined : [...line.matchAll(wordPattern)].find((x) => x.index <= col && col < x.index + x[0].length);
        // The word holds the whole token, and a token is never split across words.
        if (!m || m.index + m[0].length < col + t.text.length) problems.push(`${t.kind} ${JSON.stringify(t.text)} at ${t.range.start}: word ${JSON.stringify(word)}`);
        // A word that extends the token does so only along a dotted name.
        else if (m[0] !== t.text && !/^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*\.?$/.test(m[0])) problems.push(`${JSON.stringify(t.text)} in word ${JSON.stringify(m[0])}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("matches every identifier the lexer accepts as a whole word", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), (name) => {
        expect(lex(name).map((t) => t.text)).toEqual([name]);
        expect(wordAt(`assign ${name}`, 7)).toBe(name);
        expect(wordAt(`when ${name}.x == 1`, 5)).toBe(`${name}.x`);
      }),
      { numRuns: 300 },
    );
  });
});
