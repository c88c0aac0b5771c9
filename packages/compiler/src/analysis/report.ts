// Collecting findings; a check that blows its box budget becomes an `incomplete` finding and the
// analysis goes on; running out of total work stops it (the caller catches that).
import { BudgetExceeded } from "./budget.js";
import type { CheckName, Finding } from "./types.js";

export interface Report {
  findings: Finding[];
  maxBoxes: number;
}

export interface CheckSite {
  check: CheckName;
  group?: number;
  territory?: number;
  override?: number;
}

export function guarded(report: Report, site: CheckSite, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof BudgetExceeded) || e.limit !== "boxes") throw e;
    report.findings.push({ kind: "incomplete", reason: `${describe(site)} needed more than ${report.maxBoxes} boxes`, ...site });
  }
}

export function describe(site: CheckSite): string {
  const where = [
    site.group !== undefined ? `group ${site.group}` : undefined,
    site.territory !== undefined ? `territory ${site.territory}` : undefined,
    site.override !== undefined ? `override ${site.override}` : undefined,
  ].filter((s) => s !== undefined);
  return `the ${site.check} check${where.length > 0 ? ` of ${where.join(", ")}` : ""}`;
}
