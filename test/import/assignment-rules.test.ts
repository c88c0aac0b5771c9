// `importSalesforceAssignmentRules` on rules written for these tests: first match in entry order,
// users and queues as owners, entries without an assignee, formulas, the default owner, the choice
// of rule, and the report.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { importSalesforceAssignmentRules, ImportInputError } from "@carve/compiler";
import { loadArtifact, type Decision } from "@carve/runtime";

const dir = join(import.meta.dirname, "fixtures", "assignment");
const leadPath = join(dir, "Lead.assignmentRules-meta.xml");
const leadXml = readFileSync(leadPath, "utf8");
const lead = importSalesforceAssignmentRules({ path: leadPath, text: leadXml });
const runtime = loadArtifact(lead.artifact!);
const decide = (record: Record<string, unknown>): Decision => runtime.evaluate({ id: "L-1", ...record }, { asOf: "2027-03-01" });

describe("a Lead assignment rule (-meta.xml)", () => {
  test("imports the active rule as a first-match group that checks without errors", () => {
    expect(lead.report.rule).toBe("Standard Leads");
    expect(lead.text).toMatch(/^ruleset Standard_Leads "Standard Leads"$/m);
    expect(lead.text).toContain("territories first {");
    expect(lead.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("users become reps and queues queues, one declaration each, with hostile names made safe", () => {
    expect(lead.text).toContain('rep ana_nunez "ana.núñez@northwind.example"');
    expect(lead.text).toContain('rep bob_smith "bob.smith@northwind.example"');
    expect(lead.text).toContain('queue territory_ "territory"');
    expect(lead.text.match(/^rep bob_smith/gm)).toHaveLength(1);
  });

  test("the first entry that matches decides, in entry order", () => {
    // Matches entry 1 (size, country) and entry 6 (rating): entry 1 wins.
    const d = decide({ number_of_employees: "5,000", country: "Canada", rating: "Hot", state: "ON" });
    expect(d.territory?.id).toBe("entry_1");
    expect(d.owner).toEqual({ kind: "queue", id: "Enterprise_Leads" });
    const web = decide({ lead_source: "web", email: "jo@northwind.example" });
    expect(web.owner).toEqual({ kind: "rep", id: "ana_nunez" });
    expect(decide({ lead_source: "Web", email: "qa-test@x.example" }).territory?.id).not.toBe("entry_2");
  });

  test("formulas are translated: ISPICKVAL, NOT(ISBLANK), numeric comparison", () => {
    expect(lead.text).toContain('when industry == "Healthcare" and phone is set and annual_revenue > 5000000');
    expect(decide({ industry: "Healthcare", phone: "555-0100", annual_revenue: "$6M" }).owner?.id).toBe("territory_");
    expect(decide({ industry: "Healthcare", annual_revenue: "$6M" }).owner?.id).toBe("default_owner");
  });

  test("an entry without an assignee stops there and keeps the owner: the decision is unassigned", () => {
    const d = decide({ status: "Disqualified", rating: "Hot" });
    expect(d.territory?.id).toBe("entry_5");
    expect(d.status).toBe("unassigned");
  });

  test("a record no entry takes goes to the default owner (`otherwise`)", () => {
    const d = decide({ lead_source: "Trade Show" });
    expect(d.via).toBe("otherwise");
    expect(d.owner).toEqual({ kind: "queue", id: lead.report.defaultOwner });
  });

  test("a value in double quotes keeps its comma; state names resolve against the country", () => {
    expect(lead.text).toContain('when company starts with ["Acme, Inc", "Globex"]');
    expect(lead.text).toContain("state in [US-CA, US-OR]");
  });

  test("an untranslatable formula leaves its entry out, reported with the formula's line", () => {
    const formulaLine = leadXml.split("\n").findIndex((l) => l.includes("DATEVALUE")) + 1;
    expect(lead.report.untranslated).toContainEqual(expect.objectContaining({ kind: "formula", line: formulaLine, reason: "its formula: the function DATEVALUE has no Carve equivalent" }));
    expect(lead.report.entries[3]).toMatchObject({ order: 4, status: "untranslated", assignedTo: "Nurture_Queue" });
    expect(lead.text).toContain("# entry 4 (Nurture_Queue) is not imported: its formula: the function DATEVALUE has no Carve equivalent");
    expect(lead.report.counts).toEqual({
      ruleEntry: { read: 7, translated: 6, untranslated: 1 },
      criteriaItems: { read: 9, translated: 9, untranslated: 0 },
      booleanFilter: { read: 1, translated: 1, untranslated: 0 },
      formula: { read: 2, translated: 1, untranslated: 1 },
    });
    expect(lead.report.notes).toContainEqual(expect.objectContaining({ message: 'rule "Holiday Rules" is not imported: choose it with --rule' }));
  });

  test("--rule picks another rule by its name", () => {
    const holiday = importSalesforceAssignmentRules({ path: leadPath, text: leadXml, rule: "holiday rules" });
    expect(holiday.report.rule).toBe("Holiday Rules");
    expect(holiday.text).toContain("assign Holiday_Queue");
    expect(() => importSalesforceAssignmentRules({ path: leadPath, text: leadXml, rule: "Nope" })).toThrow(/no assignment rule named "Nope" \(the file has "Holiday Rules", "Standard Leads" \(active\)\)/);
  });

  test("a file without an active rule asks for --rule", () => {
    const text = leadXml.replace("<active>true</active>", "<active>false</active>");
    expect(() => importSalesforceAssignmentRules({ path: leadPath, text })).toThrow(ImportInputError);
    expect(() => importSalesforceAssignmentRules({ path: leadPath, text })).toThrow(/no active assignment rule: choose one with --rule/);
  });
});

describe("a Case assignment rule (old file name)", () => {
  const path = join(dir, "Case.assignmentRules");
  const r = importSalesforceAssignmentRules({ path, text: readFileSync(path, "utf8") });

  test("reads fields of related records as dotted fields", () => {
    expect(r.text).toMatch(/^record Case \{$/m);
    expect(r.text).toContain('when priority == "High" and account.name contains "Contoso"');
    const rt = loadArtifact(r.artifact!);
    expect(rt.evaluate({ id: "C-1", priority: "high", account: { name: "Contoso Ltd" } }).owner?.id).toBe("Tier_2");
    // `notEqual` holds on an empty field, as in Salesforce.
    expect(rt.evaluate({ id: "C-2" }).owner?.id).toBe("Tier_1");
    expect(rt.evaluate({ id: "C-3", origin: "Web" }).via).toBe("otherwise");
  });
});
