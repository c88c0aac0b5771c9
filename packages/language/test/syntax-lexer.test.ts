// Lexical rules (SPEC 2.1): tokens, literals, comments and the lexical diagnostics.
import { Lexer } from "chevrotain";
import { describe, expect, it, vi } from "vitest";
import { CONTEXTUAL_KEYWORDS, KEYWORDS, parse, tokenize } from "../src/syntax/index.js";
import { lexerConfig, lexerTokens } from "../src/syntax/tokens.js";
import type { NumberLit, SetDecl, StringLit } from "../src/index.js";

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
const setItems = (src: string) => (parse("t", `set s = [${src}]`).file.items[0] as SetDecl).value.items;
const str = (src: string) => {
  const { file, diagnostics } = parse("t", `import ${src}`);
  return { value: (file.items[0] as { path?: StringLit } | undefined)?.path?.value, diagnostics };
};

describe("the lexer's definition", () => {
  it("passes Chevrotain's checks of the patterns (skipped when a process builds the lexer)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      // Errors throw ("Errors detected in definition of Lexer"); doubts are printed as warnings.
      expect(() => new Lexer(lexerTokens, { ...lexerConfig, skipValidations: false })).not.toThrow();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("tokens", () => {
  it("classifies every token and keeps comments", () => {
    expect(kinds('territory west "W" { when x in 200..999 # note\n owner != US-CA }')).toEqual([
      "keyword:territory", "identifier:west", 'string:"W"', "punctuation:{", "keyword:when", "identifier:x",
      "keyword:in", "number:200", "operator:..", "number:999", "comment:# note", "contextualKeyword:owner",
      "operator:!=", "code:US-CA", "punctuation:}",
    ]);
  });

  it("`200..999` is number, `..`, number; `12.5` is one number", () => {
    expect(kinds("200..999 12.5 1.5..2.5")).toEqual([
      "number:200", "operator:..", "number:999", "number:12.5", "number:1.5", "operator:..", "number:2.5",
    ]);
  });

  it("dates, subdivision codes and names are told apart by shape", () => {
    expect(kinds("2027-01-15 US-CA GB-ENG FR-75 US USA us_ca")).toEqual([
      "date:2027-01-15", "code:US-CA", "code:GB-ENG", "code:FR-75", "identifier:US", "identifier:USA", "identifier:us_ca",
    ]);
  });

  it("a keyword inside a longer word is a name", () => {
    expect(kinds("territoryx settings in_state ors notable")).toEqual([
      "identifier:territoryx", "identifier:settings", "identifier:in_state", "identifier:ors", "identifier:notable",
    ]);
    expect(kinds("territories territory overlays overlay")).toEqual([
      "keyword:territories", "keyword:territory", "keyword:overlays", "contextualKeyword:overlay",
    ]);
  });

  it("operators, longest first", () => {
    const src = "== != <= < >= > = ? : . .. , ( ) [ ] { }";
    expect(tokenize(src).map((t) => t.text)).toEqual(src.split(" "));
  });

  it("reserved and contextual words", () => {
    for (const w of ["ruleset", "import", "record", "rep", "queue", "team", "set", "segment", "override", "territories",
      "territory", "overlays", "test", "when", "assign", "from", "until", "otherwise", "given", "expect", "and", "or",
      "not", "in", "is", "starts", "ends", "with", "contains", "true", "false"]) {
      expect(KEYWORDS).toContain(w);
    }
    for (const w of ["owner", "via", "hash", "first", "unique", "string", "country", "region", "email", "key", "members"]) {
      expect(KEYWORDS).not.toContain(w);
      expect(CONTEXTUAL_KEYWORDS).toContain(w);
    }
  });

  it("never throws, whatever the input", () => {
    expect(() => tokenize("\u0000\uffff\ud800 \"\\")).not.toThrow();
  });
});

describe("numbers", () => {
  it("underscores, fractions and magnitudes; raw text kept", () => {
    const items = setItems("42, 1_000, 12.5, 250M, 1.1K, 3B, 0.5M") as NumberLit[];
    expect(items.map((n) => n.value)).toEqual([42, 1000, 12.5, 250_000_000, 1100, 3_000_000_000, 500_000]);
    expect(items.map((n) => n.raw)).toEqual(["42", "1_000", "12.5", "250M", "1.1K", "3B", "0.5M"]);
  });

  it("a malformed number is one CARVE006 diagnostic with its exact range", () => {
    for (const bad of ["12ab", "1__0", "5_", "1e5", "3k", "2.5MM"]) {
      const text = `set s = [${bad}, 7]`;
      const { diagnostics, file } = parse("t", text);
      expect(diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)])).toEqual([["CARVE006", bad]]);
      expect(diagnostics[0].message).toBe(`malformed number \`${bad}\``);
      const items = (file.items[0] as SetDecl).value.items as NumberLit[];
      expect(items[0].raw).toBe(bad);
      expect(items[1].value).toBe(7);
    }
  });
});

