// Who is available when (SPEC 2.6 step 4): a rep outside its window or inside an `away` range is
// not; a queue always is; a team is when one of its members (membership windows apply) or its
// overflow is. Spans cut at every date these depend on make availability constant per span.
import type { Rep, Target, Team } from "@carve/runtime";
import { activeIn, overlapsSpan, type DatedWindow, type Span } from "./periods.js";
import type { AnalysisPlan } from "./types.js";

export type Roster = NonNullable<AnalysisPlan["roster"]>;

/**
 * "possible": an assignee exists on those days (load and field values not considered);
 * "certain": an assignee exists whatever the record and the load — rep fields never are, and a
 * least-loaded member with a capacity may be full.
 */
export type Mode = "possible" | "certain";

export class Availability {
  private readonly reps: Map<string, Rep>;
  private readonly teams: Map<string, Team>;

  constructor(readonly roster: Roster | undefined) {
    this.reps = new Map((roster?.reps ?? []).map((r) => [r.id, r]));
    this.teams = new Map((roster?.teams ?? []).map((t) => [t.id, t]));
  }

  /** Every date range the target's availability depends on. */
  windows(target: Target, seen = new Set<string>()): DatedWindow[] {
    if (target.kind === "rep") return this.repWindows(target.id);
    if (target.kind !== "team" || seen.has(target.id)) return [];
    seen.add(target.id);
    const team = this.teams.get(target.id);
    if (team === undefined) return [];
    const out: DatedWindow[] = [];
    for (const m of team.members) out.push(m.window, ...this.repWindows(m.rep));
    if (team.overflow !== undefined) out.push(...this.windows(team.overflow, seen));
    return out;
  }

  repWindows(id: string): DatedWindow[] {
    const rep = this.reps.get(id);
    return rep === undefined ? [] : [rep.window, ...rep.away];
  }

  repAvailable(id: string, span: Span): boolean {
    const rep = this.reps.get(id);
    return rep !== undefined && activeIn(rep.window, span) && !rep.away.some((a) => overlapsSpan(a, span));
  }

  /** Some member available (membership window and rep), overflow not considered. */
  memberAvailable(team: Team, span: Span, mode: Mode): boolean {
    return team.members.some((m) => activeIn(m.window, span) && this.repAvailable(m.rep, span) &&
      !(mode === "certain" && team.strategy.kind === "least_loaded" && this.reps.get(m.rep)?.capacity !== undefined));
  }

  /** Available in every span, "possible" mode: `available(target, span, "possible")` for any span. */
  always(target: Target): boolean {
    if (target.kind === "queue" || target.kind === "field") return true;
    if (target.kind !== "rep" || this.roster === undefined) return false;
    const rep = this.reps.get(target.id);
    return rep !== undefined && rep.window === undefined && rep.away.length === 0;
  }

  available(target: Target, span: Span, mode: Mode, seen = new Set<string>()): boolean {
    switch (target.kind) {
      case "queue":
        return true;
      case "field":
        return mode === "possible"; // the record names the rep: unknown here
      case "rep":
        return this.roster !== undefined && this.repAvailable(target.id, span);
      case "team": {
        if (this.roster === undefined || seen.has(target.id)) return false;
        seen.add(target.id);
        const team = this.teams.get(target.id);
        if (team === undefined) return false;
        return this.memberAvailable(team, span, mode) || (team.overflow !== undefined && this.available(team.overflow, span, mode, seen));
      }
    }
  }
}
