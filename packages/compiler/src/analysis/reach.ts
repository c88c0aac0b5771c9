// Which records reach a group during a period: those of the parent territory's `when` that reach
// the parent's group, minus those taken by the parent's earlier active siblings — in `first`
// groups, and in `unique` groups too, since the runtime descends into the first match of an
// (erroneous) overlap. Overlay territories never exclude each other. Kept as positive boxes
// minus negative boxes, never expanded.
import type { Window } from "@carve/runtime";
import { intersect, meets, universe, type CBox } from "./boxes.js";
import type { Model } from "./model.js";
import { earlierMeeting, positionIn } from "./pairs.js";
import { activeIn, type DatedWindow, type Span } from "./periods.js";

export interface Reach {
  pos: CBox[];
  neg: CBox[];
}

const paths = new WeakMap<Model, Map<number, readonly number[]>>();

/** The territories from the top down to (and including) the group's parent. A fresh array. */
export function pathTo(model: Model, group: number): number[] {
  let memo = paths.get(model);
  if (memo === undefined) paths.set(model, (memo = new Map()));
  let path = memo.get(group);
  if (path === undefined) memo.set(group, (path = findPath(model, group)));
  return [...path];
}

function findPath(model: Model, group: number): number[] {
  const path: number[] = [];
  const seen = new Set<number>();
  let g = group;
  for (;;) {
    const parent = model.plan.groups[g].parent;
    if (parent === undefined || seen.has(parent)) break;
    seen.add(parent);
    path.unshift(parent);
    g = model.groupOf[parent];
    if (g < 0) break;
  }
  return path;
}

/**
 * Every window that decides who reaches the group or competes in it. Of an ancestor's earlier
 * siblings only those sharing records with it count (as in reachOf: the others never take any).
 */
export function windowsFor(model: Model, group: number): DatedWindow[] {
  const { territories, groups } = model.plan;
  const out: (Window | undefined)[] = groups[group].territories.map((t) => territories[t].window);
  for (const p of pathTo(model, group)) {
    out.push(territories[p].window);
    const g = model.groupOf[p];
    if (g >= 0 && groups[g].policy !== "overlays") {
      const siblings = groups[g].territories;
      for (const k of earlierMeeting(model, g)[positionIn(model, g, p)]) out.push(territories[siblings[k]].window);
    }
  }
  return out;
}

/** null when the group cannot be reached in the span (an ancestor is inactive). */
export function reachOf(model: Model, group: number, span: Span): Reach | null {
  const { territories, groups } = model.plan;
  let pos: CBox[] = [universe(model.space)];
  const neg: CBox[] = [];
  for (const p of pathTo(model, group)) {
    if (!activeIn(territories[p].window, span)) return null;
    const g = model.groupOf[p];
    if (g >= 0 && groups[g].policy !== "overlays") {
      // Only the earlier siblings that share records with p can take records from its group
      // (the others are disjoint from every box of `pos` below, which lies inside p).
      const siblings = groups[g].territories;
      for (const k of earlierMeeting(model, g)[positionIn(model, g, p)]) {
        const s = siblings[k];
        if (activeIn(territories[s].window, span)) neg.push(...model.territories[s].boxes);
      }
    }
    pos = cross(model, pos, model.territories[p].boxes);
  }
  return { pos, neg: meetingAny(model, neg, pos) };
}

/**
 * The boxes of `neg` that meet some box of `pos`. A group nested under a top-level cell has the
 * cell's earlier siblings — thousands of territories of other countries and regions — as its
 * negative boxes; those disjoint from every positive box remove nothing from the reach, and every
 * check takes its boxes inside `pos`, so dropping them changes no finding. Kept in order.
 */
function meetingAny(model: Model, neg: readonly CBox[], pos: readonly CBox[]): CBox[] {
  model.budget.spend(neg.length * pos.length);
  return neg.filter((n) => pos.some((p) => meets(n, p)));
}

/** Pairwise intersections of two unions of boxes. */
export function cross(model: Model, a: readonly CBox[], b: readonly CBox[]): CBox[] {
  model.budget.spend(a.length * b.length);
  const out: CBox[] = [];
  for (const x of a) {
    for (const y of b) {
      const z = intersect(x, y);
      if (z !== null) out.push(z);
    }
  }
  return out;
}
