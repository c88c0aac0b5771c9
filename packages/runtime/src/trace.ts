// Explanations: with `explain: true` the decision lists every step in order — each override and
// territory tried (with the conditions that failed and the record's values), every assignee
// skipped and why, how a team picked its member, each walk up the path. Built only on request,
// from the reference semantics (atoms.ts), so the fast path pays nothing for it.
import type { Strategy, Target, Team, Window } from "./artifact-types.js";
import { type CAtom, type CBox, describeAtom, testAtom } from "./atoms.js";
import type { Owner } from "./decision.js";
import { windowText } from "./dates.js";
import type { Model } from "./model.js";
import { type NormRecord, shownValue } from "./normalize-record.js";
import type { LoadView, Scored } from "./strategies.js";

export interface FailedCondition {
  /** index into Artifact.conditions */
  condition: number;
  /** the test as written in the source, e.g. "employees >= 1000" */
  text: string;
  file: string;
  line: number;
  /** the test as evaluated (a `not` in the source shows here as `!=`, `not in`…) */
  test: string;
  field: string;
  /** the record's normalised value; absent when the record has none */
  value?: unknown;
  /** the record's value as given, when it differs (text, numbers and booleans only; long text cut) */
  raw?: unknown;
}

export interface FailedBox {
  /** which alternative of the `when` (its disjunctive normal form) */
  box: number;
  failed: FailedCondition[];
}

export type TriedResult = "matched" | "no-match" | "not-in-effect";
export type SkipReason = "unavailable" | "no-value" | "no-available-member" | "at-capacity" | "overflow-loop";

export type TraceEntry = { message: string } & (
  | { step: "territory"; territory: string; policy: "first" | "unique" | "overlays"; result: TriedResult; window?: Window; failed?: FailedBox[] }
  | { step: "ambiguous"; matched: string[]; chosen: string }
  | { step: "override"; override: string; result: TriedResult; window?: Window; failed?: FailedBox[] }
  | { step: "target"; source: "territory" | "otherwise"; territory?: string; target: string }
  | { step: "walk-up"; source: "territory" | "otherwise"; territory?: string; target: string }
  | { step: "skip"; target: string; reason: SkipReason }
  | { step: "overflow"; team: string; target: string }
  | {
      step: "pick"; team: string; strategy: Strategy["kind"]; chosen: string;
      /** hash: the key hashed; round_robin: the turn; least_loaded: loads */
      key?: string; turn?: number;
      candidates?: { rep: string; score?: number; load?: number; capacity?: number }[];
    }
  | { step: "assigned"; owner: Owner; via: string }
  | { step: "unassigned" }
  | { step: "invalid"; fields: string[] }
  | { step: "overlay"; territory: string; owner?: Owner }
);

/** Condition outcome bits for coverage: an atom of the condition was seen true / false. */
export const SEEN_TRUE = 1;
export const SEEN_FALSE = 2;

export function targetText(t: Target): string {
  return t.kind === "field" ? `the rep in \`${t.field}\`` : `${t.kind} \`${t.id}\``;
}

export class Tracer {
  readonly entries: TraceEntry[] | null;
  /** per condition: SEEN_TRUE | SEEN_FALSE bits, when collecting coverage */
  readonly outcomes: Uint8Array | null;

  constructor(
    private readonly model: Model,
    private readonly rec: NormRecord,
    private readonly asOf: string,
    mode: { explain: boolean; coverage: boolean },
  ) {
    this.entries = mode.explain ? [] : null;
    this.outcomes = mode.coverage ? new Uint8Array(model.artifact.conditions.length) : null;
  }

  private push(e: TraceEntry): void {
    this.entries?.push(e);
  }

  /** A territory or override was considered: its result, and the failed conditions if any. */
  tried(kind: "territory", index: number, when: readonly CBox[], window: Window | undefined, holds: boolean, active: boolean, policy: "first" | "unique" | "overlays"): void;
  tried(kind: "override", index: number, when: readonly CBox[], window: Window | undefined, holds: boolean, active: boolean): void;
  tried(kind: "territory" | "override", index: number, when: readonly CBox[], window: Window | undefined, holds: boolean, active: boolean, policy?: "first" | "unique" | "overlays"): void {
    if (this.outcomes) this.observe(when);
    if (!this.entries) return;
    const a = this.model.artifact;
    const name = kind === "territory" ? a.territories[index].id : a.overrides[index].name;
    const result: TriedResult = !holds ? "no-match" : active ? "matched" : "not-in-effect";
    const failed = holds ? undefined : this.failedBoxes(when);
    const message =
      result === "matched"
        ? `${kind} \`${name}\` matched`
        : result === "not-in-effect"
          ? `${kind} \`${name}\` matches but is not in effect on ${this.asOf} (${windowText(window)})`
          : `${kind} \`${name}\` did not match: ${failedText(failed!, when.length)}`;
    const extra = { result, ...(window ? { window } : {}), ...(failed ? { failed } : {}), message };
    if (kind === "territory") this.push({ step: "territory", territory: name, policy: policy!, ...extra });
    else this.push({ step: "override", override: name, ...extra });
  }

