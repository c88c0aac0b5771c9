// The SPEC 2.2 example, end to end: its three `test` blocks and the edges of its plan.
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { acme } from "./acme.js";

const rt = loadArtifact(JSON.stringify(acme()));
const asOf = "2027-03-01";

describe("the SPEC 2.2 example", () => {
  test("a big Californian software lead goes to West Enterprise, owner in west_ae", () => {
    const d = rt.evaluate(
      { id: "L-1", country: "United States", region: "California", employees: 5000, industry: "software", source: "inbound" },
      { asOf },
    );
    expect(d.status).toBe("assigned");
    expect(d.territory).toEqual({ id: "na.west.west_ent", label: "West Enterprise", path: ["na", "na.west", "na.west.west_ent"] });
    expect(d.owner?.team).toBe("west_ae");
    expect(["alice", "bob"]).toContain(d.owner?.id);
    expect(d.via).toBe("territory na.west.west_ent");
    expect(d.key).toBe("L-1");
  });

  test("existing customers keep their owner; the territory is still reported", () => {
    const d = rt.evaluate(
      { id: "L-2", country: "US", region: "US-NY", employees: 40, industry: "retail", source: "inbound", account: { status: "customer", owner: "bob" } },
      { asOf },
    );
    expect(d.territory?.id).toBe("na.east");
    expect(d.owner).toEqual({ kind: "rep", id: "bob" });
    expect(d.via).toBe("override keep_owner");
  });

  test("unknown countries are rejected, not guessed", () => {
    const d = rt.evaluate({ id: "L-3", country: "Atlantis", employees: 10, industry: "other", source: "event" }, { asOf });
    expect(d.status).toBe("invalid");
    expect(d.errors?.map((e) => e.field)).toEqual(["country"]);
    expect(d.errors?.[0].value).toBe("Atlantis");
    expect(d.owner).toBeUndefined();
    expect(d.key).toBe("L-3");
  });

  test("healthcare comes first in the top-level `first` group", () => {
    const d = rt.evaluate({ id: "L-4", country: "US", region: "US-CA", employees: 5000, industry: "healthcare", source: "event" }, { asOf });
    expect(d.territory?.id).toBe("healthcare");
    expect(d.owner).toEqual({ kind: "rep", id: "dana" });
  });

  test("after dana's last day, healthcare passes up to the top-level otherwise", () => {
    const d = rt.evaluate(
      { id: "L-5", country: "US", region: "US-CA", employees: 5000, industry: "healthcare", source: "event" },
      { asOf: "2027-07-01", explain: true },
    );
    expect(d.territory?.id).toBe("healthcare");
    expect(d.owner).toEqual({ kind: "queue", id: "triage" });
    expect(d.via).toBe("otherwise");
    expect(d.trace?.some((e) => e.step === "skip" && e.message.includes("dana"))).toBe(true);
  });

  test("a US lead without a region matches neither west nor east and falls back to na's assign", () => {
    const d = rt.evaluate({ id: "L-6", country: "US", employees: 5, industry: "retail", source: "event" }, { asOf });
    expect(d.territory?.id).toBe("na");
    expect(d.owner).toEqual({ kind: "queue", id: "na_queue" });
    expect(d.via).toBe("territory na");
  });

  test("Canada exists only from 2027-02-01", () => {
    const lead = { id: "L-7", country: "Canada", employees: 5, industry: "retail", source: "event" };
    expect(rt.evaluate(lead, { asOf: "2027-01-15" }).territory?.id).toBe("na");
    const d = rt.evaluate(lead, { asOf: "2027-02-01" });
    expect(d.territory?.id).toBe("na.canada");
    expect(d.owner).toEqual({ kind: "rep", id: "carol" });
  });

  test("everything else goes to the global triage queue", () => {
    const d = rt.evaluate({ id: "L-8", country: "FR", employees: 5, industry: "retail", source: "event" }, { asOf });
    expect(d.territory).toBeUndefined();
    expect(d.owner).toEqual({ kind: "queue", id: "triage" });
    expect(d.via).toBe("otherwise");
  });

  test("named accounts go to alice; account ids compare case-insensitively", () => {
    const d = rt.evaluate({ id: "L-9", country: "FR", employees: 5, industry: "retail", source: "event", "account.id": "0015G00000A1" }, { asOf });
    expect(d.owner).toEqual({ kind: "rep", id: "alice" });
    expect(d.via).toBe("override named_accounts");
  });
});
