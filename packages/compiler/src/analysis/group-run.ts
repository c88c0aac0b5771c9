// One group's analysis frame: its periods, who reaches it in each, and which children are active.
import { hasUncovered } from "./probe.js";
import type { Model } from "./model.js";
import { activeIn, spansOf, type Span } from "./periods.js";
import { reachOf, windowsFor, type Reach } from "./reach.js";

export interface GroupRun {
  model: Model;
  group: number;
  children: readonly number[];
  spans: Span[];
  /** per span: who reaches the group (null: nobody, an ancestor is inactive) */
  reach: (Reach | null)[];
  /** per span, per child position: is the child active? */
  active: boolean[][];
  /** does some valid record reach the group in span p? */
  reachable(p: number): boolean;
}

export function groupRun(model: Model, group: number): GroupRun {
  const children = model.plan.groups[group].territories;
  const spans = spansOf(windowsFor(model, group));
  const reach = spans.map((s) => reachOf(model, group, s));
  const active = spans.map((s) => children.map((t) => activeIn(model.plan.territories[t].window, s)));
  const memo = new Map<number, boolean>();
  const reachable = (p: number): boolean => {
    let r = memo.get(p);
    if (r === undefined) {
      const here = reach[p];
      r = here !== null && here.pos.some((box) => hasUncovered(model.space, box, here.neg, model.budget));
      memo.set(p, r);
    }
    return r;
  };
  return { model, group, children, spans, reach, active, reachable };
}
