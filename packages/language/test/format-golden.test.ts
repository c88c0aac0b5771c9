// Golden tests: each fixtures/format/X.carve formats to exactly X.formatted.carve (checked in,
// reviewed by hand), and the expected output is itself already canonical.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { formatText } from "@carve/language";
import { carveFiles, FORMAT_FIXTURES } from "./format-helpers.js";

const inputs = carveFiles(FORMAT_FIXTURES).filter((p) => !p.endsWith(".formatted.carve"));

function formatted(path: string, text: string): string {
  const r = formatText(path, text);
  if (!r.ok) throw new Error(`${path} has syntax errors: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  return r.text;
}

describe("golden format fixtures", () => {
  it("has fixtures, each with its expected output", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
    for (const p of inputs) expect(() => readFileSync(p.replace(/\.carve$/, ".formatted.carve"), "utf8")).not.toThrow();
  });

  for (const p of inputs) {
    it(basename(p), () => {
      const expected = readFileSync(p.replace(/\.carve$/, ".formatted.carve"), "utf8");
      expect(formatted(p, readFileSync(p, "utf8"))).toBe(expected);
      expect(formatted(p, expected)).toBe(expected);
    });
  }

  it("lays the SPEC's example out as the SPEC does, except for the documented rules", () => {
    const out = readFileSync(`${FORMAT_FIXTURES}spec-acme.formatted.carve`, "utf8");
    // Kept as written: one-line territory, segment, set, nested blocks.
    expect(out).toContain('          territory west_ent "West Enterprise" { when enterprise  assign west_ae }\n');
    expect(out).toContain("segment enterprise = employees >= 1000 or annual_revenue >= 250M\n");
    expect(out).toContain("set west_states = [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID]\n");
    expect(out).toContain("  account.status: enum(prospect, customer, churned)?\n");
    // Rules: trailing comments two spaces after the code; lists over 100 columns one item per line.
    expect(out).toContain('import "roster.carve"  # reps, teams and queues live in their own file\n');
    expect(out).toContain("  industry:       enum(\n    software,\n");
    const roster = readFileSync(`${FORMAT_FIXTURES}spec-roster.formatted.carve`, "utf8");
    expect(roster).toContain('rep bob "Bob Ortiz" { email "bob@acme.com"  capacity 150 }\n');
    expect(roster).toContain("team west_commercial { members erin, carol  strategy round_robin }\n");
  });
});
