// SPEC 2.6 step 5: overlays add assignments; they never change the owner.
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { c, plan } from "./builders.js";

const rt = loadArtifact(
  plan({
    fields: { id: "string key", country: "country", industry: "enum(software, healthcare)", employees: "int" },
    territories: { policy: "first", otherwise: "triage", territories: [{ name: "us", when: [c.eq("country", "US")], assign: "bob" }] },
    overlays: [
      { name: "health", when: [c.eq("industry", "healthcare")], assign: "hc_team" },
      { name: "big", when: [c.gte("employees", 1000)], assign: "carol", until: "2027-06-30" },
      {
        name: "partners", when: [c.eq("country", "US")], assign: "pq",
        children: { policy: "first", territories: [{ name: "away_rep", when: [c.gte("employees", 5000)], assign: "dave" }] },
      },
    ],
    reps: [{ id: "bob" }, { id: "carol" }, { id: "erin" }, { id: "dave", away: [{ from: "2027-01-01", until: "2027-12-31" }] }],
    teams: [{ id: "hc_team", members: ["erin"], strategy: { kind: "round_robin" } }],
    queues: ["triage", "pq"],
  }),
);
const asOf = "2027-03-01";

describe("overlays", () => {
  test("every overlay that holds adds an assignment; the owner stays the territory's", () => {
    const d = rt.evaluate({ id: "1", country: "US", industry: "healthcare", employees: 2000 }, { asOf });
    expect(d.owner).toEqual({ kind: "rep", id: "bob" });
    expect(d.overlays).toEqual([
      { territory: "health", owner: { kind: "rep", id: "erin", team: "hc_team" } },
      { territory: "big", owner: { kind: "rep", id: "carol" } },
      { territory: "partners", owner: { kind: "queue", id: "pq" } },
    ]);
  });

  test("overlays have windows", () => {
    const d = rt.evaluate({ id: "1", country: "FR", industry: "software", employees: 2000 }, { asOf: "2027-07-01" });
    expect(d.overlays).toEqual([]);
    expect(d.owner).toEqual({ kind: "queue", id: "triage" });
  });

  test("nested overlay territories resolve like any target, walking up within the overlay", () => {
    const d = rt.evaluate({ id: "1", country: "US", industry: "software", employees: 9000 }, { asOf, explain: true });
    expect(d.overlays).toContainEqual({ territory: "partners.away_rep", owner: { kind: "queue", id: "pq" } });
    expect(d.trace!.filter((e) => e.step === "overlay").map((e) => e.message)).toEqual([
      "overlay `big` adds rep `carol`",
      "overlay `partners.away_rep` adds queue `pq`",
    ]);
  });
});
