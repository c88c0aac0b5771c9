// Step 4 of SPEC 2.6: a target (rep, team, queue, or a rep field of the record) to an available
// assignee. Availability depends only on the date, so it is computed once per `asOf` and cached.
import type { Rep, Target, Team } from "./artifact-types.js";
import { inWindow, windowText } from "./dates.js";
import type { Owner } from "./decision.js";
import { md5Word } from "./md5-word.js";
import type { Model } from "./model.js";
import type { NormRecord } from "./normalize-record.js";
import type { LoadSource, StateStore } from "./state.js";
import { hashKey, type LoadView, leastLoaded, rendezvous, rotation, type Scored } from "./strategies.js";
import type { Tracer } from "./trace.js";

/** An assignee and how it was reached ("territory <id>", "otherwise", "override <name>"). */
export interface Resolved {
  owner: Owner;
  via: string;
}

export interface ResolveOptions {
  state: StateStore;
  load: LoadSource;
  countAssignments: boolean;
}

/** Overflow chains longer than this are a loop (team a overflows to b, b to a). */
const MAX_OVERFLOW = 16;

export class Resolver {
  private asOf = "";
  private repAvailable: Int8Array;
  private teamMembers: (number[] | undefined)[] = [];
  private teamRotation: (number[] | undefined)[] = [];
  private chains: (Resolved | null | undefined)[] = [];
  /** false once a resolution read the record or a counter (a team or a rep field): see chainMemo */
  recordFree = true;

  constructor(
    private readonly model: Model,
    private readonly opts: ResolveOptions,
  ) {
    this.repAvailable = new Int8Array(model.artifact.roster.reps.length);
  }

  private setDate(asOf: string): void {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    this.repAvailable.fill(0); // 0 unknown, 1 available, 2 not
    this.teamMembers = [];
    this.teamRotation = [];
    this.chains = [];
  }

  /**
   * A memo for the current date of whole resolutions whose answer depends on the date alone (no
   * team, no rep field: set `recordFree` before resolving and keep the answer only if it stays
   * true). evaluate.ts keys it by the deepest territory, which fixes the chain of targets.
   */
  chainMemo(asOf: string): (Resolved | null | undefined)[] {
    this.setDate(asOf);
    return this.chains;
  }

  /** The assignee, or null when no one is available (each skip reported to `tr`). */
  resolve(target: Target, rec: NormRecord, asOf: string, sideEffects: boolean, tr: Tracer | null): Owner | null {
    this.setDate(asOf);
    return this.resolveIn(target, rec, sideEffects, tr, 0);
  }

  private resolveIn(target: Target, rec: NormRecord, sideEffects: boolean, tr: Tracer | null, depth: number): Owner | null {
    const m = this.model;
    switch (target.kind) {
      case "queue":
        return m.queueOwners[m.queueIndex.get(target.id)!];
      case "rep":
        return this.rep(m.repIndex.get(target.id)!, tr);
      case "field": {
        this.recordFree = false;
        const id = rec.values[m.fieldByName.get(target.field)!];
        if (id === undefined) {
          tr?.skip(target, "no-value", `the record's \`${target.field}\` has no value`);
          return null;
        }
        return this.rep(m.repIndex.get(id as string)!, tr);
      }
      case "team": {
        this.recordFree = false;
        const ti = m.teamIndex.get(target.id)!;
        const owner = this.team(ti, rec, sideEffects, tr);
        if (owner) return owner;
        const overflow = m.artifact.roster.teams[ti].overflow;
        if (!overflow) return null;
        if (depth >= MAX_OVERFLOW) {
          tr?.skip(overflow, "overflow-loop", `the overflow chain from \`${target.id}\` loops; stopped`);
          return null;
        }
        tr?.overflow(target.id, overflow);
        return this.resolveIn(overflow, rec, sideEffects, tr, depth + 1);
      }
    }
  }

  private rep(i: number, tr: Tracer | null): Owner | null {
    if (this.isRepAvailable(i)) return this.model.repOwners[i];
    if (tr) {
      const r = this.model.artifact.roster.reps[i];
      tr.skip({ kind: "rep", id: r.id }, "unavailable", whyUnavailable(r, this.asOf));
    }
    return null;
  }

