// Work budgets (SPEC 2.7: "where a budget is exceeded it says so instead of hanging or guessing").
// Work is counted in deterministic units — boxes visited, covers compared, pairs tested — never
// in wall-clock time, so the same plan always gives the same findings on any machine.

export interface AnalysisBudget {
  /** total work units for the whole analysis; past it every remaining check is skipped */
  maxWork?: number;
  /** boxes one single check (one gap, one shadow or one overlap test) may visit */
  maxBoxes?: number;
}

// Calibrated on 10,000 territories of geography × segment × vertical: their whole analysis takes
// one to two million units (under a second), so these limits stop only plans whose analysis is
// genuinely explosive (3-SAT-like covers), after a few seconds at most.
export const DEFAULT_MAX_WORK = 50_000_000;
export const DEFAULT_MAX_BOXES = 100_000;

export class BudgetExceeded extends Error {
  constructor(readonly limit: "work" | "boxes") {
    super(`analysis budget exceeded (${limit})`);
  }
}

export class Budget {
  readonly maxWork: number;
  readonly maxBoxes: number;
  work = 0;

  constructor(budget: AnalysisBudget = {}) {
    this.maxWork = budget.maxWork ?? DEFAULT_MAX_WORK;
    this.maxBoxes = budget.maxBoxes ?? DEFAULT_MAX_BOXES;
  }

  spend(units: number): void {
    this.work += units;
    if (this.work > this.maxWork) throw new BudgetExceeded("work");
  }
}
