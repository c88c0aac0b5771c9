// Every kind of test of the language, compiled to JavaScript, on values at and around its
// boundaries (raw spellings included): fixtures/operators.carve puts each test in an overlay
// territory of its own, so a decision lists every test that holds, and it must list exactly
// what the runtime lists.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { compileProgram, emitJsModule } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { loadArtifact } from "@carve/runtime";
import { loadModule } from "./load-module.js";

const SOURCE = readFileSync(join(import.meta.dirname, "fixtures", "operators.carve"), "utf8");

// Per field, spellings at the boundaries of the tests in the fixture; undefined: no value.
const VALUES: Record<string, unknown[]> = {
  name: ["ACME Corp", " acme corp ", "acme", "Mary", "marygold", "m", "mz", "b", "ba", "n", "a", "Zeta", "zed corp", "ME", undefined],
  staff: [1, 6, 7, 9, 10, 15, 20, 21, 99, 100, "100", 101, "1,000", 1001, "2,000", undefined],
  revenue: [0, "$250M", 249999999, "1B", "$3.5M", undefined],
  score: [0.49, 0.5, "0.51", -1, undefined],
  signed: ["2027-01-01", "2027-01-02", "2026-12-31", "2027-03-31", "2027-04-01", undefined],
  country: ["US", "United States", "Canada", "FR", "usa", undefined],
  region: ["US-CA", "California", "New York", "US-TX", undefined],
  zip: ["94000", "94999-1234", "94105", "93999", "95000", "94105-0001", "10001", "94999", undefined],
  site: ["https://www.stanford.edu/x", "acme.com", "bob@acme.com", "ox.ac.uk", undefined],
  tier: ["gold", "SILVER", "bronze", undefined],
  active: [true, false, "yes", "0", undefined],
  owner: ["alice", "ALICE@example.com", undefined],
};
// Co-prime strides, so that the records combine the values of different fields in many ways.
const STRIDES = [1, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

function records(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const r: Record<string, unknown> = { id: `L-${i}` };
    Object.entries(VALUES).forEach(([field, values], f) => {
      const v = values[(i * STRIDES[f] + f) % values.length];
      if (v !== undefined) r[field] = v;
    });
    return r;
  });
}

describe("every kind of test, compiled", async () => {
  const result = compileProgram(loadProgram("/ops/operators.carve", new MemoryHost({ "/ops/operators.carve": SOURCE })));
  const artifact = result.artifact!;
  const mod = await loadModule(emitJsModule(artifact));
  const runtime = loadArtifact(artifact);
  const sample = records(600);

  test("the fixture compiles cleanly", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("holds on exactly the records on which the runtime's test holds", () => {
    const differ = sample.filter((r) => !isDeepStrictEqual(mod.decide(r, { asOf: "2027-03-01" }), runtime.evaluate(r, { asOf: "2027-03-01" })));
    expect(differ.slice(0, 3)).toEqual([]);
  });

  test("the sample makes every test both hold and fail", () => {
    const overlays = artifact.groups[artifact.overlays!].territories.map((t) => artifact.territories[t].id);
    const held = new Map(overlays.map((id) => [id, 0]));
    let valid = 0;
    for (const r of sample) {
      const d = mod.decide(r, { asOf: "2027-03-01" });
      if (d.status === "invalid") continue;
      valid++;
      for (const o of d.overlays) held.set(o.territory, held.get(o.territory)! + 1);
    }
    expect(valid).toBeGreaterThan(sample.length / 2);
    expect([...held].filter(([, n]) => n === 0 || n === valid).map(([id]) => id)).toEqual([]);
  });
});
