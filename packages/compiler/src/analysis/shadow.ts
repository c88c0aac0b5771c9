// Shadowed children: an active child no record reaching its group can select. In a `first` group
// that is every record it matches being taken by earlier active siblings (`by`); in any group it
// is also the parent's condition excluding the child's altogether (`by` empty).
import { intersect, type CBox } from "./boxes.js";
import type { GroupRun } from "./group-run.js";
import { meetingEarlier } from "./pairs.js";
import { Runs } from "./periods.js";
import { cross } from "./reach.js";
import { guarded, type Report } from "./report.js";
import { findUncovered } from "./subtract.js";
import type { Finding } from "./types.js";
import { witnessOf } from "./witness.js";

type Shadowed = Extract<Finding, { kind: "shadowed" }>;

export function checkShadowed(run: GroupRun, report: Report): void {
  const { model, children, group } = run;
  const { space, budget } = model;
  const first = model.plan.groups[group].policy === "first";
  const items = children.map((t) => model.territories[t].boxes);
  const earlier = first ? meetingEarlier(model, items) : children.map(() => []);
  const runs = new Runs<Shadowed>();
  children.forEach((territory, i) => {
    if (items[i].length === 0) return; // unsatisfiable: reported as such
    guarded(report, { check: "shadowed", group, territory }, () => {
      run.spans.forEach((_, p) => {
        const reach = run.reach[p];
        if (reach === null || !run.active[p][i] || !run.reachable(p)) return;
        const mine = cross(model, items[i], reach.pos);
        const rivals = earlier[i].filter((j) => run.active[p][j]);
        const covers = [...reach.neg, ...rivals.flatMap((j) => items[j])];
        if (mine.some((box) => findUncovered(space, box, covers, budget) !== null)) return;
        runs.add(String(territory), p, describeShadow(run, i, mine, rivals, reach.neg), (kept, later) => ({
          ...kept,
          by: [...new Set([...kept.by, ...later.by])].sort((x, y) => children.indexOf(x) - children.indexOf(y)),
        }));
      });
    });
  });
  report.findings.push(...runs.finish(run.spans));

  function describeShadow(run: GroupRun, i: number, mine: CBox[], rivals: number[], neg: CBox[]): Shadowed {
    const territory = children[i];
    const by: number[] = [];
    let witness: CBox | undefined;
    let takenBy: number | undefined;
    for (const j of rivals) {
      let takes = false;
      for (const x of mine) {
        for (const y of items[j]) {
          const z = intersect(x, y);
          const hit = z === null ? null : findUncovered(space, z, neg, budget);
          if (hit !== null) {
            takes = true;
            if (witness === undefined) {
              witness = hit;
              takenBy = children[j];
            }
            break;
          }
        }
        if (takes) break;
      }
      if (takes) by.push(children[j]);
    }
    if (witness === undefined) {
      // The parent excludes it: show a record its own condition matches.
      return { kind: "shadowed", group: run.group, territory, by, witness: witnessOf(space, items[i][0]) };
    }
    return { kind: "shadowed", group: run.group, territory, by, witness: witnessOf(space, witness), takenBy };
  }
}
