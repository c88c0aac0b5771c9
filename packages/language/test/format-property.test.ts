// Property tests of the formatter: generated trees round-trip through format → parse; inserting
// comments anywhere between tokens never loses one nor breaks idempotency; and the output does not
// depend on horizontal white space; broken input never crashes it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format, formatText, parse, tokenize, type CarveToken } from "@carve/language";
import { fileA } from "./format-arbitraries.js";
import { commentTexts, corpus, stripRanges } from "./format-helpers.js";

const files = corpus().filter((f) => f.file.items.length > 0);

describe("format of generated trees", () => {
  it("prints text that parses back to the same tree, and is idempotent", () => {
    fc.assert(
      fc.property(fileA, (file) => {
        const text = format(file);
        const back = parse("generated.carve", text);
        expect(back.diagnostics).toEqual([]);
        expect(stripRanges(back.file.items)).toEqual(stripRanges(file.items));
        expect(format(back.file)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

/** Inserts `# cN` comments after the chosen tokens, as trailing (same line) or own-line comments. */
function withComments(text: string, at: [offset: number, ownLine: boolean][]): string {
  let out = text;
  [...at].sort((a, b) => b[0] - a[0]).forEach(([offset, ownLine], i) => {
    out = out.slice(0, offset) + (ownLine ? `\n# c${i}\n` : ` # c${i}\n`) + out.slice(offset);
  });
  return out;
}

describe("comments anywhere", () => {
  for (const f of files) {
    it(`${f.name}: keeps every comment, the meaning and idempotency`, () => {
      const ends = tokenize(f.text).filter((t) => t.kind !== "comment").map((t) => t.range.end);
      const insertions = fc.uniqueArray(fc.tuple(fc.constantFrom(...ends), fc.boolean()), { maxLength: 10, selector: (x) => x[0] });
      fc.assert(
        fc.property(insertions, (at) => {
          const text = withComments(f.text, at);
          const before = parse(f.name, text);
          expect(before.diagnostics.map((d) => d.code)).toEqual(f.codes);
          const once = format(before.file);
          const after = parse(f.name, once);
          expect(after.diagnostics.map((d) => d.code)).toEqual(f.codes);
          expect(commentTexts(after.file)).toEqual(commentTexts(before.file));
          expect(stripRanges(after.file)).toEqual(stripRanges(f.file));
          expect(format(after.file)).toBe(once);
        }),
        { numRuns: 25 },
      );
    });
  }
});

const PUNCT = new Set(["{", "}", "[", "]", "(", ")", ",", ":", "=", "?"]);

/**
 * Rewrites the white space between tokens: same line breaks, random spaces and tabs around them,
 * and no space at all next to punctuation where the choice says so.
 */
function respaced(tokens: CarveToken[], text: string, choices: number[]): string {
  let out = "";
  let prev: CarveToken | undefined;
  tokens.forEach((t, i) => {
    const gap = text.slice(prev ? prev.range.end : 0, t.range.start);
    const c = choices[i % choices.length];
    const breaks = gap.match(/\r\n|\r|\n/g) ?? [];
    const pad = [" ", "\t", "   ", " \t "][c % 4];
    if (breaks.length > 0) out += breaks.map((b) => pad + b).join("") + pad;
    else if (!prev) out += gap;
    else if (c % 3 === 0 && (PUNCT.has(prev.text) || PUNCT.has(t.text))) out += "";
    else out += pad;
    out += t.text;
    prev = t;
  });
  return out + (prev ? text.slice(prev.range.end) : text);
}

describe("horizontal white space", () => {
  for (const f of files) {
    it(`${f.name}: does not change the output`, () => {
      const expected = format(f.file);
      const tokens = tokenize(f.text);
      fc.assert(
        fc.property(fc.array(fc.nat(11), { minLength: 1, maxLength: 40 }), fc.boolean(), (choices, crlf) => {
          let text = respaced(tokens, f.text, choices);
          if (crlf) text = text.replace(/\r?\n/g, "\r\n");
          const r = parse(f.name, text);
          expect(r.diagnostics.map((d) => d.code)).toEqual(f.codes);
          expect(format(r.file)).toBe(expected);
        }),
        { numRuns: 20 },
      );
    });
  }
});

describe("broken input", () => {
  it("format never throws on the partial tree of a file with syntax errors, and formatText refuses it", () => {
    const texts = files.map((f) => f.text);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(40), fc.string({ maxLength: 3 }), (src, at, len, junk) => {
        const p = at % src.length;
        const text = src.slice(0, p) + junk + src.slice(p + len);
        const r = parse("broken.carve", text);
        expect(() => format(r.file)).not.toThrow();
        const hasErrors = r.diagnostics.some((d) => d.severity === "error");
        expect(formatText("broken.carve", text).ok).toBe(!hasErrors);
      }),
      { numRuns: 500 },
    );
  });
});
