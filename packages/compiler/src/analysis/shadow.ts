// Shadowed children: an active child no record reaching its group can select. In a `first` group
// that is every record it matches being taken by earlier active siblings (`by`); in any group it
// is also the parent's condition excluding the child altogether (`by` empty).
import { inUnion, intersect, type CBox } from "./boxes.js";
import type { GroupRun } from "./group-run.js";
import { earlierMeeting } from "./pairs.js";
import { Runs } from "./periods.js";
import { cross, type Reach } from "./reach.js";
import { guarded, type Report } from "./report.js";
import { hasUncovered } from "./probe.js";
import { findUncovered } from "./subtract.js";
import type { Finding } from "./types.js";
import { pointBox, witnessOf } from "./witness.js";

type Shadowed = Extract<Finding, { kind: "shadowed" }>;

/** The kept witness point and the sibling that took it. */
interface Evidence {
  point: CBox;
  takenBy: number | undefined;
}

export function checkShadowed(run: GroupRun, report: Report): void {
  const { model, children, group } = run;
  const { space, budget } = model;
  const first = model.plan.groups[group].policy === "first";
  const items = children.map((t) => model.territories[t].boxes);
  const earlier = first ? earlierMeeting(model, group) : children.map(() => []);
  const runs = new Runs<Shadowed, Evidence>();
  const byOrder = (a: number, b: number) => children.indexOf(a) - children.indexOf(b);

  children.forEach((territory, i) => {
    if (items[i].length === 0) return; // unsatisfiable: reported as such
    guarded(report, { check: "shadowed", group, territory }, () => {
      run.spans.forEach((_, p) => {
        const reach = run.reach[p];
        if (reach === null || !run.active[p][i] || !run.reachable(p)) return;
        const mine = cross(model, items[i], reach.pos);
        const rivals = earlier[i].filter((j) => run.active[p][j]);
        const covers = [...reach.neg, ...rivals.flatMap((j) => items[j])];
        if (mine.some((box) => hasUncovered(space, box, covers, budget))) return;
        const { finding, point } = describe(i, mine, rivals, reach);
        // Shadowed by siblings and excluded by the parent are told apart: separate findings.
        runs.add(`${territory}:${finding.by.length > 0}`, p, finding, {
          evidence: { point, takenBy: finding.takenBy },
          holds: (e) => e.takenBy === undefined || stillTaken(e.point, i, e.takenBy, p, reach),
          merge: (kept, later) => ({ ...kept, by: [...new Set([...kept.by, ...later.by])].sort(byOrder) }),
        });
      });
    });
  });
  report.findings.push(...runs.finish(run.spans));

  /** In span p the point still reaches the group, is the child's, and goes to `takenBy` first. */
  function stillTaken(pt: CBox, i: number, takenBy: number, p: number, reach: Reach): boolean {
    if (!inUnion(items[i], pt) || !inUnion(reach.pos, pt) || inUnion(reach.neg, pt)) return false;
    for (let j = 0; j < i; j++) {
      if (!run.active[p][j] || !inUnion(items[j], pt)) continue;
      return children[j] === takenBy;
    }
    return false;
  }

  /**
   * `by`: the rivals that take some of the child's records — those not already taken by a rival
   * before them. The first one's share gives the witness. Stops once the takers cover the child.
   */
  function describe(i: number, mine: CBox[], rivals: number[], reach: Reach): { finding: Shadowed; point: CBox } {
    const territory = children[i];
    const by: number[] = [];
    let hit: CBox | undefined;
    const before: CBox[] = [...reach.neg];
    for (const j of rivals) {
      const share = firstShared(mine, items[j], before);
      before.push(...items[j]);
      if (share === null) continue;
      by.push(children[j]);
      hit ??= share;
      if (!mine.some((box) => hasUncovered(space, box, before, budget))) break;
    }
    // Excluded by the parent (no taker): show a record its own condition matches.
    const point = pointBox(space, hit ?? items[i][0]);
    const finding: Shadowed = { kind: "shadowed", group, territory, by, witness: witnessOf(space, point) };
    if (by.length > 0) finding.takenBy = by[0];
    return { finding, point };
  }

  function firstShared(a: readonly CBox[], b: readonly CBox[], neg: readonly CBox[]): CBox | null {
    for (const x of a) {
      for (const y of b) {
        const z = intersect(x, y);
        const hit = z === null ? null : findUncovered(space, z, neg, budget);
        if (hit !== null) return hit;
      }
    }
    return null;
  }
}
