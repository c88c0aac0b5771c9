// Which records reach a group during a period: those of the parent territory's `when` that reach
// the parent's group, minus those taken by the parent's earlier active siblings — in `first`
// groups, and in `unique` groups too, since the runtime descends into the first match of an
// (erroneous) overlap. Overlay territories never exclude each other. Kept as positive boxes
// minus negative boxes, never expanded.
import type { Window } from "@carve/runtime";
import { intersect, universe, type CBox } from "./boxes.js";
import type { Model } from "./model.js";
import { activeIn, type DatedWindow, type Span } from "./periods.js";

export interface Reach {
  pos: CBox[];
  neg: CBox[];
}

/** The territories from the top down to (and including) the group's parent. */
export function pathTo(model: Model, group: number): number[] {
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

/** Every window that decides who reaches the group or competes in it. */
export function windowsFor(model: Model, group: number): DatedWindow[] {
  const { territories, groups } = model.plan;
  const out: (Window | undefined)[] = groups[group].territories.map((t) => territories[t].window);
  for (const p of pathTo(model, group)) {
    out.push(territories[p].window);
    const g = model.groupOf[p];
    if (g >= 0 && groups[g].policy !== "overlays") {
      for (const s of groups[g].territories) {
        if (s === p) break;
        out.push(territories[s].window);
      }
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
      for (const s of groups[g].territories) {
        if (s === p) break;
        if (activeIn(territories[s].window, span)) neg.push(...model.territories[s].boxes);
      }
    }
    pos = cross(model, pos, model.territories[p].boxes);
  }
  return { pos, neg };
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
