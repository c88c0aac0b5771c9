// The grammar colours what the lexer sees: on the fixtures, on every example ruleset and on random
// token soup, each token of @carve/language's tokenize() gets the scope of its kind from the
// TextMate grammar, string escapes are invalid exactly where decodeString reports them, numbers
// exactly where parseNumber rejects them, and characters exactly where the lexer rejects them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTEXTUAL_KEYWORDS, decodeString, KEYWORDS, parseNumber, tokenize as lex } from "@carve/language";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { hasScope, isKeywordScope } from "./scopes.js";
import { carveTokenizer, type TmToken } from "./textmate.js";

const root = join(import.meta.dirname, "..", "..");

let highlight: (text: string) => TmToken[];
beforeAll(async () => {
  highlight = await carveTokenizer();
});

const show = (text: string, start: number, end: number) => `${JSON.stringify(text.slice(start, end))} at ${start}`;

/** Everything on which the grammar and the lexer disagree in `text`; empty when they agree. */
function disagreements(text: string): string[] {
  const tm = highlight(text);
  const problems: string[] = [];
  const covered = new Uint8Array(text.length);
  for (const t of lex(text)) {
    const { start, end } = t.range;
    covered.fill(1, start, end);
    const over = tm.filter((x) => x.start < end && x.end > start);
    const all = (prefix: string) => over.length > 0 && over.every((x) => hasScope(x.scopes, prefix));
    const none = (pred: (scopes: string[]) => boolean) => !over.some((x) => pred(x.scopes));
    // Unscoped names come merged with their white space; every other token has exact bounds.
    const exact = over.length > 0 && over[0].start === start && over[over.length - 1].end === end;
    const expectThat = (ok: boolean, what: string) => {
      if (!ok) problems.push(`${t.kind} ${show(text, start, end)}: ${what}; got ${over.map((x) => x.scopes.join(" ") || "-").join(" | ")}`);
    };
    const notInvalid = (scopes: string[]) => hasScope(scopes, "invalid");
    switch (t.kind) {
      case "comment":
        expectThat(exact && all("comment.line.number-sign"), "a comment");
        break;
      case "string": {
        const decoded = decodeString(t.text);
        expectThat(exact && all("string.quoted.double"), "a string");
        expectThat(decoded.terminated === none((s) => hasScope(s, "invalid.illegal.unterminated-string")), "unterminated iff the lexer says so");
        const want = decoded.badEscapes.map((b) => `${start + b.offset}-${start + b.offset + b.length}`);
        const got = over.filter((x) => hasScope(x.scopes, "invalid.illegal.escape")).map((x) => `${x.start}-${x.end}`);
        expectThat(JSON.stringify(got) === JSON.stringify(want), `invalid escapes at ${want.join(",") || "none"}`);
        break;
      }
      case "number":
        expectThat(exact && all(parseNumber(t.text) === undefined ? "invalid.illegal.numeric" : "constant.numeric.decimal"), "a number, valid iff parseNumber accepts it");
        break;
      case "date":
        expectThat(exact && all("constant.numeric.date"), "a date");
        break;
      case "code":
        expectThat(exact && all("constant.other.region-code"), "a region code");
        break;
      case "keyword":
        expectThat(exact && over.every((x) => isKeywordScope(x.scopes)), "a keyword");
        break;
      case "operator":
        expectThat(exact && all("keyword.operator"), "an operator");
        break;
      case "punctuation":
        expectThat(exact && all("punctuation"), "punctuation");
        break;
      case "identifier":
        expectThat(none(isKeywordScope) && none(notInvalid), "a name, not a keyword");
        break;
      case "contextualKeyword":
        expectThat(none(notInvalid), "valid");
        break;
    }
  }
  // What the lexer skipped that is not white space is what it rejected (CARVE001).
  for (let i = 0; i < text.length; i++) {
    const rejected = !covered[i] && !/\s/.test(text[i]);
    const marked = tm.some((x) => x.start <= i && i < x.end && hasScope(x.scopes, "invalid.illegal.character"));
    if (rejected !== marked) problems.push(`${show(text, i, i + 1)}: ${rejected ? "rejected by the lexer but not marked" : "marked invalid but lexed"}`);
  }
  return problems;
}

function carveFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? carveFiles(join(dir, e.name)) : e.name.endsWith(".carve") ? [join(dir, e.name)] : [],
  );
}

describe("the grammar agrees with the lexer", () => {
  const files = [...carveFiles(join(import.meta.dirname, "fixtures")), ...carveFiles(join(root, "examples"))];

  it("finds the fixtures and the examples", () => {
    expect(files.some((f) => f.includes("examples"))).toBe(true);
    expect(files.length).toBeGreaterThan(6);
  });

  for (const file of files) {
    it(`on ${file.slice(root.length + 1)}`, () => {
      expect(disagreements(readFileSync(file, "utf8"))).toEqual([]);
    });
  }

  it("notices a disagreement (the check itself works)", () => {
    // `in` must not be a keyword inside the name `in_x`; reading the scopes of a wrong token
    // would be caught as a name highlighted as a keyword.
    expect(disagreements("segment s = in_x == 1")).toEqual([]);
    expect(disagreements("# only a comment")).toEqual([]);
    const fake = highlight;
    highlight = (text) => fake(text).map((t) => ({ ...t, scopes: [] }));
    try {
      expect(disagreements('when x == "a"').length).toBeGreaterThan(0);
    } finally {
      highlight = fake;
    }
  });
});

// Random token soup: every word of the lexer, literals valid and malformed, strings built from
// valid and invalid escapes (closed or not), comments, rejected characters, glued together or not.
const words = fc.constantFrom(...KEYWORDS, ...CONTEXTUAL_KEYWORDS, "x", "alice", "account", "_a1", "US", "CA", "in_x", "notes");
const literals = fc.constantFrom(
  "42", "1_000", "12.5", "250M", "1.5K", "007", "12ab", "1__0", "5_", "1.5x",
  "2027-01-15", "2027-1-5", "US-CA", "in-mh", "GB-ENG", "FR-75",
);
const punctuation = fc.constantFrom("==", "!=", "<", "<=", ">", ">=", "=", "..", ".", "?", "{", "}", "(", ")", "[", "]", ",", ":");
const rejected = fc.constantFrom("$", "'", "&", "|", "/", "!", "-", "é", "@", ";");
const stringPart = fc.constantFrom(
  "a", " ", "#", "{", "}", "'", "é",
  '\\"', "\\\\", "\\n", "\\t", "\\u{1F600}", "\\u{41}", "\\u{10FFFF}", "\\u{0}",
  "\\u{D800}", "\\u{0DFFF}", "\\u{110000}", "\\u{1234567}", "\\u{}", "\\u{12", "\\u", "\\q", "\\",
);
const strings = fc
  .tuple(fc.array(stringPart, { maxLength: 6 }), fc.boolean())
  .map(([parts, closed]) => `"${parts.join("")}${closed ? '"' : ""}`);
const comments = fc.constantFrom("# note", "#", '# "quoted" { test');
const soup = fc
  .array(fc.tuple(fc.oneof(words, literals, punctuation, rejected, strings, comments), fc.constantFrom(" ", "", "", "\n", "  ")), { maxLength: 40 })
  .map((parts) => parts.map(([token, sep]) => token + sep).join(""));

describe("the grammar agrees with the lexer on random text", () => {
  it("for token soup", () => {
    fc.assert(
      fc.property(soup, (text) => {
        expect(disagreements(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("for strings", () => {
    const line = fc.array(fc.oneof(strings, fc.constantFrom(" ", "x", "\\", '"')), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(
      fc.property(line, (text) => {
        expect(disagreements(`x == ${text}`)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("for numbers", () => {
    const number = fc
      .array(fc.constantFrom("0", "1", "9", "_", ".", "K", "M", "B", "x", "e"), { minLength: 1, maxLength: 8 })
      .map((p) => `1${p.join("")}`);
    fc.assert(
      fc.property(number, (n) => {
        expect(disagreements(`x == ${n}`)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
