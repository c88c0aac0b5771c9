// The TextMate grammar as VS Code runs it: a snapshot of every fixture (one line per token, reviewed
// by eye), and targeted assertions that fail on a wrong grammar even if the snapshots are blindly
// re-recorded.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "@carve/language";
import { beforeAll, describe, expect, it } from "vitest";
import { hasScope, isKeywordScope } from "./scopes.js";
import { carveTokenizer, grammarDir, grammarPath, render, type TmToken } from "./textmate.js";

const fixturesDir = join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".carve")).sort();

let tokenize: (text: string) => TmToken[];
beforeAll(async () => {
  tokenize = await carveTokenizer();
});

/**
 * The scopes of the `nth` token whose text is `text` in `source`. Unscoped text comes as one token
 * with its surrounding white space, hence the trim.
 */
function scopesOf(source: string, text: string, nth = 0): string[] {
  const found = tokenize(source).filter((t) => t.text.trim() === text);
  if (found.length <= nth) throw new Error(`no token ${JSON.stringify(text)} (#${nth}) in ${JSON.stringify(source)}`);
  return found[nth].scopes;
}

describe("carve.tmLanguage.json", () => {
  it("is the grammar of source.carve for .carve files", () => {
    const raw = JSON.parse(readFileSync(grammarPath, "utf8"));
    expect(raw.scopeName).toBe("source.carve");
    expect(raw.fileTypes).toEqual(["carve"]);
  });

  it("is up to date with its source, grammar/tmlanguage.mjs", async () => {
    const source = (await import(pathToFileURL(join(grammarDir, "tmlanguage.mjs")).href)) as { tmLanguageJson: () => string };
    expect(readFileSync(grammarPath, "utf8") === source.tmLanguageJson(), "run `node grammar/tmlanguage.mjs`").toBe(true);
  });

  it("has fixtures to snapshot", () => {
    expect(fixtures).toEqual(expect.arrayContaining(["spec-example.carve", "spec-roster.carve", "lexical.carve"]));
  });

  it("fixtures are real Carve: all but lexical.carve (every lexical error on purpose) parse cleanly", () => {
    for (const name of fixtures.filter((f) => f !== "lexical.carve")) {
      expect(parse(name, readFileSync(join(fixturesDir, name), "utf8")).diagnostics, name).toEqual([]);
    }
    const lexical = parse("lexical.carve", readFileSync(join(fixturesDir, "lexical.carve"), "utf8")).diagnostics;
    expect(new Set(lexical.map((d) => d.code))).toEqual(new Set(["CARVE001", "CARVE002", "CARVE003", "CARVE004", "CARVE006"]));
  });

  for (const name of fixtures) {
    it(`tokenizes fixtures/${name} as in its snapshot`, async () => {
      const text = readFileSync(join(fixturesDir, name), "utf8");
      await expect(render(text, tokenize(text))).toMatchFileSnapshot(`__snapshots__/${name}.tokens`);
    });
  }
});

