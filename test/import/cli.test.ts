// `carve import …` end to end (the built CLI): output to stdout or -o, the report on stderr and as
// JSON, and the exit codes (0 all translated, 1 something was not, 2 usage and input errors).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { carve } from "../cli/helpers.js";

const fx = "test/import/fixtures";
const northwind = `${fx}/northwind/territory2Models/Northwind_FY27`;
const tmp = mkdtempSync(join(tmpdir(), "carve-import-"));

describe("carve import salesforce-territories", () => {
  test("writes the ruleset to stdout, the report to stderr, and exits 1 when something was not translated", () => {
    const r = carve(["import", "salesforce-territories", northwind]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ruleset Northwind_FY27 "Northwind FY27"$/m);
    expect(r.stderr).toContain(`imported ${northwind} → standard output`);
    expect(r.stderr).toContain("translated: rules 8/9, ruleItems 19/20, booleanFilter 4/4, territories 6/8");
    expect(r.stderr).toContain(`not translated (4):\n  ${northwind}/rules/Nearby.territory2Rule-meta.xml:6  ruleItems Account.BillingAddress within`);
    expect(r.stderr).toMatch(/analysis of the imported plan: 0 errors, 2 warnings, 0 info\n {2}CARVE079 ×2 {2}segment `Old_East` is never used/);
  });

  test("-o writes a ruleset that `carve check` accepts; --report writes the JSON report", () => {
    const out = join(tmp, "northwind.carve");
    const report = join(tmp, "report.json");
    const r = carve(["import", "salesforce-territories", northwind, "-o", out, "--report", report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.importer).toBe("salesforce-territories");
    expect(json.counts.territories).toEqual({ read: 8, translated: 6, untranslated: 2 });
    expect(json.untranslated).toHaveLength(4);
    expect(carve(["check", out]).code).toBe(0);
    expect(carve(["fmt", "--check", out]).code).toBe(0);
  });

  test("--no-analysis says the analysis was skipped", () => {
    const r = carve(["import", "salesforce-territories", `${fx}/legacy`, "--no-analysis"]);
    expect(r.stderr).toContain("static analysis skipped (--no-analysis)");
  });

  test("a missing folder or malformed XML is an input error (exit 2) naming the file and line", () => {
    const missing = carve(["import", "salesforce-territories", join(tmp, "nope")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: no such folder:");
    const bad = join(tmp, "bad");
    mkdirSync(bad);
    writeFileSync(join(bad, "T.territory2-meta.xml"), "<Territory2>\n  <name>T</name>\n  <parentTerritory>P\n</Territory2>\n");
    const r = carve(["import", "salesforce-territories", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*T\.territory2-meta\.xml:4: malformed XML/m);
  });
});

describe("carve import salesforce-assignment-rules", () => {
  test("exits 0 when every entry was translated", () => {
    const r = carve(["import", "salesforce-assignment-rules", `${fx}/assignment/Case.assignmentRules`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("territories first {");
    expect(r.stderr).toContain("translated: ruleEntry 2/2, criteriaItems 3/3");
  });

  test("--rule chooses the rule; an unknown one is a usage error", () => {
    const file = `${fx}/assignment/Lead.assignmentRules-meta.xml`;
    expect(carve(["import", "salesforce-assignment-rules", file, "--rule", "Holiday Rules"]).stdout).toContain('ruleset Holiday_Rules "Holiday Rules"');
    const r = carve(["import", "salesforce-assignment-rules", file, "--rule", "Nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no assignment rule named "Nope"');
  });
});

describe("an imported model under review", () => {
  test("`carve diff` between two imports of a model shows the territories a rule change moves accounts in and out of", () => {
    const next = join(tmp, "next");
    cpSync(`${fx}/northwind`, next, { recursive: true });
    const rule = join(next, "territory2Models/Northwind_FY27/rules/West_States.territory2Rule-meta.xml");
    writeFileSync(rule, readFileSync(rule, "utf8").replace("CA,OR,WA", "CA,OR,WA,NV"));
    const [before, after] = [join(tmp, "before.carve"), join(tmp, "after.carve")];
    carve(["import", "salesforce-territories", northwind, "-o", before]);
    carve(["import", "salesforce-territories", join(next, "territory2Models/Northwind_FY27"), "-o", after]);
    const r = carve(["diff", before, after, "--as-of", "2027-03-01"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2 territories changed");
    expect(r.stdout).toMatch(/Americas, queue Americas_queue; .* {2}→ {2}US_West, queue US_West_queue/);
    expect(r.stdout).toContain("billing.state: US-NV");
  });
});
