// SPEC 2.6 step 4: availability, team strategies, overflow and the walk up the path.
import { describe, expect, test } from "vitest";
import { fmix32, InMemoryLoadSource, InMemoryStateStore, loadArtifact, md5First32, type RuntimeOptions } from "@carve/runtime";
import { c, plan, type PlanSpec } from "./builders.js";

const fields = { id: "string key", country: "country", employees: "int?" };
const reps: PlanSpec["reps"] = [
  { id: "alice" },
  { id: "bob", capacity: 2 },
  { id: "carol", away: [{ from: "2027-01-01", until: "2027-01-10" }] },
  { id: "dana", window: { from: "2027-02-01", until: "2027-06-30" } },
  { id: "erin" },
];
const queues = ["q", "triage"];
/** One territory for US leads assigned to `target`, under a parent assigned to `parent`. */
function single(target: string, teams: PlanSpec["teams"] = [], parent?: string, options?: RuntimeOptions) {
  return loadArtifact(
    plan({
      fields, reps, queues, teams,
      territories: {
        policy: "first",
        otherwise: "triage",
        territories: [
          { name: "na", ...(parent ? { assign: parent } : {}), children: { policy: "first", territories: [{ name: "us", when: [c.eq("country", "US")], assign: target }] } },
        ],
      },
    }),
    options,
  );
}
const lead = (id = "L-1") => ({ id, country: "US" });

describe("rep availability", () => {
  test("a rep is unavailable during an away range (both ends included) and outside from/until", () => {
    const carol = single("carol", [], "q");
    expect(carol.evaluate(lead(), { asOf: "2026-12-31" }).owner?.id).toBe("carol");
    expect(carol.evaluate(lead(), { asOf: "2027-01-01" }).owner?.id).toBe("q");
    expect(carol.evaluate(lead(), { asOf: "2027-01-10" }).owner?.id).toBe("q");
    expect(carol.evaluate(lead(), { asOf: "2027-01-11" }).owner?.id).toBe("carol");
    const dana = single("dana", [], "q");
    expect(dana.evaluate(lead(), { asOf: "2027-01-31" }).owner?.id).toBe("q");
    expect(dana.evaluate(lead(), { asOf: "2027-02-01" }).owner?.id).toBe("dana");
    expect(dana.evaluate(lead(), { asOf: "2027-06-30" }).owner?.id).toBe("dana");
    expect(dana.evaluate(lead(), { asOf: "2027-07-01" }).owner?.id).toBe("q");
  });

  test("an unavailable target passes up the path: the parent's assign, then the top-level otherwise", () => {
    const rt = single("carol", [], "dana");
    const d = rt.evaluate(lead(), { asOf: "2027-01-05", explain: true });
    expect(d).toMatchObject({ territory: { id: "na.us" }, owner: { kind: "queue", id: "triage" }, via: "otherwise", status: "assigned" });
    const steps = d.trace!.filter((e) => ["target", "walk-up", "skip"].includes(e.step)).map((e) => e.message);
    expect(steps).toEqual([
      "the target is rep `carol`, from territory `na.us`",
      "skipped: `carol` is away 2027-01-01..2027-01-10 (on 2027-01-05)",
      "nobody available yet: up the path to territory `na`, which assigns rep `dana`",
      "skipped: `dana` is not in effect on 2027-01-05 (from 2027-02-01 until 2027-06-30)",
      "nobody available yet: up the path to the top-level `otherwise`, which assigns queue `triage`",
    ]);
    expect(rt.evaluate(lead(), { asOf: "2027-03-01" })).toMatchObject({ owner: { id: "carol" }, via: "territory na.us" });
  });

  test("nothing available up the path: unassigned", () => {
    const rt = loadArtifact(
      plan({ fields, reps, queues, territories: { policy: "first", territories: [{ name: "us", when: [c.eq("country", "US")], assign: "carol" }] } }),
    );
    const d = rt.evaluate(lead(), { asOf: "2027-01-05", explain: true });
    expect(d.status).toBe("unassigned");
    expect(d.territory?.id).toBe("us");
    expect(d.trace!.at(-1)!.message).toBe("unassigned: no one up the path is available");
  });
});

