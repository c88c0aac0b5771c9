// Overlaps in `unique` groups: two active children whose conditions share a record that reaches
// the group. The witness comes from the intersection of their boxes.
import { inUnion, intersect, type CBox } from "./boxes.js";
import type { GroupRun } from "./group-run.js";
import { earlierMeeting } from "./pairs.js";
import { Runs } from "./periods.js";
import { findUncovered } from "./subtract.js";
import type { Finding } from "./types.js";
import { pointBox, witnessOf } from "./witness.js";
import { guarded, type Report } from "./report.js";

type Overlap = Extract<Finding, { kind: "overlap" }>;

export function checkOverlaps(run: GroupRun, report: Report): void {
  const { model, children, group } = run;
  const { space, budget } = model;
  const items = children.map((t) => model.territories[t].boxes);
  const earlier = earlierMeeting(model, group);
  const pairs: [number, number][] = [];
  earlier.forEach((js, i) => js.forEach((j) => pairs.push([j, i])));
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const runs = new Runs<Overlap, CBox>();
  for (const [j, i] of pairs) {
    const a = children[j];
    const b = children[i];
    guarded(report, { check: "overlap", group, territory: b }, () => {
      const shared: CBox[] = [];
      for (const x of items[j]) for (const y of items[i]) {
        const z = intersect(x, y);
        if (z !== null) shared.push(z);
      }
      run.spans.forEach((_, p) => {
        const reach = run.reach[p];
        if (reach === null || !run.active[p][j] || !run.active[p][i]) return;
        budget.spend(shared.length * reach.pos.length);
        for (const s of shared) {
          for (const pos of reach.pos) {
            const both = intersect(s, pos);
            const hit = both === null ? null : findUncovered(space, both, reach.neg, budget);
            if (hit !== null) {
              const point = pointBox(space, hit);
              runs.add(`${a},${b}`, p, { kind: "overlap", group, a, b, witness: witnessOf(space, point) }, {
                evidence: point,
                holds: (pt) => inUnion(shared, pt) && inUnion(reach.pos, pt) && !inUnion(reach.neg, pt),
              });
              return;
            }
          }
        }
      });
    });
  }
  report.findings.push(...runs.finish(run.spans));
}
