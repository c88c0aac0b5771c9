// One version's decision procedure (SPEC 2.6 steps 1–5, as the runtime's evaluate.ts runs it)
// over a box of records instead of one record: every test on the record is a question to the
// explorer, which answers it for the whole box or splits the box (explore.ts). Windows and
// availability are fixed by the date, so the procedure asks only about the record.
import type { Artifact, Box as IrBox, Target } from "@carve/runtime";
import { boxOf, type CBox } from "../analysis/boxes.js";
import type { Space } from "../analysis/domains.js";
import type { Side } from "./joint-space.js";
import { inWindow, RosterAt } from "./owners.js";
import type { Outcome, OutcomeOverlay, StaticOwner } from "./types.js";

export interface Question {
  /**
   * Do the box's records satisfy `cond`? Answers for the whole box, or splits it (never returns
   * then). `id` names the question (see SideModel) so that parts remember their answers.
   */
  holds(id: number, cond: readonly CBox[]): boolean;
}

/**
 * Question ids: per version, from `first`: validity, then each territory, each override, each
 * rep field target ("names someone available").
 */
export interface SideModel {
  side: Side;
  first: number;
  /** one past this version's last question id */
  end: number;
  fieldQuestion: Map<string, number>;
  artifact: Artifact;
  asOf: string;
  roster: RosterAt;
  valid: readonly CBox[];
  territories: CBox[][];
  overrides: CBox[][];
  /** per rep field used as a target: the records whose value names a rep available on the date */
  namesAvailable: Map<string, CBox[]>;
}

export function sideModel(space: Space, side: Side, artifact: Artifact, valid: CBox, asOf: string, first: number): SideModel {
  const condition = (when: readonly IrBox[]) => when.map((b) => boxOf(space, b)).filter((b): b is CBox => b !== null);
  const roster = new RosterAt(artifact, asOf);
  const available = roster.availableReps();
  const namesAvailable = new Map<string, CBox[]>();
  const fieldTargets = [
    ...artifact.territories.map((t) => t.assign), ...artifact.groups.map((g) => g.otherwise), ...artifact.overrides.map((o) => o.target),
    ...artifact.roster.teams.map((t) => t.overflow),
  ];
  for (const t of fieldTargets) {
    if (t?.kind !== "field" || namesAvailable.has(t.field)) continue;
    namesAvailable.set(t.field, condition([{ atoms: [{ atom: { field: t.field, op: "in", values: available }, condition: -1 }] }]));
  }
  const fields = [...namesAvailable.keys()];
  const fieldBase = first + 1 + artifact.territories.length + artifact.overrides.length;
  return {
    side, artifact, asOf, roster, valid: [valid], namesAvailable, first, end: fieldBase + fields.length,
    fieldQuestion: new Map(fields.map((f, i) => [f, fieldBase + i])),
    territories: artifact.territories.map((t) => condition(t.when)),
    overrides: artifact.overrides.map((o) => condition(o.when)),
  };
}

export function decide(m: SideModel, q: Question): Outcome {
  const a = m.artifact;
  if (!q.holds(m.first, m.valid)) return { status: "invalid", overlays: [] };
  const path: number[] = [];
  const stop = descend(m, q, 0, path);
  let owner: StaticOwner | null = null;
  let via: string | undefined;
  for (let k = 0; k < a.overrides.length && owner === null; k++) {
    const o = a.overrides[k];
    if (!inWindow(o.window, m.asOf) || !q.holds(m.first + 1 + a.territories.length + k, m.overrides[k])) continue;
    owner = resolve(m, q, o.target);
    if (owner !== null) via = `override ${o.name}`;
  }
  if (owner === null && hasTarget(a, path, stop)) {
    const r = resolveChain(m, q, path, stop, true);
    if (r !== null) ({ owner, via } = r);
  }
  const out: Outcome = { status: owner !== null ? "assigned" : "unassigned", overlays: a.overlays === undefined ? [] : overlays(m, q, a.overlays) };
  if (path.length > 0) out.territory = a.territories[path[path.length - 1]].id;
  if (owner !== null) out.owner = owner;
  if (via !== undefined) out.via = via;
  return out;
}

/** Appends the first active match of each group down the tree; returns the group where descent stopped, or -1. */
function descend(m: SideModel, q: Question, g: number, path: number[]): number {
  const { territories, groups } = m.artifact;
  for (;;) {
    let found = -1;
    for (const t of groups[g].territories) {
      if (inWindow(territories[t].window, m.asOf) && q.holds(m.first + 1 + t, m.territories[t])) {
        found = t;
        break;
      }
    }
    if (found < 0) return g;
    path.push(found);
    const children = territories[found].children;
    if (children === undefined) return -1;
    g = children;
  }
}

function hasTarget(a: Artifact, path: readonly number[], stop: number): boolean {
  if (stop >= 0 && a.groups[stop].otherwise !== undefined) return true;
  return path.some((t) => a.territories[t].assign !== undefined);
}

/** The stop group's otherwise, the assigns up the path (deepest first), then (top) the top-level otherwise. */
function resolveChain(m: SideModel, q: Question, path: readonly number[], stop: number, top: boolean): { owner: StaticOwner; via: string } | null {
  const a = m.artifact;
  const otherwise = stop >= 0 ? a.groups[stop].otherwise : undefined;
  if (otherwise !== undefined) {
    const owner = resolve(m, q, otherwise);
    if (owner !== null) return { owner, via: "otherwise" };
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const t = a.territories[path[i]];
    if (t.assign === undefined) continue;
    const owner = resolve(m, q, t.assign);
    if (owner !== null) return { owner, via: `territory ${t.id}` };
  }
  const topOtherwise = a.groups[0].otherwise;
  if (top && topOtherwise !== undefined && stop !== 0) {
    const owner = resolve(m, q, topOtherwise);
    if (owner !== null) return { owner, via: "otherwise" };
  }
  return null;
}

function resolve(m: SideModel, q: Question, target: Target): StaticOwner | null {
  return m.roster.resolve(target, (field) => q.holds(m.fieldQuestion.get(field)!, m.namesAvailable.get(field)!));
}

/** Step 5: every active overlay territory that holds, with its deepest match and owner. */
function overlays(m: SideModel, q: Question, g: number): OutcomeOverlay[] {
  const a = m.artifact;
  const out: OutcomeOverlay[] = [];
  for (const t of a.groups[g].territories) {
    if (!inWindow(a.territories[t].window, m.asOf) || !q.holds(m.first + 1 + t, m.territories[t])) continue;
    const path = [t];
    const children = a.territories[t].children;
    const stop = children === undefined ? -1 : descend(m, q, children, path);
    const r = hasTarget(a, path, stop) ? resolveChain(m, q, path, stop, false) : null;
    const overlay: OutcomeOverlay = { territory: a.territories[path[path.length - 1]].id };
    if (r !== null) overlay.owner = r.owner;
    out.push(overlay);
  }
  return out;
}