describe("hash teams", () => {
  const teams: PlanSpec["teams"] = [
    { id: "ae", members: ["alice", { rep: "bob", weight: 2 }, "erin", { rep: "dana", from: "2027-02-01" }], strategy: { kind: "hash", field: "id" } },
  ];

  test("follow the documented contract: highest fmix32(md5(key) XOR seed), ties to the earlier member", () => {
    const rt = single("ae", teams);
    const available = [["alice", 1], ["bob", 2], ["erin", 1]] as const; // dana only from 2027-02-01
    for (let i = 0; i < 300; i++) {
      const key = `L-${i}`;
      const h = md5First32(key);
      let best = "";
      let bestScore = -1;
      for (const [rep, weight] of available) {
        for (let s = 1; s <= weight; s++) {
          const score = fmix32((h ^ md5First32(`${rep}#${s}`)) >>> 0);
          if (score > bestScore) [best, bestScore] = [rep, score];
        }
      }
      expect(rt.evaluate(lead(key), { asOf: "2027-01-15" }).owner).toEqual({ kind: "rep", id: best, team: "ae" });
    }
  });

  test("hash the normalised value: surrounding white space does not move a record", () => {
    const rt = single("ae", teams);
    expect(rt.evaluate(lead("  L-42 "), { asOf: "2027-01-15" }).owner).toEqual(rt.evaluate(lead("L-42"), { asOf: "2027-01-15" }).owner);
  });

  test("spread records by weight", () => {
    const rt = single("ae", teams);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const id = rt.evaluate(lead(`K${i}`), { asOf: "2027-01-15" }).owner!.id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    expect(counts.bob / 4000).toBeGreaterThan(0.42);
    expect(counts.bob / 4000).toBeLessThan(0.58);
    expect(counts.alice / 4000).toBeGreaterThan(0.18);
    expect(counts.erin / 4000).toBeGreaterThan(0.18);
  });

  test("the trace shows every candidate's score", () => {
    const d = single("ae", teams).evaluate(lead("L-7"), { asOf: "2027-03-01", explain: true });
    const pick = d.trace!.find((e) => e.step === "pick") as Extract<NonNullable<typeof d.trace>[number], { step: "pick" }>;
    expect(pick.key).toBe("L-7");
    expect(pick.candidates!.map((x) => x.rep)).toEqual(["alice", "bob", "erin", "dana"]);
    const top = [...pick.candidates!].sort((x, y) => y.score! - x.score!)[0];
    expect(pick.chosen).toBe(top.rep);
  });

  test("a team with no available member passes to its overflow", () => {
    const rt = single("away", [
      { id: "away", members: ["carol"], strategy: { kind: "hash", field: "id" }, overflow: "backup" },
      { id: "backup", members: ["carol", "erin"], strategy: { kind: "hash", field: "id" }, overflow: "q" },
    ]);
    const d = rt.evaluate(lead(), { asOf: "2027-01-05", explain: true });
    expect(d.owner).toEqual({ kind: "rep", id: "erin", team: "backup" });
    expect(d.via).toBe("territory na.us");
    expect(d.trace!.filter((e) => e.step === "overflow").map((e) => e.message)).toEqual([
      "team `away` has no one available: its overflow is team `backup`",
    ]);
  });

  test("an overflow loop ends (no hang), passing up the path", () => {
    const rt = single("a", [
      { id: "a", members: ["carol"], strategy: { kind: "round_robin" }, overflow: "b" },
      { id: "b", members: ["carol"], strategy: { kind: "round_robin" }, overflow: "a" },
    ]);
    expect(rt.evaluate(lead(), { asOf: "2027-01-05" })).toMatchObject({ owner: { kind: "queue", id: "triage" }, via: "otherwise" });
  });
});

describe("round_robin teams", () => {
  const teams: PlanSpec["teams"] = [{ id: "rr", members: ["alice", { rep: "bob", weight: 2 }, "carol"], strategy: { kind: "round_robin" } }];

  test("rotate through available members, weighted and interleaved", () => {
    const rt = single("rr", teams);
    const seq = Array.from({ length: 8 }, () => rt.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id);
    expect(seq).toEqual(["bob", "alice", "carol", "bob", "bob", "alice", "carol", "bob"]);
    // carol away: the rotation is over alice and bob only
    const rt2 = single("rr", teams);
    expect(Array.from({ length: 3 }, () => rt2.evaluate(lead(), { asOf: "2027-01-05" }).owner!.id)).toEqual(["bob", "alice", "bob"]);
  });

  test("share their counters through the state store; dry runs do not advance them", () => {
    const state = new InMemoryStateStore();
    const a = single("rr", teams, undefined, { state });
    const b = single("rr", teams, undefined, { state });
    expect(a.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id).toBe("bob");
    expect(b.evaluate(lead(), { asOf: "2027-03-01", sideEffects: false }).owner!.id).toBe("alice");
    expect(b.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id).toBe("alice");
    expect(state.peek("rr")).toBe(2);
  });
});

describe("least_loaded teams", () => {
  const teams: PlanSpec["teams"] = [{ id: "ll", members: ["alice", "bob", { rep: "erin", weight: 2 }], strategy: { kind: "least_loaded" }, overflow: "q" }];

  test("pick the member with the fewest open assignments per unit of weight, below capacity", () => {
    const load = new InMemoryLoadSource([["alice", 3], ["bob", 0], ["erin", 5]]);
    const rt = single("ll", teams, undefined, { load });
    expect(rt.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id).toBe("bob"); // bob 0
    expect(rt.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id).toBe("bob"); // bob 1 < erin 5/2
    expect(rt.evaluate(lead(), { asOf: "2027-03-01" }).owner!.id).toBe("erin"); // bob at capacity 2; erin 2.5 < alice 3
    expect(load.load("bob")).toBe(2);
    expect(load.load("erin")).toBe(6);
  });

  test("count assignments only when asked to", () => {
    const load = new InMemoryLoadSource();
    const rt = single("ll", teams, undefined, { load, countAssignments: false });
    rt.evaluate(lead(), { asOf: "2027-03-01" });
    expect(load.load("alice")).toBe(0);
  });

  test("everyone at capacity: the overflow", () => {
    const load = new InMemoryLoadSource([["bob", 2]]);
    const rt = single("ll", [{ id: "ll", members: ["bob"], strategy: { kind: "least_loaded" }, overflow: "q" }], undefined, { load });
    const d = rt.evaluate(lead(), { asOf: "2027-03-01", explain: true });
    expect(d.owner).toEqual({ kind: "queue", id: "q" });
    expect(d.trace!.some((e) => e.step === "skip" && e.reason === "at-capacity")).toBe(true);
  });
});
