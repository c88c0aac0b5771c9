// Steps 2–5 of SPEC 2.6 on a normalised record: territory descent, overrides, resolution with the
// walk up the path, overlays. One implementation for the fast path and for explanations: only the
// matchers (indexed or reference) and the tracer (absent or present) differ.
import type { Artifact, Target } from "./artifact-types.js";
import { testBoxes } from "./atoms.js";
import type { Bits } from "./bitset.js";
import { NO_OVERLAYS, type OverlayAssignment, type Owner } from "./decision.js";
import { inWindow } from "./dates.js";
import type { NormRecord } from "./normalize-record.js";
import type { Resolved, Resolver } from "./resolve-target.js";
import { type Matcher, nextItem, type TableItem } from "./table.js";
import type { Tracer } from "./trace.js";

export interface Engine {
  artifact: Artifact;
  /** per table: groups first (table g = group g), then the overrides (table = groups.length) */
  items: readonly (readonly TableItem[])[];
  resolver: Resolver;
  /** "territory <id>" per territory and "override <name>" per override, built once */
  viaTerritory: readonly string[];
  viaOverride: readonly string[];
  /** per territory: its nested group, or -1 (flat arrays: the artifact's objects vary in shape) */
  childGroup: Int32Array;
  /** per group: its territories in order */
  groupTerritories: readonly Int32Array[];
  /** per territory: 1 when it has an `assign` */
  hasAssign: Uint8Array;
}

/** The flat views of the artifact's tree that descent reads per record. */
export function treeViews(a: Artifact): Pick<Engine, "childGroup" | "groupTerritories" | "hasAssign"> {
  return {
    childGroup: Int32Array.from(a.territories, (t) => t.children ?? -1),
    groupTerritories: a.groups.map((g) => Int32Array.from(g.territories)),
    hasAssign: Uint8Array.from(a.territories, (t) => (t.assign ? 1 : 0)),
  };
}

export interface Step {
  engine: Engine;
  rec: NormRecord;
  asOf: string;
  matchers: readonly Matcher[];
  /** one row bitset per table, owned by this evaluation */
  masks: Bits[];
  sideEffects: boolean;
  tr: Tracer | null;
  /** scratch for the territories matched on the way down (decide clears it) */
  path: number[];
}

export interface Outcome {
  /** the deepest matching territory, or -1 */
  territory: number;
  owner: Owner | null;
  via: string | undefined;
  overlays: OverlayAssignment[];
}

export function decide(s: Step): Outcome {
  const a = s.engine.artifact;
  const path = s.path;
  while (path.length > 0) path.pop(); // inlined, unlike setting the length
  const stop = descend(s, 0, path);
  const territory = path.length > 0 ? path[path.length - 1] : -1;

  let owner: Owner | null = null;
  let via: string | undefined;
  const o = overrides(s);
  if (o) ({ owner, via } = o);
  else if (!hasTarget(s.engine, path, stop)) {
    s.tr?.unassigned(territory < 0 ? "no territory matched and there is no `otherwise`" : "no territory on the path assigns anyone");
  } else {
    const r = s.tr ? resolveChain(s, path, stop, true) : resolveMemo(s, path, stop);
    if (r) ({ owner, via } = r);
    else s.tr?.unassigned("no one up the path is available");
  }
  if (owner && via) s.tr?.assigned(owner, via);
  return { territory, owner, via, overlays: a.overlays === undefined ? NO_OVERLAYS : overlays(s, a.overlays) };
}

/**
 * Descends from group `g`, appending matched territories to `path`. Returns the group where no
 * child matched, or -1 when descent ended on a territory without nested territories.
 */
function descend(s: Step, g: number, path: number[]): number {
  const e = s.engine;
  for (;;) {
    const out = s.masks[g];
    const m = s.matchers[g];
    let first: number;
    // Without a trace only the first match counts (a `unique` group's ambiguity is for explanations).
    if (s.tr) {
      m.match(s.rec, s.asOf, out);
      first = nextItem(m.layout, out, -1);
    } else {
      const row = m.firstRow(s.rec, s.asOf, out);
      first = row < 0 ? -1 : m.layout.rowItem[row];
    }
    if (s.tr) traceDescent(s, g, first, out);
    if (first < 0) return g;
    const t = e.groupTerritories[g][first];
    path.push(t);
    const children = e.childGroup[t];
    if (children < 0) return -1;
    g = children;
  }
}

function traceDescent(s: Step, g: number, first: number, out: Bits): void {
  const group = s.engine.artifact.groups[g];
  const m = s.matchers[g];
  traceTried(s, g, group.policy === "unique" ? group.territories.length : first < 0 ? group.territories.length : first + 1, out);
  if (first < 0 || group.policy !== "unique") return;
  const all = [first];
  for (let k = nextItem(m.layout, out, first); k >= 0; k = nextItem(m.layout, out, k)) all.push(k);
  if (all.length > 1) s.tr!.ambiguous(all.map((k) => group.territories[k]), group.territories[first]);
}

/** Reports the first `count` items of group `g` as tried (matched, not matched or not in effect). */
function traceTried(s: Step, g: number, count: number, out: Bits): void {
  const group = s.engine.artifact.groups[g];
  const items = s.engine.items[g];
  const layout = s.matchers[g].layout;
  for (let k = 0; k < count; k++) {
    const t = group.territories[k];
    const matched = hasMatch(layout.itemFirstRow, out, k);
    // `out` already combines the when and the window: only a non-match needs telling apart.
    const holds = matched || testBoxes(items[k].when, s.rec);
    s.tr!.tried("territory", t, items[k].when, items[k].window, holds, matched || inWindow(items[k].window, s.asOf), group.policy);
  }
}

