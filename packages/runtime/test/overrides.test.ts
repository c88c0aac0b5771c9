// SPEC 2.6 step 3: overrides in order; the first that holds, is in effect and resolves decides.
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { c, plan } from "./builders.js";

const rt = loadArtifact(
  plan({
    fields: { id: "string key", country: "country", vip: "bool?", owner: "rep?" },
    overrides: [
      { name: "keep_owner", when: [c.set("owner")], assign: "@owner" },
      { name: "vip_away", when: [c.eq("vip", true)], assign: "carol" },
      { name: "vip", when: [c.eq("vip", true)], assign: "alice" },
      { name: "holiday_desk", when: [c.eq("country", "US")], assign: "q", from: "2027-12-24", until: "2027-12-26" },
      { name: "field_missing", when: [c.eq("country", "FR")], assign: "@owner" },
    ],
    territories: { policy: "first", otherwise: "triage", territories: [{ name: "us", when: [c.eq("country", "US")], assign: "bob" }] },
    reps: [{ id: "alice" }, { id: "bob" }, { id: "carol", away: [{ from: "2027-01-01", until: "2027-12-31" }] }, { id: "dave", window: { until: "2026-12-31" } }],
    queues: ["q", "triage"],
  }),
);
const asOf = "2027-03-01";

describe("overrides", () => {
  test("the first override that holds decides the owner; the territory is still reported", () => {
    const d = rt.evaluate({ id: "1", country: "US", owner: "alice", vip: true }, { asOf });
    expect(d).toMatchObject({ territory: { id: "us" }, owner: { kind: "rep", id: "alice" }, via: "override keep_owner" });
  });

  test("an override whose target is unavailable does not apply; the next one is tried", () => {
    const d = rt.evaluate({ id: "1", country: "US", vip: "yes" }, { asOf, explain: true });
    expect(d).toMatchObject({ owner: { id: "alice" }, via: "override vip" });
    const skip = d.trace!.find((e) => e.step === "skip");
    expect(skip).toMatchObject({ target: "rep `carol`", reason: "unavailable" });
    expect(skip!.message).toMatch(/carol` is away 2027-01-01\.\.2027-12-31/);
    // outside carol's away range, vip_away applies
    expect(rt.evaluate({ id: "1", country: "US", vip: true }, { asOf: "2028-01-02" }).via).toBe("override vip_away");
  });

  test("a rep field target whose rep is unavailable, or that has no value, does not apply", () => {
    expect(rt.evaluate({ id: "1", country: "US", owner: "dave" }, { asOf })).toMatchObject({ owner: { id: "bob" }, via: "territory us" });
    const d = rt.evaluate({ id: "1", country: "FR" }, { asOf, explain: true });
    expect(d).toMatchObject({ owner: { kind: "queue", id: "triage" }, via: "otherwise" });
    expect(d.trace!.some((e) => e.step === "skip" && e.reason === "no-value")).toBe(true);
  });

  test("an override applies only inside its window", () => {
    expect(rt.evaluate({ id: "1", country: "US" }, { asOf: "2027-12-23" }).via).toBe("territory us");
    expect(rt.evaluate({ id: "1", country: "US" }, { asOf: "2027-12-24" }).via).toBe("override holiday_desk");
    expect(rt.evaluate({ id: "1", country: "US" }, { asOf: "2027-12-26" }).via).toBe("override holiday_desk");
    expect(rt.evaluate({ id: "1", country: "US" }, { asOf: "2027-12-27" }).via).toBe("territory us");
  });

  test("the trace lists every override tried, in order, until one applies", () => {
    const d = rt.evaluate({ id: "1", country: "US", vip: true }, { asOf, explain: true });
    const tried = d.trace!.filter((e) => e.step === "override").map((e) => [(e as { override: string }).override, (e as { result: string }).result]);
    expect(tried).toEqual([["keep_owner", "no-match"], ["vip_away", "matched"], ["vip", "matched"]]);
  });
});
