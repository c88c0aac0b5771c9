// The emitted module against @carve/runtime, record by record, whole decisions compared: on the
// benchmark's generated plans with their lead streams (raw CRM spellings and normalised), and on
// random plans that use every kind of test, date windows, overrides, overlays and rep fields.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileProgram, emitJsModule } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { type Artifact, type Decision, loadArtifact, type Runtime } from "@carve/runtime";
// Plain ESM benchmark modules and the runtime's random plans (the runtime's own property tests use them).
import { generateLeads, generatePlan } from "../../bench/generate-plan.mjs";
import { DATES, randomPlan, randomRecords } from "../../packages/runtime/test/random-plan.js";
import { type EmittedModule, loadModule } from "./load-module.js";

const AS_OF = "2027-03-01";

function benchArtifact(size: number): Artifact {
  const plan = generatePlan(size);
  const result = compileProgram(loadProgram(plan.entry, new MemoryHost(plan.files)));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.artifact!;
}

/** The records whose decisions differ (at most 3, for the failure message), and how many were compared. */
function compare(mod: EmittedModule, runtime: Runtime, records: readonly unknown[], options: { asOf: string; explain?: boolean; sideEffects?: boolean }) {
  const differ: { record: unknown; js: Decision; runtime: Decision }[] = [];
  for (const record of records) {
    const js = mod.decide(record, options);
    const rt = runtime.evaluate(record, options);
    if (!isDeepStrictEqual(js, rt) && differ.length < 3) differ.push({ record, js, runtime: rt });
  }
  return differ;
}

describe.each([
  [100, 3000],
  [1000, 2000],
])("a generated plan of %i territories, %i leads", (size, leads) => {
  test("the module decides every lead, raw and normalised, exactly as the runtime", async () => {
    const artifact = benchArtifact(size);
    const mod = await loadModule(emitJsModule(artifact));
    const runtime = loadArtifact(artifact);
    const { norm, raw } = generateLeads(leads);
    expect(compare(mod, runtime, norm, { asOf: AS_OF })).toEqual([]);
    expect(compare(mod, runtime, raw, { asOf: AS_OF })).toEqual([]);
    // The sample reaches much of the plan: the comparison is not between two empty answers.
    const territories = new Set(norm.map((r) => mod.decide(r, { asOf: AS_OF }).territory?.id));
    expect(territories.size).toBeGreaterThan(size / 10);
    // Explanations: the runtime's, step for step (a few hundred records; they are long).
    expect(compare(mod, runtime, raw.slice(0, 300), { asOf: AS_OF, explain: true })).toEqual([]);
  }, 120_000);
});

describe("random plans over every kind of test", () => {
  test("decisions and explanations equal the runtime's on every record and date", async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 40 }), async (seed, size) => {
        const artifact = randomPlan(seed, size);
        const mod = await loadModule(emitJsModule(artifact));
        const runtime = loadArtifact(artifact);
        const records = randomRecords(seed ^ 0x2545f491, 25);
        for (const asOf of DATES) {
          expect(compare(mod, runtime, records, { asOf })).toEqual([]);
          expect(compare(mod, runtime, records, { asOf, explain: true, sideEffects: false })).toEqual([]);
          decided += records.length;
        }
      }),
      { numRuns: 30 },
    );
    expect(decided).toBe(30 * DATES.length * 25);
  }, 120_000);
});
