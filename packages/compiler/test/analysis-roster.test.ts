// Roster findings: teams with nobody available in a period, territories left with nobody.
import type { Rep, Team } from "@carve/runtime";
import { describe, expect, test } from "vitest";
import { analyze, type AnalysisPlan, type Finding } from "../src/analysis/index.js";
import { all, eq, field, first, plan, queue, rep, schema, t, team } from "./helpers/analysis-plan.js";

const s = schema(field("country", "country"));
const r = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, away: [], ...extra });
const member = (id: string, window?: { from?: string; until?: string }) => ({ rep: id, weight: 1, seeds: [1], ...(window ? { window } : {}) });
const tm = (id: string, members: Team["members"], overflow?: Team["overflow"]): Team =>
  ({ id, members, strategy: { kind: "round_robin" }, ...(overflow ? { overflow } : {}) });
const roster = (reps: Rep[], teams: Team[] = []): NonNullable<AnalysisPlan["roster"]> => ({ reps, queues: [{ id: "triage" }], teams });
const rosterFindings = (f: Finding[]) => f.filter((x) => x.kind === "team-unavailable" || x.kind === "unowned");

describe("teams with no available member", () => {
  test("member windows, rep windows and away ranges leave periods with nobody", () => {
    const p = plan(s, first([t("all", { assign: queue("triage") })]), {
      roster: roster(
        [r("alice", { window: { until: "2027-06-30" } }), r("bob", { away: [{ from: "2027-09-01", until: "2027-09-15" }] })],
        [tm("west", [member("alice"), member("bob", { from: "2027-08-01" })])],
      ),
    });
    expect(rosterFindings(analyze(p))).toEqual([
      { kind: "team-unavailable", team: "west", period: { from: "2027-07-01", until: "2027-07-31" } },
      { kind: "team-unavailable", team: "west", period: { from: "2027-09-01", until: "2027-09-15" } },
    ]);
  });

  test("a team without members is never available", () => {
    const p = plan(s, first([t("all", { assign: queue("triage") })]), { roster: roster([], [tm("empty", [])]) });
    expect(rosterFindings(analyze(p))).toEqual([{ kind: "team-unavailable", team: "empty" }]);
  });
});

describe("territories left with nobody", () => {
  const carol = r("carol", { window: { until: "2027-06-30" }, away: [{ from: "2026-12-20", until: "2027-01-04" }] });

  test("a rep's `until` leaves the territory with nobody up the path", () => {
    const p = plan(s, first([
      t("na", { when: [all(eq("country", "US", "CA"))], children: first([t("canada", { when: [all(eq("country", "CA"))], assign: rep("carol") })]) }),
    ]), { roster: roster([carol]) });
    expect(rosterFindings(analyze(p))).toEqual([
      { kind: "unowned", territory: 1, target: rep("carol"), period: { from: "2026-12-20", until: "2027-01-04" } },
      { kind: "unowned", territory: 1, target: rep("carol"), period: { from: "2027-07-01" } },
    ]);
  });

  test("an assign up the path or the top-level otherwise catches them: no finding", () => {
    const withParent = plan(s, first([
      t("na", { when: [all(eq("country", "US", "CA"))], assign: queue("triage"), children: first([t("canada", { when: [all(eq("country", "CA"))], assign: rep("carol") })]) }),
    ]), { roster: roster([carol]) });
    expect(rosterFindings(analyze(withParent))).toEqual([]);
    const withOtherwise = plan(s, first([t("canada", { when: [all(eq("country", "CA"))], assign: rep("carol") })], queue("triage")), { roster: roster([carol]) });
    expect(rosterFindings(analyze(withOtherwise))).toEqual([]);
  });

  test("a team falls back on its overflow; a territory that has ended raises nothing", () => {
    const p = plan(s, first([
      t("west", { assign: team("west") }),
      t("old", { assign: rep("carol"), window: { until: "2027-06-30" } }),
    ]), { roster: roster([carol], [tm("west", [member("carol")], queue("triage"))]) });
    const found = rosterFindings(analyze(p));
    expect(found.filter((f) => f.kind === "unowned" && f.territory === 0)).toEqual([]);
    expect(found.filter((f) => f.kind === "unowned" && f.territory === 1)).toEqual([
      { kind: "unowned", territory: 1, target: rep("carol"), period: { from: "2026-12-20", until: "2027-01-04" } },
    ]);
  });
});