describe("targeted scopes", () => {
  it("comments run from # to the end of the line, also after code", () => {
    expect(scopesOf("# a comment", "a comment")).toEqual(["comment.line.number-sign.carve"]);
    const line = tokenize('assign x  # say "why" and when');
    const hash = line.findIndex((t) => t.text === "#");
    expect(line[hash].scopes).toEqual(["comment.line.number-sign.carve", "punctuation.definition.comment.carve"]);
    expect(line.slice(hash).every((t) => hasScope(t.scopes, "comment.line"))).toBe(true);
    expect(line.slice(0, hash).some((t) => hasScope(t.scopes, "comment"))).toBe(false);
  });

  it("// is not a comment (the lexer rejects /)", () => {
    const scopes = tokenize("// nope").flatMap((t) => t.scopes);
    expect(scopes).not.toContain("comment.line.number-sign.carve");
    expect(scopes).toContain("invalid.illegal.character.carve");
  });

  it("# inside a string is not a comment", () => {
    expect(scopesOf('x == "a # b"', '"')).toContain("string.quoted.double.carve");
    expect(tokenize('x == "a # b"').flatMap((t) => t.scopes)).not.toContain("comment.line.number-sign.carve");
  });

  it("keywords: clauses are keyword.control, declarations storage.type, word operators keyword.operator", () => {
    expect(scopesOf("territory t { when x == 1 }", "when")).toEqual(["keyword.control.when.carve"]);
    expect(scopesOf("import \"r.carve\"", "import")).toEqual(["keyword.control.import.carve"]);
    expect(scopesOf("segment s = a and not b or c", "and")).toEqual(["keyword.operator.logical.carve"]);
    expect(scopesOf("segment s = a and not b or c", "not")).toEqual(["keyword.operator.logical.carve"]);
    expect(scopesOf("segment s = a in [1]", "in")).toEqual(["keyword.operator.in.carve"]);
    expect(scopesOf("segment s = p starts with \"9\"", "starts")).toEqual(["keyword.operator.starts.carve"]);
    expect(scopesOf("segment s = a == true", "true")).toEqual(["constant.language.boolean.true.carve"]);
  });

  it("declaration names are entity.name.*", () => {
    expect(scopesOf("ruleset acme", "acme")).toEqual(["entity.name.namespace.ruleset.carve"]);
    expect(scopesOf("rep alice \"Alice\"", "alice")).toEqual(["meta.declaration.rep.carve", "entity.name.type.rep.carve"]);
    expect(scopesOf("team t { members a }", "t")).toEqual(["meta.declaration.team.carve", "entity.name.type.team.carve"]);
    expect(scopesOf("queue q", "q")).toEqual(["entity.name.type.queue.carve"]);
    expect(scopesOf("set s = [1]", "s")).toEqual(["entity.name.constant.set.carve"]);
    expect(scopesOf("segment big = x > 1", "big")).toEqual(["entity.name.function.segment.carve"]);
    expect(scopesOf("override o { }", "o")).toEqual(["entity.name.function.override.carve"]);
    expect(scopesOf("territory west \"West\" { }", "west")).toEqual(["entity.name.type.territory.carve"]);
    expect(scopesOf("record Lead { }", "Lead")).toEqual(["meta.declaration.record.carve", "entity.name.type.record.carve"]);
  });

  it("a reference to a territory in a test is not a declaration", () => {
    const scopes = tokenize('test "t" { expect territory na.west }').filter((t) => t.text === "na" || t.text === "west").flatMap((t) => t.scopes);
    expect(scopes.some((s) => s.startsWith("entity.name"))).toBe(false);
  });

  it("field references in conditions, record fields and given keys are variable.other.field", () => {
    const cond = tokenize("segment s = account.owner is set and employees >= 10 and big");
    const field = (text: string) => cond.find((t) => t.text === text)?.scopes ?? [];
    expect(field("account")).toContain("variable.other.field.carve");
    expect(field("owner")).toContain("variable.other.field.carve");
    expect(field("employees")).toContain("variable.other.field.carve");
    // A bare name is a segment reference, not a field.
    expect(field("big")).not.toContain("variable.other.field.carve");
    expect(scopesOf("record R { account.id: string }", "id")).toContain("variable.other.field.carve");
    expect(scopesOf('test "t" { given { account.status: customer } }', "status")).toContain("variable.other.field.carve");
  });

  it("is set / is not set use `set` as an operator, not as the declaration keyword", () => {
    expect(scopesOf("segment s = x is not set", "set")).toEqual(["keyword.operator.set.carve"]);
    expect(scopesOf("segment s = x is not set", "is")).toEqual(["keyword.operator.is.carve"]);
  });

  it("strings: valid escapes are constant.character.escape, others invalid.illegal", () => {
    const src = 'x == "a\\"b\\\\c\\nd\\te\\u{1F600}f\\qg\\u{110000}h\\u{D800}"';
    const escape = (text: string) => scopesOf(src, text);
    for (const e of ['\\"', "\\\\", "\\n", "\\t"]) expect(escape(e)).toContain("constant.character.escape.carve");
    expect(escape("\\u{1F600}")).toContain("constant.character.escape.unicode.carve");
    for (const e of ["\\q", "\\u{110000}", "\\u{D800}"]) {
      expect(escape(e)).toContain("invalid.illegal.escape.carve");
      expect(escape(e)).toContain("string.quoted.double.carve");
    }
    expect(scopesOf(src, '"', 0)).toEqual(["string.quoted.double.carve", "punctuation.definition.string.begin.carve"]);
    expect(scopesOf(src, '"', 1)).toEqual(["string.quoted.double.carve", "punctuation.definition.string.end.carve"]);
  });

  it("an unterminated string ends at the end of its line and is marked invalid", () => {
    const tokens = tokenize('x == "open\nassign y');
    expect(tokens.find((t) => t.text === "open")?.scopes).toContain("invalid.illegal.unterminated-string.carve");
    expect(tokens.find((t) => t.text === "assign")?.scopes).toEqual(["keyword.control.assign.carve"]);
  });

  it("numbers, magnitudes, malformed numbers, dates, ranges and codes", () => {
    expect(scopesOf("x == 1_000", "1_000")).toEqual(["constant.numeric.decimal.carve"]);
    expect(scopesOf("x == 12.5", "12.5")).toEqual(["constant.numeric.decimal.carve"]);
    expect(scopesOf("x == 250M", "M")).toEqual(["constant.numeric.decimal.carve", "keyword.other.unit.magnitude.carve"]);
    expect(scopesOf("x == 12ab", "12ab")).toEqual(["invalid.illegal.numeric.carve"]);
    expect(scopesOf("x == 2027-01-15", "2027-01-15")).toEqual(["constant.numeric.date.carve"]);
    expect(scopesOf("x in 200..999", "..")).toEqual(["keyword.operator.range.carve"]);
    expect(scopesOf("x in 200..999", "999")).toEqual(["constant.numeric.decimal.carve"]);
    expect(scopesOf("x == US-CA", "US-CA")).toEqual(["constant.other.region-code.carve"]);
    // A two-letter subdivision code wins over a two-letter keyword, as in the lexer.
    expect(scopesOf("x == in-mh", "in-mh")).toEqual(["constant.other.region-code.carve"]);
  });

  it("money is a number with a magnitude: `$` is not part of the language", () => {
    expect(scopesOf("x >= $3", "$")).toEqual(["invalid.illegal.character.carve"]);
  });

  it("record fields: types are support.type, `key` a modifier unless it names a field", () => {
    const src = "record R {\n  id: string key\n  key: rep?\n  tags: enum(a, b)\n}";
    expect(scopesOf(src, "string")).toContain("support.type.primitive.string.carve");
    expect(scopesOf(src, "rep")).toContain("support.type.primitive.rep.carve");
    expect(scopesOf(src, "key", 0)).toContain("storage.modifier.key.carve");
    expect(scopesOf(src, "key", 1)).toContain("variable.other.field.carve");
    expect(scopesOf(src, "enum")).toContain("storage.type.enum.carve");
    expect(scopesOf(src, "a")).toContain("variable.other.enummember.carve");
  });

  it("contextual words stay names outside their context", () => {
    for (const src of ["assign owner", "territory t { assign first }", "segment s = string == 1"]) {
      const word = src.split(" ").find((w) => ["owner", "first", "string"].includes(w)) as string;
      expect(isKeywordScope(scopesOf(src, word)), src).toBe(false);
    }
  });

  it("a block closes its declaration: what follows is top level again", () => {
    const tokens = tokenize('rep a { email "e" }\nqueue q\nteam t { members a }\nset s = [1]');
    expect(tokens.find((t) => t.text === "q")?.scopes).toEqual(["entity.name.type.queue.carve"]);
    expect(tokens.find((t) => t.text === "s")?.scopes).toEqual(["entity.name.constant.set.carve"]);
  });

  it("a rep without a block ends at every declaration keyword of SPEC 2.3", () => {
    const declarations = ["ruleset", "import", "record", "rep", "queue", "team", "set", "segment", "override", "territories", "overlays", "test"];
    for (const kw of declarations) {
      const next = tokenize(`rep erin "Erin"\n${kw} x`).find((t) => t.line === 1 && t.text === kw);
      // Only a new `rep` carries the scope of a rep declaration: its own.
      expect(next?.scopes.filter((s) => s === "meta.declaration.rep.carve").length, kw).toBe(kw === "rep" ? 1 : 0);
    }
  });

  it("a declaration without a block ends at the next declaration", () => {
    const tokens = tokenize('rep erin "Erin"\nrep dana\nqueue q');
    expect(tokens.find((t) => t.text === "dana")?.scopes).toEqual(["meta.declaration.rep.carve", "entity.name.type.rep.carve"]);
    expect(tokens.find((t) => t.text === "q")?.scopes).toEqual(["entity.name.type.queue.carve"]);
  });
});
