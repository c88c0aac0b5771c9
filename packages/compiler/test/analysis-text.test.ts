// Text fields: the partition of a string / postal / domain field under starts/ends-with, contains,
// equality and text-range tests must be exact — every text falls in a class, and each test holds
// on a class exactly when it holds on every text of it — and witnesses must be normalised values.
import type { Atom, FieldType } from "@carve/runtime";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { has } from "../src/analysis/bits.js";
import { Budget } from "../src/analysis/budget.js";
import { textPartition } from "../src/analysis/strings.js";
import { analyze } from "../src/analysis/index.js";
import { atomHolds, Oracle } from "./helpers/analysis-brute.js";
import { all, between, contains, endsWith, eq, field, first, plan, schema, startsWith, t } from "./helpers/analysis-plan.js";

function texts(alphabet: string[], maxLen: number): string[] {
  const out: string[] = [];
  let layer = [""];
  for (let n = 1; n <= maxLen; n++) {
    layer = layer.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...layer);
  }
  return out;
}

const CASES: { type: FieldType; units: string[]; probe: string[] }[] = [
  { type: "string", units: ["a", "b", " "], probe: ["a", "b", "A", " ", "x"] },
  { type: "postal", units: ["9", "4", "1"], probe: ["9", "4", "1", "0", "X"] },
  { type: "domain", units: ["a", ".", "b"], probe: ["a", ".", "b", "x"] },
];

function atomArb(units: string[]): fc.Arbitrary<Atom> {
  const word = fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 2 }).map((cs) => cs.join(""));
  const words = fc.array(word, { minLength: 1, maxLength: 2 });
  return fc.oneof(
    fc.tuple(fc.constantFrom("startsWith", "endsWith", "contains"), words, fc.boolean()).map(([op, values, negated]) => ({ field: "f", op, values, negated }) as Atom),
    fc.tuple(fc.boolean(), words).map(([neg, values]) => ({ field: "f", op: neg ? "notIn" : "in", values }) as Atom),
    fc.tuple(fc.option(word), fc.option(word), fc.boolean(), fc.boolean()).map(([lo, hi, li, hj]) => {
      const a: Atom = { field: "f", op: "range", minInclusive: li, maxInclusive: hj };
      if (lo !== null) a.min = lo;
      if (hi !== null) a.max = hi;
      return a;
    }),
  );
}

describe("text partitions are exact", () => {
  for (const { type, units, probe } of CASES) {
    test(`${type}: every text has a class on which every test agrees with direct evaluation`, () => {
      const pool = texts(probe, 4);
      fc.assert(
        fc.property(fc.array(atomArb(units), { minLength: 1, maxLength: 4 }), (atoms) => {
          const part = textPartition(type, atoms, new Budget());
          const sets = atoms.map((a) => part.atomSet(a));
          const wrong: string[] = [];
          for (let c = 0; c < part.count; c++) if (part.classOf(part.value(c)) !== c) wrong.push(`representative of class ${c}`);
          for (const s of pool) {
            if (type === "string" && s.trim() !== s) continue; // not a normalised value
            const c = part.classOf(s);
            if (c < 0) wrong.push(`no class for ${JSON.stringify(s)}`);
            else atoms.forEach((a, i) => has(sets[i], c) !== atomHolds(a, type, s) && wrong.push(`${JSON.stringify(a)} on ${JSON.stringify(s)}`));
          }
          expect(wrong.slice(0, 5)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }

  test("string patterns are folded as the runtime folds them; values never start or end in white space", () => {
    const atom = endsWith("f", " A ");
    const part = textPartition("string", [atom, contains("f", "a b")], new Budget());
    expect(has(part.atomSet(atom), part.classOf("xa"))).toBe(true);
    for (let c = 0; c < part.count; c++) expect(String(part.value(c)).trim()).toBe(part.value(c));
    expect(part.classOf("a b")).toBeGreaterThanOrEqual(0);
  });

  test("postal codes are tested on their letters and digits: lower-case patterns never match", () => {
    const part = textPartition("postal", [startsWith("f", "k1a")], new Budget());
    // the runtime upper-cases pattern and value alike (postalDigits), so this is `starts with K1A`
    expect(part.classOf("K1A 0B1")).toBeGreaterThanOrEqual(0);
    expect(has(part.atomSet(startsWith("f", "k1a")), part.classOf("K1A 0B1"))).toBe(true);
  });
});

describe("text fields in plans", () => {
  const s = schema(field("country", "country"), field("zip", "postal", { country: "country" }), field("email", "domain", { optional: true }), field("name", "string"));

  test("postal ranges and prefixes: the gap's witness is a real ZIP code outside both", () => {
    const p = plan(s, first([
      t("bay", { when: [all(eq("country", "US"), startsWith("zip", "94"))] }),
      t("la", { when: [all(eq("country", "US"), between("zip", "90000", "91999"))] }),
      t("rest", { when: [all({ field: "country", op: "notIn", values: ["US"] })] }),
    ]));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 0, nested: false, witness: { country: "US", zip: "10001", name: "x" } }]);
  });

  test("a prefix class gets a ZIP padded from its prefix", () => {
    const p = plan(s, first([
      t("low", { when: [all(eq("country", "US"), startsWith("zip", "1", "2", "3", "4", "5", "6", "7", "8", "0"))] }),
      t("rest", { when: [all({ field: "country", op: "notIn", values: ["US"] })] }),
    ]));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 0, nested: false, witness: { country: "US", zip: "90000", name: "x" } }]);
  });

  test("domains: a suffix class yields a valid domain with that suffix", () => {
    const p = plan(s, first([t("edu", { when: [all(endsWith("email", ".edu"))] }), t("other", { when: [all(contains("name", "university"))] })]));
    const [gap] = analyze(p);
    expect(gap).toEqual({ kind: "gap", group: 0, nested: false, witness: { country: "US", zip: "10001", name: "x" } });
    const shadow = analyze(plan(s, first([t("edu", { when: [all(endsWith("email", ".edu"))] }), t("mit", { when: [all(eq("email", "mit.edu"))] })], { kind: "queue", id: "q" })));
    expect(shadow).toEqual([{ kind: "shadowed", group: 0, territory: 1, by: [0], takenBy: 0, witness: { country: "US", zip: "10001", email: "mit.edu", name: "x" } }]);
  });

  test("string tests ignore case: the witness is folded text that the oracle agrees with", () => {
    const p = plan(s, first([t("uni", { when: [all(contains("name", "univ"), { field: "name", op: "endsWith", values: ["inc"], negated: true })] })]));
    const findings = analyze(p);
    const o = new Oracle(p);
    const gap = findings.find((f) => f.kind === "gap")!;
    expect(gap.kind === "gap" && o.validWitness(gap.witness)).toBeUndefined();
    expect(gap.kind === "gap" && o.whenHolds(p.territories[0].when, gap.witness)).toBe(false);
  });
});
