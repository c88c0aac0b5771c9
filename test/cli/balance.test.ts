// `carve balance`: per territory and owner loads with spread figures; every row accounted for.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carve } from "./helpers.js";

interface Row { name: string; label?: string; records: number; measure: number }
interface Report {
  rows: { total: number; assigned: number; unassigned: number; rejected: number; withoutMeasure: number };
  territories: { rows: Row[]; spread: { records: { ratio: number | null; gini: number; least: { name: string } } | null } };
  owners: { rows: Row[]; spread: { records: unknown; measure: unknown } };
}

function plan(): string {
  const dir = mkdtempSync(join(tmpdir(), "carve-balance-"));
  writeFileSync(join(dir, "plan.carve"), `ruleset small
record Lead { id: string key  country: country  revenue: money?  size: enum(smb, ent) }
rep ann { email "ann@x.com" }
rep ben { email "ben@x.com" }
rep cid { email "cid@x.com" }
queue triage
territories first {
  territory us { when country == US  assign ann }
  territory ca { when country == CA  assign ben }
  territory mx { when country == MX  assign cid }
  otherwise triage
}
`);
  const records = [
    { id: "1", country: "US", revenue: "$1M", size: "smb" },
    { id: "2", country: "United States", revenue: 3000000, size: "ent" },
    { id: "3", country: "CA", size: "smb" },
    { id: "4", country: "FR", revenue: "2,000,000", size: "smb" },
    { id: "5", country: "Atlantis", revenue: 1, size: "smb" },
  ];
  writeFileSync(join(dir, "leads.ndjson"), `${records.map((r) => JSON.stringify(r)).join("\n")}\nnot json\n`);
  return dir;
}

describe("carve balance", () => {
  it("accounts for every row and lists territories and reps that got nothing", () => {
    const dir = plan();
    const r = carve(["balance", dir, "--records", join(dir, "leads.ndjson"), "--measure", "revenue", "--as-of", "2027-01-01", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows).toEqual({ total: 6, assigned: 4, unassigned: 0, rejected: 2, withoutMeasure: 1 });
    const t = Object.fromEntries(report.territories.rows.map((x) => [x.name, x]));
    expect(t.us).toMatchObject({ records: 2, measure: 4_000_000 });
    expect(t.ca).toMatchObject({ records: 1, measure: 0 });
    expect(t.mx).toMatchObject({ records: 0, measure: 0 });
    expect(t["(no territory)"]).toMatchObject({ records: 1, measure: 2_000_000 });
    // mx is empty: the least loaded, and the max/min ratio is unbounded
    expect(report.territories.spread.records).toMatchObject({ ratio: null, least: { name: "mx" } });
    const o = Object.fromEntries(report.owners.rows.map((x) => [x.name, x]));
    expect(o["rep cid"]).toMatchObject({ records: 0 });
    expect(o["queue triage"]).toMatchObject({ records: 1, measure: 2_000_000 });
    const total = (rows: Row[]) => rows.reduce((n, x) => n + x.records, 0);
    expect(total(report.territories.rows)).toBe(report.rows.assigned + report.rows.unassigned);
    expect(total(report.owners.rows)).toBe(report.rows.assigned + report.rows.unassigned);
  });

  it("shows the bundled example's spread as a text table and as Markdown", () => {
    const text = carve(["balance", "examples/acme", "--records", "examples/acme/leads.csv", "--measure", "annual_revenue", "--as-of", "2027-03-01"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/5,000 rows = [\d,]+ assigned \+ \d+ unassigned \+ \d+ rejected/);
    expect(text.stdout).toMatch(/By territory\n\s+territory\s+records\s+share\s+annual_revenue\s+share/);
    expect(text.stdout).toMatch(/spread of records over reps: most rep \w+ [\d,]+, least rep \w+ [\d,]+; max\/min [\d.]+, CV [\d.]+, Gini [\d.]+/);
    const md = carve(["balance", "examples/acme", "--records", "examples/acme/leads.csv", "--as-of", "2027-03-01", "--format", "markdown"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| territory | records | share |\n| --- | ---: | ---: |");
    expect(md.stdout).toMatch(/\| `na\.east` East \| [\d,]+ \| [\d.]+% \|/);
  });

  it("refuses a measure that is not a number field, with the choices", () => {
    const dir = plan();
    const typo = carve(["balance", dir, "--records", join(dir, "leads.ndjson"), "--measure", "revenu"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("did you mean `revenue`?");
    const text = carve(["balance", dir, "--records", join(dir, "leads.ndjson"), "--measure", "size"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/`size` is an enum field, not a number: use one of revenue/);
    const missing = carve(["balance", dir, "--records", join(dir, "nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });
});