describe("strings", () => {
  it("unescapes \\\" \\\\ \\n \\t and \\u{…}", () => {
    expect(str(String.raw`"a\"b\\c\nd\te \u{1F600} \u{e9}"`)).toEqual({ value: 'a"b\\c\nd\te \u{1F600} é', diagnostics: [] });
  });

  it("an invalid escape is CARVE003 at the escape; the string is still there", () => {
    const text = String.raw`import "a\qb\u{110000}c\u{zz}\u"`;
    const { diagnostics, file } = parse("t", text);
    expect(diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)])).toEqual([
      ["CARVE003", "\\q"], ["CARVE003", "\\u{110000}"], ["CARVE003", "\\u{zz}"], ["CARVE003", "\\u"],
    ]);
    expect(diagnostics[0].message).toBe("invalid escape `\\q` in a string");
    expect(file.items).toHaveLength(1);
  });

  it("an unterminated string is CARVE002 up to the end of its line, and parsing goes on", () => {
    const text = 'rep a "Alice\nrep b "Bob"\nrep c "C\\"';
    const { diagnostics, file } = parse("t", text);
    expect(diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)])).toEqual([
      ["CARVE002", '"Alice'], ["CARVE002", '"C\\"'],
    ]);
    expect(diagnostics[0].message).toBe("this string is missing its closing `\"`");
    expect(file.items.map((i) => (i as { name: { text: string } }).name.text)).toEqual(["a", "b", "c"]);
  });

  it("a bad `\\u{` followed by an escaped quote leaves the string open, as the token reads it", () => {
    const text = 'rep a "\\u{12\\" and more';
    const codes = parse("t", text).diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]);
    expect(codes).toEqual([["CARVE002", '"\\u{12\\" and more'], ["CARVE003", "\\u{12"]]);
  });
});

describe("unexpected characters", () => {
  it("CARVE001 shows the character, and lexing continues", () => {
    const text = "rep a @ \nrep b\nsegment s = x == 1 && y == 2";
    const { diagnostics, file } = parse("t", text);
    const lexical = diagnostics.filter((d) => d.code === "CARVE001");
    expect(lexical.map((d) => [d.message, text.slice(d.range.start, d.range.end)])).toEqual([
      ["unexpected character `@`", "@"],
      ["unexpected characters `&&`", "&&"],
    ]);
    expect(lexical[1].help).toBe("write `and` to combine conditions");
    expect(file.items.map((i) => i.kind)).toEqual(["Rep", "Rep", "Segment"]);
  });

  it("non-ASCII letters and control characters are named clearly", () => {
    const { diagnostics } = parse("t", "rep caf\u00e9\u0007");
    expect(diagnostics.map((d) => d.message)).toEqual(["unexpected characters `\u00e9U+0007`"]);
  });
});
