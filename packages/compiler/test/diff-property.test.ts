// The acceptance property of the semantic diff: on random pairs of small rulesets (mutations of
// one base: values, order, owners, windows, rosters, overrides, added territories and fields)
// and random records (raw spellings, missing and malformed values, several dates):
// * when the diff says "no change", both versions decide every record identically;
// * every record the versions decide differently is one of the diff's pairs (nothing missed);
// * every pair's witness, evaluated, gives exactly that pair.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { diffArtifacts } from "../src/index.js";
import { compileFiles, decisionKey, outcomeMatches } from "./helpers/diff-check.js";

const BASE = `ruleset p
record Lead {
  id: string key
  country: country
  region: region?
  seg: enum(a, b, c)
  emp: int
  rev: money?
  acct_owner: rep?
  status: enum(x, y)?
}
rep r1 { email "r1@acme.com" }
rep r2 { away 2027-01-01..2027-01-31 }
rep r3 { until 2027-06-30 }
team th { members r1, r2 weight 2  strategy hash(id)  overflow q1 }
team tr { members r2, r3  strategy round_robin }
queue q1
queue q2
override o1 { when status == x and acct_owner is set  assign acct_owner }
override o2 { when seg == c and emp >= 500  assign r3 }
territories first {
  territory t1 { when country == US and seg == a  assign r1 }
  territory t2 {
    when country in [US, CA]
    assign q1
    territories first {
      territory t3 { when region in [US-CA, US-NY]  assign th }
      territory t4 { when emp >= 100  assign tr  from 2027-03-01 }
    }
  }
  territory t5 { when rev >= 1M or emp in 50..99  assign r2 }
  otherwise q2
}
overlays {
  territory ov { when seg == b  assign q1 }
}
`;

/** Text edits of the base; each applies when its text is present. */
const MUTATIONS: [string, string][] = [
  ["emp >= 100", "emp >= 200"],
  ["region in [US-CA, US-NY]", "region in [US-CA, US-TX]"],
  ["seg == a  assign r1", "seg == b  assign r1"],
  ["rev >= 1M", "rev >= 2M"],
  ["emp in 50..99", "emp in 40..99"],
  ["assign r1 }", "assign q2 }"],
  ["assign th }", "assign tr }"],
  ["assign tr  from", "assign r3  from"],
  ["  from 2027-03-01", "  from 2027-01-15"],
  ["  from 2027-03-01", ""],
  ["otherwise q2", "otherwise th"],
  ["members r1, r2 weight 2", "members r1, r2 weight 3"],
  ["members r2, r3", "members r3, r2"],
  ["away 2027-01-01..2027-01-31", "away 2027-02-20..2027-03-10"],
  ["until 2027-06-30", "until 2027-01-20"],
  ["override o2 { when seg == c and emp >= 500  assign r3 }", ""],
  ["assign acct_owner }", "assign r2 }"],
  ["territories first {\n      territory t3", "territories unique {\n      territory t3"],
  // reorder the top-level territories: t1 goes last
  ["  territory t1 { when country == US and seg == a  assign r1 }\n", ""],
  // add a territory
  ["  territory t5 {", "  territory t6 { when country == FR or seg == c  assign r3 }\n  territory t5 {"],
  ["territory ov { when seg == b  assign q1 }", "territory ov { when seg == b or emp == 0  assign tr }"],
  // schema: a new optional field tested by a territory, a new enum value, a required field made optional
  ["  status: enum(x, y)?\n}", "  status: enum(x, y)?\n  score: int?\n}"],
  ["territory t5 { when rev >= 1M", "territory t5 { when score >= 10 or rev >= 1M"],
  ["seg: enum(a, b, c)", "seg: enum(a, b, c, d)"],
  ["emp: int\n", "emp: int?\n"],
];

const T1 = MUTATIONS.findIndex(([from]) => from.startsWith("  territory t1"));

