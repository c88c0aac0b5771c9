// Owners as the diff compares them (SPEC 2.6 step 4 at one date): a target resolves to itself
// when it has an available assignee on that date, else to nothing (the caller walks up the
// path). A team stays a team — which member it picks depends on the record's key or on state —
// and carries a fingerprint of everything that decides the member, so that two versions that
// could pick differently never compare equal.
import type { Artifact, Rep, Target, Team } from "@carve/runtime";
import type { StaticOwner } from "./types.js";

/** The runtime's bound on overflow chains (resolve-target.ts). */
const MAX_OVERFLOW = 16;

export class RosterAt {
  private readonly reps: Map<string, Rep>;
  private readonly teams: Map<string, Team>;
  private readonly fingerprints = new Map<string, string>();

  constructor(artifact: Artifact, readonly asOf: string) {
    this.reps = new Map(artifact.roster.reps.map((r) => [r.id, r]));
    this.teams = new Map(artifact.roster.teams.map((t) => [t.id, t]));
  }

  repAvailable(id: string): boolean {
    const r = this.reps.get(id);
    return r !== undefined && inWindow(r.window, this.asOf) && !r.away.some((w) => inWindow(w, this.asOf));
  }

  /** The reps available on the date, for a rep field's "does it name someone available?" */
  availableReps(): string[] {
    return [...this.reps.keys()].filter((id) => this.repAvailable(id));
  }

  /**
   * The owner a target settles on, or null when it has no available assignee. `fieldNamesAvailable`
   * answers, for a rep field target, whether the record's value names an available rep.
   * Least-loaded teams are assumed to have room (their load is state, not rules).
   */
  resolve(target: Target, fieldNamesAvailable: (field: string) => boolean, depth = 0): StaticOwner | null {
    switch (target.kind) {
      case "queue":
        return { kind: "queue", id: target.id };
      case "rep":
        return this.repAvailable(target.id) ? { kind: "rep", id: target.id } : null;
      case "field":
        return fieldNamesAvailable(target.field) ? { kind: "field", id: target.field } : null;
      case "team": {
        const team = this.teams.get(target.id);
        if (team === undefined) return null;
        if (team.members.some((m) => this.memberAvailable(m))) return { kind: "team", id: team.id, roster: this.fingerprint(team) };
        if (team.overflow === undefined || depth >= MAX_OVERFLOW) return null;
        return this.resolve(team.overflow, fieldNamesAvailable, depth + 1);
      }
    }
  }

  private memberAvailable(m: Team["members"][number]): boolean {
    return inWindow(m.window, this.asOf) && this.repAvailable(m.rep);
  }

  /** Strategy, members in order with weights and availability, capacities and overflow when they matter. */
  private fingerprint(team: Team): string {
    let f = this.fingerprints.get(team.id);
    if (f === undefined) {
      const loaded = team.strategy.kind === "least_loaded";
      const members = team.members.map((m) => [m.rep, m.weight, this.memberAvailable(m), loaded ? (this.reps.get(m.rep)?.capacity ?? null) : null]);
      f = JSON.stringify([team.strategy, members, loaded ? (team.overflow ?? null) : null]);
      this.fingerprints.set(team.id, f);
    }
    return f;
  }
}

/** The runtime's window test (dates.ts): both ends inclusive, an absent end open. */
export function inWindow(w: { from?: string; until?: string } | undefined, asOf: string): boolean {
  return w === undefined || ((w.from === undefined || w.from <= asOf) && (w.until === undefined || asOf <= w.until));
}

/** "rep alice", "team west_ae", "queue triage", "the record's account.owner". */
export function ownerText(o: StaticOwner | undefined): string {
  if (o === undefined) return "no owner";
  return o.kind === "field" ? `the record's ${o.id}` : `${o.kind} ${o.id}`;
}

/** "rep alice", "team west_ae", "field account.owner": a target as written in the rules. */
export function targetText(t: Target | undefined): string | undefined {
  if (t === undefined) return undefined;
  return t.kind === "field" ? `field ${t.field}` : `${t.kind} ${t.id}`;
}