function hasMatch(itemFirstRow: Int32Array, out: Bits, k: number): boolean {
  for (let r = itemFirstRow[k]; r < itemFirstRow[k + 1]; r++) if ((out[r >>> 5] & (1 << (r & 31))) !== 0) return true;
  return false;
}

/** SPEC 2.6 step 2: the stop group's `otherwise`, else the nearest assign on the path; neither → unassigned. */
function hasTarget(e: Engine, path: readonly number[], stop: number): boolean {
  if (stop >= 0 && e.artifact.groups[stop].otherwise) return true;
  for (let i = 0; i < path.length; i++) if (e.hasAssign[path[i]] === 1) return true;
  return false;
}

/**
 * Tries the targets in order until one has an available assignee: the stop group's `otherwise`
 * or the nearest assign, then the assigns further up the path, then (`top`: for the main tree,
 * not overlays) the top-level `otherwise`. Call only when hasTarget().
 */
function resolveChain(s: Step, path: readonly number[], stop: number, top: boolean): { owner: Owner; via: string } | null {
  const a = s.engine.artifact;
  let tried = 0;
  const otherwise = stop >= 0 ? a.groups[stop].otherwise : undefined;
  if (otherwise) {
    const r = attempt(s, otherwise, a.groups[stop].parent, "otherwise", tried++);
    if (r) return r;
  }
  for (let i = path.length - 1; i >= 0; i--) {
    if (s.engine.hasAssign[path[i]] === 0) continue;
    const r = attempt(s, a.territories[path[i]].assign!, path[i], "territory", tried++);
    if (r) return r;
  }
  const topOtherwise = a.groups[0].otherwise;
  return top && topOtherwise && stop !== 0 ? attempt(s, topOtherwise, undefined, "otherwise", tried) : null;
}

/**
 * resolveChain for the main tree without a trace, answered from the resolver's per-date memo when
 * an earlier record with the same deepest territory needed nothing of its own record (most
 * territories assign a rep or a queue: availability is all that varies, and only by date).
 */
function resolveMemo(s: Step, path: readonly number[], stop: number): Resolved | null {
  const resolver = s.engine.resolver;
  const memo = resolver.chainMemo(s.asOf);
  const key = path.length === 0 ? 0 : path[path.length - 1] + 1; // the deepest territory fixes path and stop
  const hit = memo[key];
  if (hit !== undefined) return hit;
  resolver.recordFree = true;
  const r = resolveChain(s, path, stop, true);
  if (resolver.recordFree) memo[key] = r;
  return r;
}

/** One target of resolveChain; `tried`: how many were tried before it. */
function attempt(s: Step, target: Target, territory: number | undefined, source: "territory" | "otherwise", tried: number): { owner: Owner; via: string } | null {
  s.tr?.target(source, territory, target, tried > 0);
  const owner = s.engine.resolver.resolve(target, s.rec, s.asOf, s.sideEffects, s.tr);
  return owner ? { owner, via: source === "otherwise" ? "otherwise" : s.engine.viaTerritory[territory!] } : null;
}

function overrides(s: Step): { owner: Owner; via: string } | null {
  const a = s.engine.artifact;
  if (a.overrides.length === 0) return null;
  const table = a.groups.length;
  const m = s.matchers[table];
  const out = s.masks[table];
  m.match(s.rec, s.asOf, out);
  let prev = -1;
  for (;;) {
    const k = nextItem(m.layout, out, prev);
    if (s.tr) traceOverrides(s, prev + 1, k < 0 ? a.overrides.length : k, out);
    if (k < 0) return null;
    const o = a.overrides[k];
    const owner = s.engine.resolver.resolve(o.target, s.rec, s.asOf, s.sideEffects, s.tr);
    if (owner) return { owner, via: s.engine.viaOverride[k] };
    prev = k;
  }
}

function traceOverrides(s: Step, from: number, to: number, out: Bits): void {
  const table = s.engine.artifact.groups.length;
  const items = s.engine.items[table];
  const layout = s.matchers[table].layout;
  for (let k = from; k <= Math.min(to, items.length - 1); k++) {
    const matched = hasMatch(layout.itemFirstRow, out, k);
    const holds = matched || testBoxes(items[k].when, s.rec);
    s.tr!.tried("override", k, items[k].when, items[k].window, holds, matched || inWindow(items[k].window, s.asOf));
  }
}

/** Step 5: every overlay territory that holds adds an assignment; the owner never changes. */
function overlays(s: Step, g: number): OverlayAssignment[] {
  const a = s.engine.artifact;
  const group = a.groups[g];
  const m = s.matchers[g];
  const out = s.masks[g];
  m.match(s.rec, s.asOf, out);
  if (s.tr) traceTried(s, g, group.territories.length, out);
  let result: OverlayAssignment[] | null = null;
  for (let k = nextItem(m.layout, out, -1); k >= 0; k = nextItem(m.layout, out, k)) {
    const t = group.territories[k];
    const children = a.territories[t].children;
    const path = [t];
    const stop = children === undefined ? -1 : descend(s, children, path);
    const deepest = path[path.length - 1];
    const r = hasTarget(s.engine, path, stop) ? resolveChain(s, path, stop, false) : null;
    s.tr?.overlay(deepest, r?.owner);
    (result ??= []).push(r ? { territory: a.territories[deepest].id, owner: r.owner } : { territory: a.territories[deepest].id });
  }
  return result ?? NO_OVERLAYS;
}
