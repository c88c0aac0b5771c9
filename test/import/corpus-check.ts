// Shared assertions of the corpus suite: an import's output is canonical and checks without
// errors, and its report's counts add up and match what the input holds.
import { expect } from "vitest";
import { formatText } from "@carve/language";
import type { ImportResult } from "@carve/compiler";

export function expectCheckedAndCanonical(r: ImportResult): void {
  const again = formatText(r.report.ruleset, r.text);
  expect(again.ok && again.text === r.text, "the output is in the canonical layout").toBe(true);
  const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
  expect(errors).toEqual([]);
  expect(r.report.findings.errors).toBe(0);
}

/** read = translated + untranslated for every kind, and `read` is what the input holds. */
export function expectCounts(r: ImportResult, expected: Record<string, number>): void {
  for (const [kind, c] of Object.entries(r.report.counts)) {
    expect(c.translated + c.untranslated, kind).toBe(c.read);
    expect(r.report.untranslated.filter((u) => u.kind === kind).length, kind).toBe(c.untranslated);
  }
  for (const [kind, n] of Object.entries(expected)) expect(r.report.counts[kind]?.read ?? 0, kind).toBe(n);
}

/** How often `needle` occurs in `text` (independent counting of elements in the XML). */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
