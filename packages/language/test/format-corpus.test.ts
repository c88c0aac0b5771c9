// Over every .carve file of the repository that parses (globbed at test time): formatting is
// idempotent, keeps the meaning (same AST, ranges aside) and keeps every comment.
import { describe, expect, it } from "vitest";
import { format, parse } from "@carve/language";
import { commentTexts, corpus, stripRanges } from "./format-helpers.js";

const files = corpus();

describe("format over the corpus", () => {
  it("finds the examples and the fixtures", () => {
    const names = files.map((f) => f.name);
    expect(names).toContain("examples/acme/acme.carve");
    expect(names.some((n) => n.startsWith("packages/language/test/fixtures/format/"))).toBe(true);
  });

  for (const f of files) {
    describe(f.name, () => {
      const once = format(f.file);
      const reparsed = parse(f.name, once);

      it("formats to text that parses with the same diagnostics (no errors)", () => {
        expect(reparsed.diagnostics.map((d) => d.code)).toEqual(f.codes);
      });
      it("is idempotent", () => {
        expect(format(reparsed.file)).toBe(once);
      });
      it("keeps the meaning: the same AST, ranges aside", () => {
        expect(stripRanges(reparsed.file)).toEqual(stripRanges(f.file));
      });
      it("keeps every comment, in order", () => {
        expect(reparsed.file.comments.length).toBe(f.file.comments.length);
        expect(commentTexts(reparsed.file)).toEqual(commentTexts(f.file));
      });
      it("ends with one newline and has no trailing blanks or tabs for indentation", () => {
        if (once === "") return;
        expect(once.endsWith("\n")).toBe(true);
        expect(once.endsWith("\n\n")).toBe(false);
        for (const l of once.split("\n")) {
          expect(l).not.toMatch(/[ \t]$/);
          expect(l).not.toMatch(/^\t/);
        }
        expect(once).not.toMatch(/\n\n\n/);
      });
    });
  }
});
