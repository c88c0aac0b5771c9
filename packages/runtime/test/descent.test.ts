// SPEC 2.6 step 2: first/unique groups, windows, deepest match, and where the target comes from.
import { describe, expect, test } from "vitest";
import { loadArtifact, type TraceEntry } from "@carve/runtime";
import { c, plan, type PlanSpec } from "./builders.js";

const fields = { id: "string key", country: "country", employees: "int", industry: "enum(software, retail, other)?" };
const roster = { reps: [{ id: "alice" }, { id: "bob" }, { id: "carol" }], queues: ["q", "top"] };
const load = (territories: PlanSpec["territories"], extra: Partial<PlanSpec> = {}) =>
  loadArtifact(plan({ fields, territories, ...roster, ...extra }));
const asOf = "2027-03-01";
const lead = (country: string, employees = 10, industry?: string) => ({ id: "L", country, employees, ...(industry ? { industry } : {}) });

describe("territory descent", () => {
  test("a `first` group takes the first child that holds, in document order", () => {
    const rt = load({
      policy: "first",
      territories: [
        { name: "big", when: [c.gte("employees", 1000)], assign: "alice" },
        { name: "us", when: [c.eq("country", "US")], assign: "bob" },
      ],
    });
    expect(rt.evaluate(lead("US", 5000), { asOf }).territory?.id).toBe("big");
    expect(rt.evaluate(lead("US", 50), { asOf }).territory?.id).toBe("us");
    expect(rt.evaluate(lead("FR", 50), { asOf }).status).toBe("unassigned");
  });

  test("a territory without `when` matches every record that reaches it; an empty `any` never matches", () => {
    const rt = load({ policy: "first", territories: [{ name: "never", when: { any: [] }, assign: "alice" }, { name: "all", assign: "bob" }] });
    expect(rt.evaluate(lead("FR"), { asOf }).territory?.id).toBe("all");
  });

  test("descends to the deepest match, the target being the nearest assign up the path", () => {
    const rt = load({
      policy: "first",
      territories: [
        {
          name: "us", when: [c.eq("country", "US")], assign: "alice",
          children: {
            policy: "first",
            territories: [
              { name: "big", when: [c.gte("employees", 1000)], children: { policy: "first", territories: [{ name: "sw", when: [c.eq("industry", "software")] }] } },
            ],
          },
        },
      ],
    });
    const d = rt.evaluate(lead("US", 5000, "software"), { asOf });
    expect(d.territory).toEqual({ id: "us.big.sw", path: ["us", "us.big", "us.big.sw"] });
    expect(d.owner).toEqual({ kind: "rep", id: "alice" });
    expect(d.via).toBe("territory us");
    expect(rt.evaluate(lead("US", 5000, "retail"), { asOf }).territory?.id).toBe("us.big");
    expect(rt.evaluate(lead("US", 5), { asOf }).territory?.id).toBe("us");
  });

  test("the `otherwise` of the group where descent stopped wins over the assigns above it", () => {
    const rt = load({
      policy: "first",
      otherwise: "top",
      territories: [
        {
          name: "us", when: [c.eq("country", "US")], assign: "alice",
          children: { policy: "first", otherwise: "q", territories: [{ name: "big", when: [c.gte("employees", 1000)], assign: "bob" }] },
        },
      ],
    });
    expect(rt.evaluate(lead("US", 5000), { asOf })).toMatchObject({ owner: { id: "bob" }, via: "territory us.big" });
    expect(rt.evaluate(lead("US", 5), { asOf })).toMatchObject({ territory: { id: "us" }, owner: { kind: "queue", id: "q" }, via: "otherwise" });
    expect(rt.evaluate(lead("FR", 5), { asOf })).toMatchObject({ owner: { kind: "queue", id: "top" }, via: "otherwise" });
    expect(rt.evaluate(lead("FR", 5), { asOf }).territory).toBeUndefined();
  });

  test("no target anywhere: unassigned, with the territory still reported", () => {
    const rt = load({ policy: "first", territories: [{ name: "us", when: [c.eq("country", "US")] }] });
    const d = rt.evaluate(lead("US"), { asOf, explain: true });
    expect(d.status).toBe("unassigned");
    expect(d.territory?.id).toBe("us");
    expect(d.owner).toBeUndefined();
    expect(d.trace?.at(-1)).toMatchObject({ step: "unassigned" });
  });

  test("a `unique` group where several children hold takes the first and says so in the trace", () => {
    const rt = load({
      policy: "unique",
      territories: [
        { name: "us", when: [c.eq("country", "US")], assign: "alice" },
        { name: "big", when: [c.gte("employees", 1000)], assign: "bob" },
        { name: "small", when: [c.lt("employees", 1000)], assign: "carol" },
      ],
    });
    const d = rt.evaluate(lead("US", 5000), { asOf, explain: true });
    expect(d.territory?.id).toBe("us");
    const amb = d.trace!.find((e): e is Extract<TraceEntry, { step: "ambiguous" }> => e.step === "ambiguous");
    expect(amb).toMatchObject({ matched: ["us", "big"], chosen: "us" });
    // every child of a unique group is tried
    expect(d.trace!.filter((e) => e.step === "territory").map((e) => (e as { territory: string }).territory)).toEqual(["us", "big", "small"]);
    expect(rt.evaluate(lead("FR", 5000), { asOf }).territory?.id).toBe("big");
  });

  test("windows: a territory exists from its `from` day through its `until` day, inclusive", () => {
    const rt = load({
      policy: "first",
      territories: [
        { name: "promo", when: [c.eq("country", "US")], assign: "alice", from: "2027-01-01", until: "2027-01-31" },
        { name: "us", when: [c.eq("country", "US")], assign: "bob" },
      ],
    });
    expect(rt.evaluate(lead("US"), { asOf: "2026-12-31" }).territory?.id).toBe("us");
    expect(rt.evaluate(lead("US"), { asOf: "2027-01-01" }).territory?.id).toBe("promo");
    expect(rt.evaluate(lead("US"), { asOf: "2027-01-31" }).territory?.id).toBe("promo");
    expect(rt.evaluate(lead("US"), { asOf: "2027-02-01" }).territory?.id).toBe("us");
    const d = rt.evaluate(lead("US"), { asOf: "2027-02-01", explain: true });
    expect(d.trace?.[0]).toMatchObject({ step: "territory", territory: "promo", result: "not-in-effect", window: { from: "2027-01-01", until: "2027-01-31" } });
  });
});
