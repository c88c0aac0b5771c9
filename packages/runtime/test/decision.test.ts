// The Decision object services read (SPEC 2.6 step 6), and the streaming entry point.
import { describe, expect, test } from "vitest";
import { InMemoryStateStore, loadArtifact, type StateStore } from "@carve/runtime";
import { acme } from "./acme.js";

const artifact = acme();
const rt = loadArtifact(artifact);
const lead = { id: "L-2", country: "US", region: "US-NY", employees: 40, industry: "retail", source: "inbound" };

describe("decisions", () => {
  test("have the documented shape", () => {
    const d = rt.evaluate({ ...lead, account: { status: "customer", owner: "bob@acme.com" } }, { asOf: "2027-03-01" });
    expect(d).toEqual({
      status: "assigned",
      territory: { id: "na.east", label: "East", path: ["na", "na.east"] },
      owner: { kind: "rep", id: "bob" },
      via: "override keep_owner",
      overlays: [],
      asOf: "2027-03-01",
      ruleset: { name: "acme", hash: artifact.hash },
      key: "L-2",
    });
  });

  test("asOf defaults to today in UTC; Date objects and date-times are accepted", () => {
    expect(rt.evaluate(lead).asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(rt.evaluate(lead, { asOf: new Date(Date.UTC(2027, 0, 15, 23, 0)) }).asOf).toBe("2027-01-15");
    expect(rt.evaluate(lead, { asOf: "2027-01-15T10:00:00-08:00" }).asOf).toBe("2027-01-15");
  });

  test("a record that is not an object carries no key of the record before it", () => {
    expect(rt.evaluate(lead, { asOf: "2027-03-01" }).key).toBe("L-2");
    for (const bad of [null, 42, "L-2", [lead]]) {
      const d = rt.evaluate(bad, { asOf: "2027-03-01" });
      expect(d.status).toBe("invalid");
      expect(d.key).toBeUndefined();
    }
  });

  test("decisions do not share mutable state with the runtime", () => {
    const a = rt.evaluate({ ...lead, country: "FR" }, { asOf: "2027-03-01" });
    expect(Object.isFrozen(a.owner)).toBe(true);
    expect(Object.isFrozen(a.overlays)).toBe(true);
    expect(Object.isFrozen(a.ruleset)).toBe(true);
  });
});

describe("evaluateMany", () => {
  test("streams: each record is read only when its decision is asked for", () => {
    const read: number[] = [];
    function* records() {
      for (let i = 0; i < 3; i++) {
        read.push(i);
        yield { ...lead, id: `L-${i}` };
      }
    }
    const it = rt.evaluateMany(records(), { asOf: "2027-03-01" });
    expect(read).toEqual([]);
    expect(it.next().value?.key).toBe("L-0");
    expect(read).toEqual([0]);
    expect([...it].map((d) => d.key)).toEqual(["L-1", "L-2"]);
  });

  test("a failing state store makes that record invalid, not the stream fail", () => {
    let calls = 0;
    const state: StateStore = {
      next: (team) => {
        if (calls++ === 0) throw new Error("redis down");
        return new InMemoryStateStore().next(team);
      },
      peek: () => 0,
    };
    const rt2 = loadArtifact(artifact, { state });
    const smb = { ...lead, region: "US-CA" }; // west_smb: the round_robin team west_commercial
    const out = [...rt2.evaluateMany([smb, smb], { asOf: "2027-03-01" })];
    expect(out.map((d) => d.status)).toEqual(["invalid", "assigned"]);
    expect(out[0].errors).toEqual([{ field: "(runtime)", reason: "the record could not be evaluated: redis down" }]);
    expect(out[0].key).toBe("L-2");
  });
});
