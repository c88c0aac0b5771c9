// Properties over random artifacts and records: the indexed matcher agrees with the reference
// bit for bit, and whole decisions agree too.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { compileBoxes } from "../src/atoms.js";
import { IndexedMatcher } from "../src/index-group.js";
import { buildModel } from "../src/model.js";
import { newRecord, RecordNormalizer } from "../src/normalize-record.js";
import { ReferenceMatcher } from "../src/reference.js";
import { layoutTable } from "../src/table.js";
import { DATES, randomPlan, randomRecords } from "./random-plan.js";

describe("indexed matcher = reference matcher", () => {
  test("on every table, every record and every date, bit for bit", () => {
    let compared = 0;
    let nonEmpty = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), (seed, size) => {
        const a = randomPlan(seed, size);
        const model = buildModel(a);
        const tables = [
          ...a.groups.map((g) => g.territories.map((t) => ({ when: compileBoxes(a.territories[t].when, model), window: a.territories[t].window }))),
          a.overrides.map((o) => ({ when: compileBoxes(o.when, model), window: o.window })),
        ].map(layoutTable);
        const indexed = tables.map((l) => new IndexedMatcher(l));
        const sparse = tables.map((l) => new IndexedMatcher(l, 0)); // equality columns as row lists
        const reference = tables.map((l) => new ReferenceMatcher(l));
        const normalizer = new RecordNormalizer(model);
        const rec = newRecord(model.fields.length);
        for (const record of randomRecords(seed ^ 0x5bd1e995, 30)) {
          if (normalizer.normalize(record, rec)) continue;
          for (const asOf of DATES) {
            tables.forEach((l, i) => {
              const x = new Uint32Array(l.words);
              const y = new Uint32Array(l.words);
              const z = new Uint32Array(l.words);
              indexed[i].match(rec, asOf, x);
              reference[i].match(rec, asOf, y);
              sparse[i].match(rec, asOf, z);
              expect([...x], `table ${i}, rows ${l.rows}, ${JSON.stringify(record)} on ${asOf}`).toEqual([...y]);
              expect([...z]).toEqual([...y]);
              compared++;
              if (y.some((w) => w !== 0)) nonEmpty++;
            });
          }
        }
      }),
      { numRuns: 40 },
    );
    // the generator must produce matches, not only misses, for the property to mean anything
    expect(nonEmpty).toBeGreaterThan(compared / 10);
    expect(compared).toBeGreaterThan(5000);
  });

  test("whole decisions agree, explained or not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rt = loadArtifact(randomPlan(seed));
        for (const record of randomRecords(seed + 1, 25)) {
          const asOf = DATES[seed % DATES.length];
          const fast = rt.evaluate(record, { asOf, sideEffects: false });
          expect(rt.evaluateReference(record, { asOf, sideEffects: false })).toEqual(fast);
          const { trace, ...explained } = rt.evaluate(record, { asOf, sideEffects: false, explain: true });
          expect(explained).toEqual(fast);
          expect(trace!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
