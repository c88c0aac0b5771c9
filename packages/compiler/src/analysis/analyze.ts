// The static analysis of a plan (SPEC 2.7): unsatisfiable conditions, overlaps in unique groups,
// shadowed children and overrides, gaps, and roster findings — each period of the plan's
// effective dating analysed separately. Pure and deterministic: same plan, same findings.
import { Availability } from "./availability.js";
import { Budget, BudgetExceeded } from "./budget.js";
import { PlanError } from "./domains.js";
import { checkGap } from "./gaps.js";
import { groupRun } from "./group-run.js";
import { buildModel, type Model } from "./model.js";
import { checkOverlaps } from "./overlap.js";
import { checkOverrides } from "./overrides.js";
import type { Report } from "./report.js";
import { checkTeams, checkUnowned } from "./roster.js";
import { checkShadowed } from "./shadow.js";
import type { AnalysisOptions, AnalysisPlan, CheckName, Finding } from "./types.js";
import { checkUnsatisfiable } from "./unsatisfiable.js";

export function analyze(plan: AnalysisPlan, options: AnalysisOptions = {}): Finding[] {
  const budget = new Budget(options.budget);
  const report: Report = { findings: [], maxBoxes: budget.maxBoxes };
  let check: CheckName = "domains";
  try {
    const model = buildModel(plan, budget);
    check = "unsatisfiable";
    report.findings.push(...checkUnsatisfiable(model));
    for (const group of groupsInTreeOrder(model)) {
      const run = groupRun(model, group);
      const g = plan.groups[group];
      if (g.policy === "unique") {
        check = "overlap";
        checkOverlaps(run, report);
      }
      if (g.policy !== "overlays") {
        check = "shadowed";
        checkShadowed(run, report);
        if (g.otherwise === undefined) {
          check = "gap";
          checkGap(run, report);
        }
      }
    }
    const availability = new Availability(plan.roster);
    check = "shadowed-override";
    checkOverrides(model, availability, report);
    if (plan.roster !== undefined) {
      check = "roster";
      report.findings.push(...checkTeams(availability), ...checkUnowned(model, availability));
    }
  } catch (e) {
    if (e instanceof PlanError) {
      report.findings.push({ kind: "incomplete", reason: `the plan cannot be analysed: ${e.message}`, check: "plan" });
    } else if (e instanceof BudgetExceeded) {
      report.findings.push({
        kind: "incomplete",
        reason: `analysis stopped during the ${check} check after ${budget.maxWork} units of work; findings of that check and the later ones are missing`,
        check,
      });
    } else throw e;
  }
  return report.findings;
}

/** Groups reachable from the top-level group and the overlays, parents before children. */
function groupsInTreeOrder(model: Model): number[] {
  const { groups, territories, overlays } = model.plan;
  const roots = overlays === undefined || overlays === 0 ? [0] : [0, overlays];
  const out: number[] = [];
  const seen = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const g = queue.shift()!;
    if (seen.has(g) || groups[g] === undefined) continue;
    seen.add(g);
    out.push(g);
    for (const t of groups[g].territories) {
      const child = territories[t].children;
      if (child !== undefined && groups[child]?.parent === t) queue.push(child);
    }
  }
  return out;
}