function mutate(indexes: number[]): string {
  let s = BASE;
  for (const i of indexes) {
    const [from, to] = MUTATIONS[i];
    if (i === T1 && s.includes(from)) s = s.replace(from, to).replace("  otherwise", `${from}  otherwise`);
    else s = s.replace(from, to);
  }
  // the territory mutation "t5 uses score" needs the field
  if (s.includes("score >= 10") && !s.includes("score: int?")) s = s.replace("  status: enum(x, y)?\n}", "  status: enum(x, y)?\n  score: int?\n}");
  return s;
}

const DATES = ["2026-12-15", "2027-01-10", "2027-01-25", "2027-02-25", "2027-03-05", "2027-07-01"];

/** Mostly values a field accepts (raw spellings included), sometimes one it rejects. */
function values<T>(ok: T[], bad: T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
}

const recordArb = fc.record({
  id: fc.constantFrom("L-1", "L-2", "L-3", "L-42", "x"),
  country: values(["US", "usa", "Canada", "CA", "FR", "DE"], ["Atlantis", undefined]),
  region: values(["US-CA", "California", "NY", "US-TX", "ON", undefined], ["Nowhere"]),
  seg: values(["a", "B", "c"], ["d", undefined]),
  emp: values([0, 40, 49, 50, 99, 100, 150, 199, 200, 499, 500, "1,200", -5], ["many", undefined]),
  rev: values([undefined, 0, 999_999, 1_000_000, "2M", 5e6], ["lots"]),
  acct_owner: values([undefined, "r1", "R2", "r3", "r1@acme.com"], ["nobody"]),
  status: values([undefined, "x", "y"], ["z"]),
  score: values([undefined, 5, 10], ["bad"]),
}, { requiredKeys: [] });

const versionArb = fc.subarray([...MUTATIONS.keys()], { maxLength: 3 });
const pairArb = fc.oneof(
  { weight: 1, arbitrary: versionArb.map((v) => [v, v] as const) },
  { weight: 4, arbitrary: fc.tuple(versionArb, versionArb) },
);

describe("semantic diff on random rulesets", () => {
  test("no change means identical decisions; every difference is a pair; every witness shows its pair", () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(...DATES), fc.array(recordArb, { minLength: 60, maxLength: 60 }), ([a, b], asOf, records) => {
        const old = compileFiles({ "main.carve": mutate(a) });
        const neu = compileFiles({ "main.carve": mutate(b) });
        const result = diffArtifacts(old, neu, { asOf });
        expect(result.complete, result.incomplete.join("; ")).toBe(true);
        const ro = loadArtifact(old);
        const rn = loadArtifact(neu);
        const options = { asOf, sideEffects: false };
        for (const record of records) {
          const r = record as Record<string, unknown>;
          const d0 = ro.evaluate(r, options);
          const d1 = rn.evaluate(r, options);
          if (result.pairs.length === 0) {
            expect(decisionKey(d1), `no change claimed, but ${JSON.stringify(r)} is decided differently`).toBe(decisionKey(d0));
          } else if (decisionKey(d0) !== decisionKey(d1)) {
            const found = result.pairs.some((p) => outcomeMatches(old, p.from, d0, r) && outcomeMatches(neu, p.to, d1, r));
            expect(found, `${JSON.stringify(r)}: ${decisionKey(d0)} → ${decisionKey(d1)} is in no pair`).toBe(true);
          }
        }
        for (const p of result.pairs) {
          const w = p.witness as Record<string, unknown>;
          const d0 = ro.evaluate(w, options);
          const d1 = rn.evaluate(w, options);
          expect(outcomeMatches(old, p.from, d0, w), `witness ${JSON.stringify(w)} of ${JSON.stringify(p.from)}: old gives ${decisionKey(d0)}`).toBe(true);
          expect(outcomeMatches(neu, p.to, d1, w), `witness ${JSON.stringify(w)} of ${JSON.stringify(p.to)}: new gives ${decisionKey(d1)}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
