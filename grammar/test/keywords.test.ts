// The grammar and the lexer agree on the words of the language: every reserved word (KEYWORDS) is
// highlighted as a keyword everywhere, and every contextual word (CONTEXTUAL_KEYWORDS) where the
// grammar makes it a keyword, and nowhere it is a name. A word added to the lexer fails here until
// the grammar knows it.
import { readFileSync } from "node:fs";
import { CONTEXTUAL_KEYWORDS, KEYWORDS, TYPE_NAMES } from "@carve/language";
import { beforeAll, describe, expect, it } from "vitest";
import { isKeywordScope } from "./scopes.js";
import { carveTokenizer, grammarPath, type TmToken } from "./textmate.js";

let tokenize: (text: string) => TmToken[];
beforeAll(async () => {
  tokenize = await carveTokenizer();
});

/** The scopes of the token where `word` replaces the placeholder `W` of `template`. */
function scopesAt(template: string, word: string): string[] {
  const offset = template.indexOf("W");
  if (offset < 0) throw new Error(`no placeholder W in ${JSON.stringify(template)}`);
  const token = tokenize(template.replace("W", word)).find((t) => t.start <= offset && offset < t.end);
  if (!token) throw new Error(`no token at ${offset} in ${JSON.stringify(template)}`);
  return token.scopes;
}

/** Every place a reserved word can appear; `W` stands for the word. */
const RESERVED_CONTEXTS = [
  "W",
  "segment s = a == 1 and W",
  "territory t { when a == 1  W }",
  'rep a "A" { W }',
  "team t { members a  W }",
  "team t { strategy hash(W) }",
  'test "t" { W }',
  'test "t" { given { a: W } }',
  'test "t" { expect invalid W }',
  "record R { W: string }",
  "record R { f: W }",
  "record R { f: enum(a, W) }",
];

/** Where each contextual word is a keyword; `W` stands for the word. */
const CONTEXTS: Record<string, string> = {
  first: "territories W { }",
  unique: "territories W { }",
  as: 'test "t" { W of 2027-01-01 }',
  of: 'test "t" { as W 2027-01-01 }',
  key: "record R { id: string W }",
  email: 'rep a { W "a@acme.com" }',
  capacity: "rep a { W 5 }",
  away: "rep a { W 2027-01-01..2027-01-02 }",
  members: "team t { W a, b }",
  weight: "team t { members a W 2 }",
  strategy: "team t { W round_robin }",
  overflow: "team t { W q }",
  hash: "team t { strategy W(id) }",
  round_robin: "team t { strategy W }",
  least_loaded: "team t { strategy W }",
  owner: 'test "t" { expect W a }',
  via: 'test "t" { expect owner a W otherwise }',
  unassigned: 'test "t" { expect W }',
  invalid: 'test "t" { expect W country }',
  overlay: 'test "t" { expect W o }',
  enum: "record R { f: W(a, b) }",
  ...Object.fromEntries(TYPE_NAMES.filter((t) => t !== "enum").map((t) => [t, "record R { f: W? }"])),
};

/** Places where any contextual word is a name: it must not look like a keyword there. */
const NAME_CONTEXTS = [
  "override o { assign W }",
  "segment s = W == 1",
  "segment s = W",
  "rep W",
  "queue W",
  "territory W { }",
  'test "t" { given { W: 1 } }',
  'test "t" { expect owner W }',
  "record R { W: string }",
  "set s = [W]",
];

describe("reserved words (KEYWORDS)", () => {
  it("the lexer has reserved words to check", () => {
    expect(KEYWORDS.length).toBeGreaterThan(20);
  });

  for (const context of RESERVED_CONTEXTS) {
    it(`each is a keyword in \`${context}\``, () => {
      const missed = KEYWORDS.filter((w) => !isKeywordScope(scopesAt(context, w)));
      expect(missed).toEqual([]);
    });
  }

  it("the grammar's list of reserved words is exactly the lexer's", () => {
    const raw = JSON.parse(readFileSync(grammarPath, "utf8"));
    const patterns: { match: string }[] = raw.repository.reserved.patterns;
    // Each rule ends with the group of its words and the end-of-word guard: `…(and|or|not)(?![A-Za-z0-9_])`.
    const words = patterns.flatMap((p) => {
      const group = /\(([a-z_|]+)\)\(\?!\[A-Za-z0-9_\]\)$/.exec(p.match);
      if (!group) throw new Error(`unexpected shape of reserved-word rule ${p.match}`);
      return group[1].split("|");
    });
    expect([...words].sort()).toEqual([...KEYWORDS].sort());
  });
});

describe("contextual words (CONTEXTUAL_KEYWORDS)", () => {
  it("each has a context where it is a keyword", () => {
    expect(CONTEXTUAL_KEYWORDS.filter((w) => !(w in CONTEXTS))).toEqual([]);
  });

  for (const word of CONTEXTUAL_KEYWORDS) {
    it(`\`${word}\` is a keyword in \`${CONTEXTS[word] ?? "(no context)"}\``, () => {
      const scopes = scopesAt(CONTEXTS[word], word);
      expect(isKeywordScope(scopes), scopes.join(" ")).toBe(true);
    });
  }

  for (const context of NAME_CONTEXTS) {
    it(`each is a name in \`${context}\``, () => {
      const highlighted = CONTEXTUAL_KEYWORDS.filter((w) => isKeywordScope(scopesAt(context, w)));
      expect(highlighted).toEqual([]);
    });
  }
});
