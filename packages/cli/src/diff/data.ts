// `carve diff --records FILE`: both versions decide every record of the file (dry runs, one
// date), and the differences are counted — the from→to matrix per territory and per owner, the
// records that move, the share unchanged. Every row is accounted for: rows = moved + unchanged +
// rejected, where *rejected* means unreadable, or invalid in both versions (a record valid in one
// version only moves, to or from "(invalid)").
import type { Decision, Runtime } from "@carve/runtime";
import type { InputRow } from "../records-read.js";
import { rawKey } from "../records-read.js";

/** Where a record stands in one version: territory and owner labels, as the reports show them. */
export interface Placement {
  status: Decision["status"];
  territory: string;
  owner: string;
}

export interface Move {
  row: number;
  key?: string;
  from: Placement;
  to: Placement;
}

export type Matrix = Map<string, Map<string, number>>;

export class DataDiff {
  rows = 0;
  moved = 0;
  unchanged = 0;
  rejected = 0;
  /** old → new → records, over records valid in some version */
  readonly territories: Matrix = new Map();
  readonly owners: Matrix = new Map();
  readonly samples: Move[] = [];

  constructor(readonly limit: number) {}

  /** Counts one row; returns its move, if it moves. `from`/`to` absent: the row could not be read. */
  add(row: number, key: string | undefined, from: Placement | undefined, to: Placement | undefined): Move | undefined {
    this.rows++;
    if (from === undefined || to === undefined || (from.status === "invalid" && to.status === "invalid")) {
      this.rejected++;
      return undefined;
    }
    bump(this.territories, from.territory, to.territory);
    bump(this.owners, from.owner, to.owner);
    if (from.status === to.status && from.territory === to.territory && from.owner === to.owner) {
      this.unchanged++;
      return undefined;
    }
    this.moved++;
    const move: Move = key === undefined ? { row, from, to } : { row, key, from, to };
    if (this.samples.length < this.limit) this.samples.push(move);
    return move;
  }

  /** Of the records valid in some version, the share whose territory and owner stay. */
  unchangedShare(): number {
    const valid = this.moved + this.unchanged;
    return valid === 0 ? 1 : this.unchanged / valid;
  }
}

function bump(m: Matrix, from: string, to: string): void {
  let row = m.get(from);
  if (row === undefined) m.set(from, (row = new Map()));
  row.set(to, (row.get(to) ?? 0) + 1);
}

/**
 * The owner as the data diff compares it: the rep or queue, except a rep picked by a stateful
 * team (round_robin, least_loaded), which is the team — its member depends on the state of the
 * run, not on the rules (as SPEC 3 has the SQL backend report it).
 */
export function placementOf(d: Decision, statefulTeams: ReadonlySet<string>): Placement {
  if (d.status === "invalid") return { status: d.status, territory: "(invalid)", owner: "(invalid)" };
  const o = d.owner;
  const owner = o === undefined ? "(no owner)" : o.team !== undefined && statefulTeams.has(o.team) ? `team ${o.team}` : `${o.kind} ${o.id}`;
  return { status: d.status, territory: d.territory?.id ?? "(no territory)", owner };
}

export function statefulTeams(runtime: Runtime): Set<string> {
  return new Set(runtime.artifact.roster.teams.filter((t) => t.strategy.kind !== "hash").map((t) => t.id));
}

export interface Replay {
  old: Runtime;
  neu: Runtime;
  asOf: string;
  keyField?: string;
}

/** Decides one input row in both versions and counts it. */
export function replayRow(r: Replay, diff: DataDiff, row: InputRow, stateful: [Set<string>, Set<string>]): Move | undefined {
  const key = r.keyField === undefined ? undefined : (row.key ?? rawKey(row.record, r.keyField));
  if (row.problem !== undefined) return diff.add(row.row, key, undefined, undefined);
  const options = { asOf: r.asOf, sideEffects: false };
  const from = placementOf(r.old.evaluate(row.record, options), stateful[0]);
  const to = placementOf(r.neu.evaluate(row.record, options), stateful[1]);
  return diff.add(row.row, key, from, to);
}