  ambiguous(matched: number[], chosen: number): void {
    const ids = matched.map((t) => this.model.artifact.territories[t].id);
    const c = this.model.artifact.territories[chosen].id;
    this.push({
      step: "ambiguous", matched: ids, chosen: c,
      message: `in a \`unique\` group ${ids.map((i) => `\`${i}\``).join(", ")} all match (the checker reports this overlap); taking the first, \`${c}\``,
    });
  }

  target(source: "territory" | "otherwise", territory: number | undefined, t: Target, walkUp: boolean): void {
    if (!this.entries) return;
    const tid = territory === undefined ? undefined : this.model.artifact.territories[territory].id;
    const from = source === "otherwise" ? (tid === undefined ? "the top-level `otherwise`" : `the \`otherwise\` under \`${tid}\``) : `territory \`${tid}\``;
    const text = targetText(t);
    const base = { source, ...(tid !== undefined ? { territory: tid } : {}), target: text };
    if (walkUp) this.push({ step: "walk-up", ...base, message: `nobody available yet: up the path to ${from}, which assigns ${text}` });
    else this.push({ step: "target", ...base, message: `the target is ${text}, from ${from}` });
  }

  skip(t: Target, reason: SkipReason, message: string): void {
    this.push({ step: "skip", target: targetText(t), reason, message: `skipped: ${message}` });
  }

  overflow(team: string, t: Target): void {
    this.push({ step: "overflow", team, target: targetText(t), message: `team \`${team}\` has no one available: its overflow is ${targetText(t)}` });
  }

  pick(team: Team, member: number, info: { key?: string; scores?: Scored[]; turn?: number; loads?: LoadView[] }): void {
    if (!this.entries) return;
    const rep = team.members[member].rep;
    const s = team.strategy.kind;
    let message: string;
    let candidates: { rep: string; score?: number; load?: number; capacity?: number }[] | undefined;
    if (info.scores) {
      candidates = info.scores.map((c) => ({ rep: team.members[c.member].rep, score: c.score }));
      message = `team \`${team.id}\` hashes ${JSON.stringify(info.key)}: \`${rep}\` has the highest score (${candidates.map((c) => `${c.rep} ${c.score}`).join(", ")})`;
    } else if (info.loads) {
      candidates = info.loads.map((v) => ({ rep: team.members[v.member].rep, load: v.load, ...(v.capacity !== undefined ? { capacity: v.capacity } : {}) }));
      message = `team \`${team.id}\` picks the least loaded: \`${rep}\` (${candidates.map((c) => `${c.rep} ${c.load}${c.capacity !== undefined ? `/${c.capacity}` : ""}`).join(", ")})`;
    } else message = `team \`${team.id}\` rotates: turn ${info.turn} goes to \`${rep}\``;
    this.push({
      step: "pick", team: team.id, strategy: s, chosen: rep,
      ...(info.key !== undefined ? { key: info.key } : {}),
      ...(info.turn !== undefined ? { turn: info.turn } : {}),
      ...(candidates ? { candidates } : {}),
      message,
    });
  }

  assigned(owner: Owner, via: string): void {
    const who = owner.team ? `\`${owner.id}\` (team \`${owner.team}\`)` : `${owner.kind} \`${owner.id}\``;
    this.push({ step: "assigned", owner, via, message: `assigned to ${who} via ${via}` });
  }

  unassigned(why: string): void {
    this.push({ step: "unassigned", message: `unassigned: ${why}` });
  }

  overlay(territory: number, owner: Owner | undefined): void {
    const id = this.model.artifact.territories[territory].id;
    this.push({
      step: "overlay", territory: id, ...(owner ? { owner } : {}),
      message: owner ? `overlay \`${id}\` adds ${owner.kind} \`${owner.id}\`` : `overlay \`${id}\` applies but no one is available for it`,
    });
  }

  /** Every box's failing conditions, with the record's values. */
  failedBoxes(when: readonly CBox[]): FailedBox[] {
    return when.map((box, b) => ({ box: b, failed: this.failedConditions(box) }));
  }

  private failedConditions(box: CBox): FailedCondition[] {
    const out: FailedCondition[] = [];
    for (const atom of box) {
      if (testAtom(atom, this.rec)) continue;
      out.push(this.describe(atom));
    }
    return out;
  }

  private describe(atom: CAtom): FailedCondition {
    const c = this.model.artifact.conditions[atom.condition];
    const f: FailedCondition = {
      condition: atom.condition, text: c.text, file: c.file, line: c.line,
      test: describeAtom(atom.atom), field: atom.atom.field,
    };
    const v = this.rec.values[atom.slot];
    if (v !== undefined) f.value = v;
    const raw = shownValue(this.rec.raw[atom.slot]);
    if (raw !== undefined && raw !== v) f.raw = raw;
    return f;
  }

  private observe(when: readonly CBox[]): void {
    const o = this.outcomes!;
    for (const box of when) for (const atom of box) o[atom.condition] |= testAtom(atom, this.rec) ? SEEN_TRUE : SEEN_FALSE;
  }
}

/** "`employees >= 1000` is false (line 7): employees = 40", per alternative of the `when`. */
export function failedText(failed: readonly FailedBox[], boxes: number): string {
  if (boxes === 0) return "its `when` can never hold";
  const one = (b: FailedBox) =>
    b.failed.map((f) => {
      const where = f.text === f.test ? `line ${f.line}` : `from \`${f.text}\`, line ${f.line}`;
      const value = f.value === undefined ? "has no value" : `= ${JSON.stringify(f.value)}`;
      const raw = f.raw !== undefined ? `, given ${JSON.stringify(f.raw)}` : "";
      return `\`${f.test}\` is false (${where}): ${f.field} ${value}${raw}`;
    }).join("; ");
  return failed.length === 1 ? one(failed[0]) : failed.map((b, i) => `alternative ${i + 1}: ${one(b)}`).join(" | ");
}
