// Gaps: records that reach a group without `otherwise` and match none of its active children.
// At the top level they get no owner (error); in a nested group they fall back to the nearest
// assign up the path (information).
import { inUnion, type CBox } from "./boxes.js";
import type { GroupRun } from "./group-run.js";
import { Runs } from "./periods.js";
import { pathTo } from "./reach.js";
import { guarded, type Report } from "./report.js";
import { findUncovered } from "./subtract.js";
import type { Finding } from "./types.js";
import { pointBox, witnessOf } from "./witness.js";

type Gap = Extract<Finding, { kind: "gap" }>;

export function checkGap(run: GroupRun, report: Report): void {
  const { model, children, group } = run;
  const { space, budget } = model;
  const nested = model.plan.groups[group].parent !== undefined;
  const fallback = pathTo(model, group).reverse().find((t) => model.plan.territories[t].assign !== undefined);
  const runs = new Runs<Gap, CBox>();
  guarded(report, { check: "gap", group }, () => {
    run.spans.forEach((_, p) => {
      const reach = run.reach[p];
      if (reach === null) return;
      const covers = [...reach.neg];
      children.forEach((t, i) => {
        if (run.active[p][i]) covers.push(...model.territories[t].boxes);
      });
      budget.spend(covers.length);
      for (const pos of reach.pos) {
        const hit = findUncovered(space, pos, covers, budget);
        if (hit !== null) {
          const point = pointBox(space, hit);
          const gap: Gap = { kind: "gap", group, nested, witness: witnessOf(space, point) };
          if (nested && fallback !== undefined) gap.fallback = fallback;
          runs.add("gap", p, gap, { evidence: point, holds: (pt) => inUnion(reach.pos, pt) && !inUnion(covers, pt) });
          return;
        }
      }
    });
  });
  report.findings.push(...runs.finish(run.spans));
}
