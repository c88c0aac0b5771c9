// `importSalesforceTerritories` on models written for these tests: the mapping of each operation,
// filter shape and file layout, Salesforce's assignment semantics (every matching territory as an
// overlay, one owner by type priority, inherited and several rules), and the report.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { importSalesforceTerritories, ImportInputError, type TerritoriesReport } from "@carve/compiler";
import { formatText } from "@carve/language";
import { loadArtifact, type Decision } from "@carve/runtime";
import { readModelFolder } from "../../packages/cli/src/import-files.js";

const fixtures = join(import.meta.dirname, "fixtures");
const northwindDir = join(fixtures, "northwind", "territory2Models", "Northwind_FY27");
const northwind = importSalesforceTerritories({ source: northwindDir, files: readModelFolder(northwindDir), fallbackName: "x" });
const runtime = loadArtifact(northwind.artifact!);
const decide = (record: Record<string, unknown>): Decision => runtime.evaluate({ id: "A-1", ...record }, { asOf: "2027-03-01" });
const overlays = (d: Decision) => d.overlays.map((o) => o.territory).sort();

describe("a Territory2 model with -meta.xml names and its types folder", () => {
  test("imports as a formatted ruleset that checks without errors", () => {
    const again = formatText(northwind.report.ruleset, northwind.text);
    expect(again.ok && again.text).toBe(northwind.text);
    expect(northwind.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(northwind.text).toMatch(/^ruleset Northwind_FY27 "Northwind FY27"$/m);
  });

  test("maps each operation to its Carve test", () => {
    const t = northwind.text;
    expect(t).toContain("segment West_States = billing.country == US and billing.state in [US-CA, US-OR, US-WA]");
    expect(t).toMatch(/billing\.postal_code in "10000"\.\."19999" or billing\.postal_code starts with \["07", "08"\]/);
    expect(t).toMatch(/number_of_employees >= 200\s+and number_of_employees < 1000/);
    expect(t).toMatch(/annual_revenue > 1000000 or not \(industry in \["Retail", "Hospitality"\]\)/);
    expect(t).toMatch(/billing\.country == CA\s+and billing\.state in \[CA-ON, CA-QC\]\s+and created_date >= 2026-01-01/);
    expect(t).toMatch(/name contains "Contoso"\s+or name starts with "Fabrikam" and name contains "Test"/);
    expect(t).toContain("segment Active_Accounts = is_active == true");
  });

  test("gives fields Carve types, and says which Salesforce fields they hold", () => {
    const types = Object.fromEntries(northwind.report.fields.map((f) => [f.carve, f.type]));
    expect(types).toMatchObject({
      "billing.country": "country", "billing.state": "region", "billing.postal_code": "postal",
      number_of_employees: "int", annual_revenue: "money", created_date: "date", is_active: "bool", name: "string",
    });
    expect(northwind.report.fields.find((f) => f.carve === "billing.state")!.salesforce.sort()).toEqual(["Account.BillingState", "Account.BillingStateCode"]);
    expect(northwind.text).toMatch(/billing\.state: +region\? +# Account\.BillingState, Account\.BillingStateCode/);
  });

  test("keeps the hierarchy, the types' priorities and the labels", () => {
    expect(northwind.text).toContain('# Americas › US West · type Territory (priority 5)\n  territory US_West "US West" {');
    const west = northwind.report.territories.find((t) => t.salesforce === "US_West")!;
    expect(west).toMatchObject({ parent: "Americas", type: "Territory", priority: 5, territory: "US_West", overlay: "US_West_overlay", queue: "US_West_queue" });
    // Types by descending priority: Key account (10), then Territory (5), then Region (1).
    const order = [...northwind.text.matchAll(/^  territory (\w+) /gm)].map((m) => m[1]);
    expect(order.slice(0, 5)).toEqual(["Key_Accounts", "Canada", "US_East", "US_West", "Americas"]);
  });

  test("applies inherited rules to descendants, ANDs several rules, and ignores inactive ones", () => {
    expect(northwind.text).toMatch(/territory US_West "US West" \{\n\s+when West_States and Mid_Size and Active_Accounts\n/);
    expect(northwind.text).toMatch(/territory US_East "US East" \{\n\s+when East_Zips and Active_Accounts\n/);
    expect(northwind.text).toContain("segment Old_East"); // kept for the record, not applied
  });

  test("puts an account in every territory whose rules match, and gives it one owner by priority", () => {
    const d = decide({ billing: { country: "US", state: "California" }, number_of_employees: 500, annual_revenue: 2_000_000, is_active: true, name: "Contoso Labs" });
    expect(overlays(d)).toEqual(["Americas_overlay", "Key_Accounts_overlay", "US_West_overlay"]);
    expect(d.territory?.id).toBe("Key_Accounts");
    expect(d.owner).toEqual({ kind: "queue", id: "Key_Accounts_queue" });
    const west = decide({ billing: { country: "US", state: "OR" }, number_of_employees: 500, is_active: true });
    expect(west.territory?.id).toBe("US_West");
  });

  test("compares text ignoring case, and a negative test holds on an empty field, as in Salesforce", () => {
    expect(overlays(decide({ name: "CONTOSO", is_active: false }))).toEqual(["Key_Accounts_overlay"]);
    expect(overlays(decide({ name: "fabrikam test account" }))).toEqual(["Key_Accounts_overlay"]);
    expect(overlays(decide({ name: "Fabrikam Ltd" }))).toEqual([]);
    // No industry and a small revenue: `Industry notEqual Retail,Hospitality` holds.
    const d = decide({ billing: { country: "US", state: "WA" }, number_of_employees: 300, annual_revenue: 10, is_active: true });
    expect(overlays(d)).toContain("US_West_overlay");
    const retail = decide({ billing: { country: "US", state: "WA" }, number_of_employees: 300, annual_revenue: 10, industry: "retail", is_active: true });
    expect(overlays(retail)).not.toContain("US_West_overlay");
  });

  test("an account no territory takes goes to the `no territory` queue", () => {
    const d = decide({ billing: { country: "FR" }, is_active: false });
    expect(d.via).toBe("otherwise");
    expect(d.owner?.id).toBe(northwind.report.noTerritory);
    expect(d.overlays).toEqual([]);
  });

  test("reports what it could not translate, with file and line, and counts that add up", () => {
    const r: TerritoriesReport = northwind.report;
    expect(r.counts).toEqual({
      rules: { read: 9, translated: 8, untranslated: 1 },
      ruleItems: { read: 20, translated: 19, untranslated: 1 },
      booleanFilter: { read: 4, translated: 4, untranslated: 0 },
      territories: { read: 8, translated: 6, untranslated: 2 },
    });
    const within = r.untranslated.find((u) => u.kind === "ruleItems")!;
    expect(within.file.endsWith("rules/Nearby.territory2Rule-meta.xml")).toBe(true);
    expect(within.line).toBe(6);
    expect(within.reason).toMatch(/within/);
    expect(r.untranslated.find((u) => u.what === "Ghost")!.reason).toBe("rule `Missing_Rule` is not in the model folder");
    expect(r.territories.find((t) => t.salesforce === "Empty_Parent")!.status).toBe("no rules");
    expect(r.findings).toMatchObject({ analyzed: true, errors: 0 });
    expect(r.findings.items.map((f) => f.code)).toContain("CARVE079"); // the unused and the inactive rule
  });
});

describe("the older file names, all in one folder", () => {
  const dir = join(fixtures, "legacy");
  const legacy = importSalesforceTerritories({ source: dir, files: readModelFolder(dir), fallbackName: "legacy" });

  test("import like the -meta.xml ones", () => {
    expect(legacy.text).toContain("segment Nordics_rule = billing.country in [FI, SE, NO, DK, IS]");
    const d = loadArtifact(legacy.artifact!).evaluate({ id: "1", billing: { country: "Sweden" } });
    expect(d.territory?.id).toBe("Nordics");
    expect(d.overlays.map((o) => o.territory).sort()).toEqual(["Nordics_overlay", "territory_overlay"]);
  });

  test("names that are keywords or clash get safe, deterministic Carve names; labels keep the original", () => {
    const t = legacy.report.territories.find((x) => x.salesforce === "territory")!;
    expect(t).toMatchObject({ territory: "territory_", overlay: "territory_overlay", queue: "territory_queue", label: "Every Nordic account" });
    expect(legacy.text).toContain('territory territory_ "Every Nordic account" {');
  });

  test("a filter logic that cannot be read leaves its rule and territory out, reported", () => {
    const bad = legacy.report.untranslated.find((u) => u.kind === "booleanFilter")!;
    expect(bad).toMatchObject({ line: 4, reason: 'filter logic "1 AND (2": a `(` is not closed' });
    expect(legacy.report.territories.find((t) => t.salesforce === "Broken")!.status).toBe("untranslated");
    expect(legacy.text).toContain("# Broken is not imported (see the import report)");
  });
});

describe("input errors", () => {
  test("malformed XML names the file and the line", () => {
    const files = [{ path: "m/rules/R.territory2Rule-meta.xml", text: '<?xml version="1.0"?>\n<Territory2Rule>\n  <active>true</active>\n  <name>R</nam>\n</Territory2Rule>\n' }];
    expect(() => importSalesforceTerritories({ source: "m", files, fallbackName: "m" })).toThrow(ImportInputError);
    expect(() => importSalesforceTerritories({ source: "m", files, fallbackName: "m" })).toThrow(/^m\/rules\/R\.territory2Rule-meta\.xml:4: malformed XML/);
  });

  test("a folder without Territory2 metadata, or a file of another kind, is refused", () => {
    expect(() => importSalesforceTerritories({ source: "empty", files: [], fallbackName: "empty" })).toThrow(/no Territory2 metadata here/);
    const wrong = [{ path: "T.territory2-meta.xml", text: "<Territory2Rule/>" }];
    expect(() => importSalesforceTerritories({ source: ".", files: wrong, fallbackName: "x" })).toThrow(/expected a <Territory2> document, found <Territory2Rule>/);
  });
});
