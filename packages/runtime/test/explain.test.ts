// Explanations: traces that answer "why Bob and not Alice?", whyNot, and coverage outcomes.
import { describe, expect, test } from "vitest";
import { loadArtifact, SEEN_FALSE, SEEN_TRUE, type TraceEntry } from "@carve/runtime";
import { acme } from "./acme.js";

const rt = loadArtifact(acme());
const asOf = "2027-03-01";
const small = { id: "L-9", country: "United States", region: "New York", employees: 40, industry: "retail", source: "inbound" };
type Of<S extends TraceEntry["step"]> = Extract<TraceEntry, { step: S }>;

describe("explain", () => {
  test("is off by default: no trace is built", () => {
    expect(rt.evaluate(small, { asOf }).trace).toBeUndefined();
  });

  test("lists the territories tried in order, with failed conditions, normalised and raw values", () => {
    const d = rt.evaluate(small, { asOf, explain: true });
    const tried = d.trace!.filter((e): e is Of<"territory"> => e.step === "territory");
    expect(tried.map((e) => [e.territory, e.result])).toEqual([
      ["healthcare", "no-match"], ["na", "matched"], ["na.west", "no-match"], ["na.east", "matched"], ["na.canada", "no-match"],
    ]);
    const west = tried[2].failed![0].failed;
    expect(west).toEqual([
      expect.objectContaining({
        text: "region in [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID]", file: "plan.carve", field: "region", value: "US-NY", raw: "New York",
      }),
    ]);
    expect(west[0].line).toBeGreaterThan(0);
    expect(tried[2].message).toMatch(/^territory `na.west` did not match: `region in \[.*\]` is false \(line \d+\): region = "US-NY", given "New York"$/);
  });

  test("a `when` with alternatives reports each alternative's failures", () => {
    const d = rt.evaluate({ ...small, region: "CA", employees: 50 }, { asOf, explain: true });
    const ent = d.trace!.find((e): e is Of<"territory"> => e.step === "territory" && e.territory === "na.west.west_ent")!;
    expect(ent.failed!.map((b) => b.failed.map((f) => f.field))).toEqual([["employees"], ["annual_revenue"]]);
    expect(ent.message).toMatch(/alternative 1: `employees >= 1000` is false .*employees = 50 \| alternative 2: `annual_revenue >= 250000000` is false .*annual_revenue has no value/);
    expect(d.territory?.id).toBe("na.west.west_smb");
  });

  test("answers why Bob and not Alice: overrides tried, the team's scores, and who was skipped", () => {
    const d = rt.evaluate({ ...small, region: "California", employees: 5000, id: "L-1" }, { asOf: "2026-12-25", explain: true });
    const overrides = d.trace!.filter((e): e is Of<"override"> => e.step === "override");
    expect(overrides.map((o) => o.override)).toEqual(["keep_owner", "named_accounts"]);
    const pick = d.trace!.find((e): e is Of<"pick"> => e.step === "pick")!;
    expect(pick).toMatchObject({ team: "west_ae", strategy: "hash", key: "L-1", chosen: d.owner!.id });
    expect(d.trace!.at(-1)).toMatchObject({ step: "assigned", via: "territory na.west.west_ent" });
  });

  test("explaining gives the same decision as not explaining", () => {
    for (const r of [small, { ...small, region: "CA", employees: 5000 }, { ...small, country: "FR", region: undefined }, { ...small, country: "FR" }]) {
      const { trace, ...plain } = rt.evaluate(r, { asOf, explain: true, sideEffects: false });
      expect(trace!.length).toBeGreaterThan(0);
      expect(plain).toEqual(rt.evaluate(r, { asOf, sideEffects: false }));
    }
  });
});

describe("whyNot", () => {
  test("names the failed condition on the way to the territory", () => {
    const d = rt.evaluate(small, { asOf, whyNot: "na.west.west_ent" });
    expect(d.whyNot).toMatchObject({ territory: "na.west.west_ent", matched: false });
    expect(d.whyNot!.reasons.map((r) => [r.kind, "territory" in r ? r.territory : ""])).toEqual([
      ["no-match", "na.west"], ["no-match", "na.west.west_ent"],
    ]);
    expect(d.whyNot!.messages[0]).toMatch(/^`na.west` does not match: `region in/);
    expect(d.trace).toBeDefined();
  });

  test("says when an earlier sibling took the record in a `first` group", () => {
    const d = rt.evaluate({ ...small, region: "California", employees: 5000 }, { asOf, whyNot: "na.west.west_smb" });
    expect(d.whyNot!.reasons).toEqual([{ kind: "taken", territory: "na.west.west_smb", by: "na.west.west_ent", policy: "first" }]);
    expect(d.whyNot!.messages[0]).toBe("`na.west.west_smb` matches, but `na.west.west_ent` comes first in its `first` group and matches too");
  });

  test("says when the territory is not in effect", () => {
    const d = rt.evaluate({ ...small, country: "CA", region: undefined }, { asOf: "2027-01-15", whyNot: "na.canada" });
    expect(d.whyNot!.reasons).toEqual([{ kind: "not-in-effect", territory: "na.canada", window: { from: "2027-02-01" } }]);
  });

  test("confirms a match, and suggests a name for an unknown territory", () => {
    expect(rt.evaluate(small, { asOf, whyNot: "na" }).whyNot).toMatchObject({ matched: true, messages: ["the record is in `na`, and deeper in `na.east`"] });
    const d = rt.evaluate(small, { asOf, whyNot: "na.wst" });
    expect(d.whyNot!.reasons[0].kind).toBe("unknown-territory");
    expect(d.whyNot!.messages[0]).toMatch(/^there is no territory `na.wst`; did you mean `na.west`/);
  });
});

describe("conditionOutcomes", () => {
  test("records, per condition, whether it was seen true and false in the evaluation", () => {
    const a = rt.artifact;
    const idx = (text: string) => a.conditions.findIndex((c) => c.text === text);
    const o = rt.conditionOutcomes(small, { asOf });
    expect(o.length).toBe(a.conditions.length);
    expect(o[idx("country == US")]).toBe(SEEN_TRUE); // healthcare, west, east all see country == US true
    expect(o[idx("industry == healthcare")]).toBe(SEEN_FALSE);
    expect(o[idx("employees >= 1000")]).toBe(0); // west_ent was never tried
    const both = rt.conditionOutcomes({ ...small, country: "CA", region: undefined }, { asOf });
    expect(both[idx("country in [US, CA]")]).toBe(SEEN_TRUE);
    expect(both[idx("country == US")]).toBe(SEEN_FALSE);
    expect(rt.conditionOutcomes(null).every((x) => x === 0)).toBe(true);
  });
});
