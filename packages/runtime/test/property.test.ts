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
import { nextSetBit } from "../src/bitset.js";
import { layoutTable } from "../src/table.js";
import { ValueIds } from "../src/value-ids.js";
import { c, plan } from "./builders.js";
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
        // As the Runtime runs them: equality columns read value ids the normaliser sets, and only
        // the tested fields get comparison keys.
        const ids = new ValueIds(model.fields.length, tables);
        const byId = tables.map((l) => new IndexedMatcher(l, undefined, ids));
        const tested = new Set(tables.flatMap((l) => l.rowBox.flatMap((box) => box.map((a) => a.slot))));
        const normalizer = new RecordNormalizer(model);
        const idNormalizer = new RecordNormalizer(model, ids, tested);
        const rec = newRecord(model.fields.length);
        const idRec = newRecord(model.fields.length);
        for (const record of randomRecords(seed ^ 0x5bd1e995, 30)) {
          if (normalizer.normalize(record, rec)) continue;
          expect(idNormalizer.normalize(record, idRec)).toBeNull();
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
              const w = new Uint32Array(l.words);
              byId[i].match(idRec, asOf, w);
              expect([...w]).toEqual([...y]);
              // firstRow (what a first-match descent asks) is the lowest set row, however it stops early
              const lowest = nextSetBit(y, 0);
              expect(indexed[i].firstRow(rec, asOf, x)).toBe(lowest);
              expect(sparse[i].firstRow(rec, asOf, z)).toBe(lowest);
              expect(byId[i].firstRow(idRec, asOf, w)).toBe(lowest);
              expect(reference[i].firstRow(rec, asOf)).toBe(lowest);
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

  test("firstRow on tables of several words gives the lowest matching row, late or none", () => {
    // 100 territories over 3+ words: `n` picks a band, `e` narrows every third one, so winners sit
    // in every word and some records match nothing.
    const territories = Array.from({ length: 100 }, (_, i) => ({
      name: `t${i}`,
      when: i % 3 === 0 ? [c.between("n", i * 10, i * 10 + 25), c.eq("e", "beta")] : [c.between("n", i * 10, i * 10 + 25)],
      assign: "q",
    }));
    const a = plan({ fields: { id: "string key", n: "int?", e: "enum(alpha, beta)?" }, territories: { policy: "first", territories }, queues: ["q"] });
    const model = buildModel(a);
    const layout = layoutTable(a.groups[0].territories.map((t) => ({ when: compileBoxes(a.territories[t].when, model), window: a.territories[t].window })));
    expect(layout.words).toBeGreaterThan(2);
    const matchers = [new IndexedMatcher(layout), new IndexedMatcher(layout, 0)];
    const reference = new ReferenceMatcher(layout);
    const normalizer = new RecordNormalizer(model);
    const rec = newRecord(model.fields.length);
    const seen = new Set<number>();
    for (let n = -5; n < 1040; n += 3) {
      for (const e of ["alpha", "beta", undefined]) {
        expect(normalizer.normalize({ id: "x", n, e }, rec)).toBeNull();
        const expected = reference.firstRow(rec, DATES[0]);
        for (const m of matchers) expect(m.firstRow(rec, DATES[0], new Uint32Array(layout.words)), `n=${n} e=${e}`).toBe(expected);
        seen.add(expected < 0 ? -1 : expected >>> 5);
      }
    }
    expect([...seen].sort()).toEqual([-1, 0, 1, 2, 3]);
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