  private isRepAvailable(i: number): boolean {
    let a = this.repAvailable[i];
    if (a === 0) {
      const r = this.model.artifact.roster.reps[i];
      a = inWindow(r.window, this.asOf) && !r.away.some((w) => inWindow(w, this.asOf)) ? 1 : 2;
      this.repAvailable[i] = a;
    }
    return a === 1;
  }

  /** Indexes of the members available on the current date, in declaration order. */
  private members(ti: number): number[] {
    let list = this.teamMembers[ti];
    if (list === undefined) {
      const team = this.model.artifact.roster.teams[ti];
      list = [];
      team.members.forEach((mem, k) => {
        if (inWindow(mem.window, this.asOf) && this.isRepAvailable(this.model.repIndex.get(mem.rep)!)) list!.push(k);
      });
      this.teamMembers[ti] = list;
    }
    return list;
  }

  private team(ti: number, rec: NormRecord, sideEffects: boolean, tr: Tracer | null): Owner | null {
    const team = this.model.artifact.roster.teams[ti];
    const available = this.members(ti);
    if (tr) this.traceUnavailableMembers(team, available, tr);
    if (available.length === 0) {
      tr?.skip({ kind: "team", id: team.id }, "no-available-member", `no member of \`${team.id}\` is available on ${this.asOf}`);
      return null;
    }
    let pick: number;
    const s = team.strategy;
    if (s.kind === "hash") {
      const key = hashKey(rec.values[this.model.fieldByName.get(s.field)!]);
      const scores: Scored[] | undefined = tr ? [] : undefined;
      pick = rendezvous(md5Word(key), team.members, available, scores);
      tr?.pick(team, pick, { key, scores });
    } else if (s.kind === "round_robin") {
      let seq = this.teamRotation[ti];
      if (seq === undefined) this.teamRotation[ti] = seq = rotation(team.members, available);
      const turn = sideEffects ? this.opts.state.next(team.id) : this.opts.state.peek(team.id);
      pick = seq[safeMod(turn, seq.length)];
      tr?.pick(team, pick, { turn });
    } else {
      const reps = this.model.artifact.roster.reps;
      const views: LoadView[] = available.map((k) => {
        const rep = reps[this.model.repIndex.get(team.members[k].rep)!];
        const load = Number(this.opts.load.load(rep.id));
        return { member: k, load: Number.isFinite(load) ? load : 0, ...(rep.capacity !== undefined ? { capacity: rep.capacity } : {}) };
      });
      pick = leastLoaded(team.members, views);
      if (pick < 0) {
        tr?.skip({ kind: "team", id: team.id }, "at-capacity", `every available member of \`${team.id}\` is at capacity`);
        return null;
      }
      tr?.pick(team, pick, { loads: views });
      if (sideEffects && this.opts.countAssignments) this.opts.load.add?.(team.members[pick].rep, 1);
    }
    return this.model.memberOwners[ti][pick];
  }

  private traceUnavailableMembers(team: Team, available: readonly number[], tr: Tracer): void {
    team.members.forEach((mem, k) => {
      if (available.includes(k)) return;
      const rep = this.model.artifact.roster.reps[this.model.repIndex.get(mem.rep)!];
      const why = inWindow(mem.window, this.asOf)
        ? whyUnavailable(rep, this.asOf)
        : `\`${mem.rep}\` is not a member of \`${team.id}\` on ${this.asOf} (${windowText(mem.window)})`;
      tr.skip({ kind: "rep", id: mem.rep }, "unavailable", why);
    });
  }
}

function safeMod(n: number, m: number): number {
  const k = Number.isFinite(n) ? Math.trunc(n) % m : 0;
  return k < 0 ? k + m : k;
}

function whyUnavailable(r: Rep, asOf: string): string {
  const away = r.away.find((w) => inWindow(w, asOf));
  if (away) return `\`${r.id}\` is away ${away.from}..${away.until} (on ${asOf})`;
  return `\`${r.id}\` is not in effect on ${asOf} (${windowText(r.window)})`;
}
