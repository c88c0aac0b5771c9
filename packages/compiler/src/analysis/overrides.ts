// Shadowed overrides: every record an override matches is matched by earlier active overrides
// whose targets are certainly available (so they always apply). An earlier override that may
// not apply — its rep may be away, its team may be empty, its target is a rep field — never
// shadows: the check is conservative and reports only what is provable.
import { inUnion, intersect, type CBox } from "./boxes.js";
import type { Availability } from "./availability.js";
import type { Model } from "./model.js";
import { activeIn, Runs, spansOf } from "./periods.js";
import { guarded, type Report } from "./report.js";
import { hasUncovered } from "./probe.js";
import { findUncovered } from "./subtract.js";
import type { Finding } from "./types.js";
import { pointBox, witnessOf } from "./witness.js";

type ShadowedOverride = Extract<Finding, { kind: "shadowed-override" }>;

export function checkOverrides(model: Model, availability: Availability, report: Report): void {
  const { space, budget, plan } = model;
  const overrides = plan.overrides;
  const spans = spansOf(overrides.flatMap((o) => [o.window, ...availability.windows(o.target)]));
  const runs = new Runs<ShadowedOverride, { point: CBox; takenBy: number | undefined }>();
  overrides.forEach((o, i) => {
    const mine = model.overrides[i].boxes;
    if (mine.length === 0 || i === 0) return;
    guarded(report, { check: "shadowed-override", override: i }, () => {
      spans.forEach((span, p) => {
        if (!activeIn(o.window, span)) return;
        const by: number[] = [];
        for (let j = 0; j < i; j++) {
          const e = overrides[j];
          if (activeIn(e.window, span) && availability.available(e.target, span, "certain")) by.push(j);
        }
        const covers = by.flatMap((j) => model.overrides[j].boxes);
        budget.spend(covers.length);
        if (mine.some((box) => hasUncovered(space, box, covers, budget))) return;
        const { finding, point } = describe(i, mine, by);
        runs.add(String(i), p, finding, {
          evidence: { point, takenBy: finding.takenBy },
          // the first active override certain to apply that matches the point is still takenBy
          holds: (e) => by.find((j) => inUnion(model.overrides[j].boxes, e.point)) === e.takenBy,
          merge: (kept, later) => ({ ...kept, by: [...new Set([...kept.by, ...later.by])].sort((x, y) => x - y) }),
        });
      });
    });
  });
  report.findings.push(...runs.finish(spans));

  /** `by`: the earlier certain overrides that take some of its records (not taken before them). */
  function describe(override: number, mine: CBox[], candidates: number[]): { finding: ShadowedOverride; point: CBox } {
    const by: number[] = [];
    let hit: CBox | undefined;
    const before: CBox[] = [];
    for (const j of candidates) {
      const share = firstShared(mine, model.overrides[j].boxes, before);
      before.push(...model.overrides[j].boxes);
      if (share === null) continue;
      by.push(j);
      hit ??= share;
      if (!mine.some((box) => hasUncovered(space, box, before, budget))) break;
    }
    const point = pointBox(space, hit ?? mine[0]);
    return { finding: { kind: "shadowed-override", override, by, witness: witnessOf(space, point), takenBy: by[0] }, point };
  }

  function firstShared(a: readonly CBox[], b: readonly CBox[], before: readonly CBox[]): CBox | null {
    for (const x of a) {
      for (const y of b) {
        const z = intersect(x, y);
        const hit = z === null ? null : findUncovered(space, z, before, budget);
        if (hit !== null) return hit;
      }
    }
    return null;
  }
}
