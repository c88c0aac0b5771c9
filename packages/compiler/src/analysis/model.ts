// The plan in analysis form: the space, every `when` as boxes, and the territory tree.
import type { Atom, Box as IrBox } from "@carve/runtime";
import { boxOf, feasible, type CBox } from "./boxes.js";
import type { Budget } from "./budget.js";
import { buildSpace, PlanError, type Space } from "./domains.js";
import type { AnalysisPlan } from "./types.js";

export interface Condition {
  /** the feasible boxes (or-branches that some valid record satisfies) */
  boxes: CBox[];
  /** per IR box: does some valid record satisfy it? */
  branchOk: boolean[];
}

export interface Model {
  plan: AnalysisPlan;
  space: Space;
  budget: Budget;
  territories: Condition[];
  overrides: Condition[];
  /** territory → index of the group that lists it (-1: in no group) */
  groupOf: number[];
}

export function buildModel(plan: AnalysisPlan, budget: Budget): Model {
  checkPlan(plan);
  const atoms: Atom[] = [];
  const collect = (when: readonly IrBox[]) => {
    for (const b of when) for (const ref of b.atoms) atoms.push(ref.atom);
  };
  plan.territories.forEach((t) => collect(t.when));
  plan.overrides.forEach((o) => collect(o.when));
  const reps = plan.roster?.reps.map((r) => r.id);
  const space = buildSpace(plan.schema, atoms, reps, budget);
  const condition = (when: readonly IrBox[]): Condition => {
    budget.spend(when.length);
    const boxes: CBox[] = [];
    const branchOk = when.map((b) => {
      const box = boxOf(space, b);
      if (box === null || !feasible(space, box)) return false;
      boxes.push(box);
      return true;
    });
    return { boxes, branchOk };
  };
  const groupOf = plan.territories.map(() => -1);
  plan.groups.forEach((g, gi) => g.territories.forEach((t) => (groupOf[t] = gi)));
  return {
    plan,
    space,
    budget,
    territories: plan.territories.map((t) => condition(t.when)),
    overrides: plan.overrides.map((o) => condition(o.when)),
    groupOf,
  };
}

/** Indexes must point where they say: a malformed plan is reported, never crashed on. */
function checkPlan(plan: AnalysisPlan): void {
  const nt = plan.territories.length;
  const ng = plan.groups.length;
  if (ng === 0) throw new PlanError("the plan has no top-level territories group");
  plan.groups.forEach((g, gi) => {
    for (const t of g.territories) if (!(Number.isInteger(t) && t >= 0 && t < nt)) throw new PlanError(`group ${gi} lists territory ${t}, which does not exist`);
    if (g.parent !== undefined && !(g.parent >= 0 && g.parent < nt)) throw new PlanError(`group ${gi} has parent ${g.parent}, which does not exist`);
  });
  plan.territories.forEach((t, ti) => {
    if (t.children !== undefined && !(t.children >= 0 && t.children < ng)) throw new PlanError(`territory ${ti} has children group ${t.children}, which does not exist`);
  });
  if (plan.overlays !== undefined && !(plan.overlays >= 0 && plan.overlays < ng)) throw new PlanError(`the overlays group ${plan.overlays} does not exist`);
}
