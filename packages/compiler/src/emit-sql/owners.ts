// Step 4 of SPEC 2.6 as SQL: a target to an owner code (NULL: no one available). Owners and the
// sources of a decision ("via") are numbered; a decision is one integer, owner + via × owners, so
// "the first target that resolves" is a COALESCE and the final SELECT decodes it.
// Availability depends only on the date: constant under a fixed `--as-of`, a test otherwise.
import type { Artifact, Target, Team, Window } from "@carve/runtime";
import { type Bool, type Code, and, coalesce, not, or, plus, when } from "./expr.js";

/** An owner as the output columns spell it; `team` kind: a team with a stateful strategy (SPEC 3). */
export interface OwnerRow {
  kind: "rep" | "queue" | "team";
  id: string;
  /** the team a rep was picked from (hash teams) */
  team?: string;
}

/** The decision date: a constant folded into the query, or a column every row carries. */
export type AsOf = { fixed: string } | { column: string };

/** Overflow chains longer than this are a loop; the runtime stops at the same depth (resolve-target.ts). */
const MAX_OVERFLOW = 16;

export function isStateful(team: Team): boolean {
  return team.strategy.kind !== "hash";
}

export class Owners {
  readonly rows: OwnerRow[] = [];
  readonly vias: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly viaIndex = new Map<string, number>();
  /** per hash team id: the column holding its pick (see team-hash.ts), never NULL when no member can be away */
  readonly pickColumns = new Map<string, { sql: string; notNull: boolean }>();
  /** per rep field used as a target: the column holding the field's resolution */
  readonly fieldTargets = new Map<string, string>();

  constructor(
    readonly artifact: Artifact,
    readonly asOf: AsOf,
    private readonly dateLiteral: (d: string) => string,
  ) {
    const r = artifact.roster;
    for (const rep of r.reps) this.add({ kind: "rep", id: rep.id });
    for (const q of r.queues) this.add({ kind: "queue", id: q.id });
    for (const t of r.teams) {
      if (isStateful(t)) this.add({ kind: "team", id: t.id });
      else for (const m of t.members) this.add({ kind: "rep", id: m.rep, team: t.id });
    }
  }

  private add(o: OwnerRow): void {
    this.index.set(key(o), this.rows.length);
    this.rows.push(o);
  }

  code(o: OwnerRow): number {
    return this.index.get(key(o))!;
  }

  /** The number of a via ("territory na.west", "override keep_owner", "otherwise"), added on first use. */
  via(text: string): number {
    let v = this.viaIndex.get(text);
    if (v === undefined) {
      v = this.vias.length;
      this.viaIndex.set(text, v);
      this.vias.push(text);
    }
    return v;
  }

  /** owner code and via as one integer */
  pack(owner: Code, via: string): Code {
    return plus(owner, this.via(via) * this.base);
  }

  /** what a via is multiplied by: one more than the highest owner code */
  get base(): number {
    return Math.max(this.rows.length, 1);
  }

  inWindow(w: Window | undefined): Bool {
    if (w === undefined) return true;
    if ("fixed" in this.asOf) {
      const d = this.asOf.fixed;
      return (w.from === undefined || w.from <= d) && (w.until === undefined || d <= w.until);
    }
    const c = this.asOf.column;
    return and([
      w.from === undefined ? true : `${c} >= ${this.dateLiteral(w.from)}`,
      w.until === undefined ? true : `${c} <= ${this.dateLiteral(w.until)}`,
    ]);
  }

  repAvailable(repId: string): Bool {
    const rep = this.artifact.roster.reps.find((r) => r.id === repId);
    if (!rep) throw new Error(`the artifact names a rep its roster does not declare: ${repId}`);
    return and([this.inWindow(rep.window), ...rep.away.map((w) => not(this.inWindow(w)))]);
  }

  memberAvailable(team: Team, k: number): Bool {
    const m = team.members[k];
    return and([this.inWindow(m.window), this.repAvailable(m.rep)]);
  }

  team(id: string): Team {
    const t = this.artifact.roster.teams.find((x) => x.id === id);
    if (!t) throw new Error(`the artifact names a team its roster does not declare: ${id}`);
    return t;
  }

  /** The owner code of a target, NULL when no one is available (with the team's overflow chain). */
  resolve(target: Target, depth = 0): Code {
    switch (target.kind) {
      case "queue":
        return this.code({ kind: "queue", id: target.id });
      case "rep":
        return when(this.repAvailable(target.id), this.code({ kind: "rep", id: target.id }));
      case "field": {
        const column = this.fieldTargets.get(target.field);
        if (column === undefined) throw new Error(`internal: the rep field ${target.field} has no resolution column`);
        return { sql: column };
      }
      case "team": {
        const team = this.team(target.id);
        const own: Code = isStateful(team)
          ? when(or(team.members.map((_, k) => this.memberAvailable(team, k))), this.code({ kind: "team", id: team.id }))
          : this.pick(team);
        if (!team.overflow || depth >= MAX_OVERFLOW) return own;
        return coalesce([own, this.resolve(team.overflow, depth + 1)]);
      }
    }
  }

  /** A hash team's pick: its column, or a constant when at most one member can be available. */
  private pick(team: Team): Code {
    const avail = team.members.map((_, k) => this.memberAvailable(team, k));
    const live = avail.flatMap((a, k) => (a === false ? [] : [k]));
    if (live.length === 0) return null;
    if (live.length === 1) return when(avail[live[0]], this.code({ kind: "rep", id: team.members[live[0]].rep, team: team.id }));
    const column = this.pickColumns.get(team.id);
    if (column === undefined) throw new Error(`internal: the hash team ${team.id} has no pick column`);
    return column;
  }

  /** The rep-field resolution the column `fieldTargets.get(field)` holds: the rep named, when available. */
  fieldResolution(valueColumn: string, str: (s: string) => string): Code {
    const arms: string[] = [];
    for (const rep of this.artifact.roster.reps) {
      const code = when(this.repAvailable(rep.id), this.code({ kind: "rep", id: rep.id }));
      if (code === null) continue;
      arms.push(`WHEN ${str(rep.id)} THEN ${typeof code === "number" ? code : code.sql}`);
    }
    return arms.length === 0 ? null : { sql: `CASE ${valueColumn} ${arms.join(" ")} END` };
  }
}

function key(o: OwnerRow): string {
  return `${o.kind}\u0000${o.id}\u0000${o.team ?? ""}`;
}
