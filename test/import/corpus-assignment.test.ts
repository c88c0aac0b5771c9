// Every assignment-rules file of the real corpus imports with what it could not translate
// reported, formats canonically, checks without errors, counts what it read correctly, and picks
// the same entry as the tests' interpreter on generated records. Skipped, with a message, when the
// corpus is absent.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { importSalesforceAssignmentRules, type AssignmentReport } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import { assignmentFiles, corpusDir, corpusPresent, displayName } from "./corpus.js";
import { expectCheckedAndCanonical, expectCounts, occurrences } from "./corpus-check.js";
import { carveRecord, fieldTypes, generateRecords, sfKey } from "./gen-records.js";
import { evalFormula } from "./sf-formula.js";
import { firstEntry, Unsupported, type Schema } from "./sf-interpreter.js";
import { blocks, readEntries, tag, type SfCriterion } from "./sf-metadata.js";

if (!corpusPresent) {
  test("Salesforce assignment-rules corpus", () => {
    console.warn(`Salesforce corpus not found at ${corpusDir}: the assignment-rules corpus tests did not run`);
    expect(corpusPresent).toBe(false);
  });
}

const RECORDS = 300;

/** Criteria to aim records at formulas too: the constants their field tests name. */
function formulaTargets(formula: string, object: string): SfCriterion[] {
  const out: SfCriterion[] = [];
  for (const m of formula.matchAll(/ISPICKVAL\(\s*([\w.]+)\s*,\s*["']([^"']*)["']\s*\)|([\w.]+)\s*==?\s*["']([^"']*)["']/gi)) {
    const field = m[1] ?? m[3];
    out.push({ field: sfKey(field, object), operation: "equals", value: `"${m[2] ?? m[4]}"` });
  }
  return out;
}

describe.runIf(corpusPresent)("Salesforce assignment-rules corpus", () => {
  for (const path of corpusPresent ? assignmentFiles() : []) {
    test(`${displayName(path)} imports, checks and picks the entries Salesforce picks`, () => {
      const xml = readFileSync(path, "utf8");
      const r = importSalesforceAssignmentRules({ path, text: xml, analyze: true });
      expectCheckedAndCanonical(r);
      const report = r.report as AssignmentReport;
      const object = /([A-Za-z]+)\.assignmentRules/.exec(path)![1];

      const rule = blocks(xml, "assignmentRule").find((b) => tag(b, "fullName") === report.rule)!;
      const entries = blocks(rule, "ruleEntry");
      expectCounts(r, {
        ruleEntry: entries.length,
        criteriaItems: occurrences(rule, "<criteriaItems>"),
        formula: entries.filter((e) => /<formula>\s*\S/.test(e)).length,
        booleanFilter: entries.filter((e) => /<booleanFilter>\s*\S/.test(e)).length,
      });
      expect(report.entries.length).toBe(entries.length);

      const defs = readEntries(xml, report.rule, object);
      const types = fieldTypes(report.fields, object);
      const schema: Schema = (f) => {
        const t = types.get(f)?.type;
        return t === "int" || t === "number" || t === "money" ? "number" : t === "date" ? "date" : "text";
      };
      const numeric = (f: string) => schema(f) === "number";
      const targets = defs.map((e) => (e.formula ? formulaTargets(e.formula, object) : e.items));
      const records = generateRecords(targets, types, object, RECORDS, 11);
      const runtime = loadArtifact(r.artifact!);
      const orderOf = new Map(report.entries.filter((e) => e.territory).map((e) => [e.territory!, e.order - 1]));
      let compared = 0;
      let hits = 0;
      for (const rec of records) {
        let expected: number;
        try {
          expected = firstEntry(defs, rec, schema, (f, x) => evalFormula(f, x, numeric));
        } catch (e) {
          if (e instanceof Unsupported) continue; // an entry before the match cannot be evaluated
          throw e;
        }
        const d = runtime.evaluate(carveRecord(rec, report.fields, object), { asOf: "2027-01-01" });
        expect(d.status, JSON.stringify({ rec, errors: d.errors })).not.toBe("invalid");
        const got = d.via === "otherwise" ? -1 : orderOf.get(d.territory!.id)!;
        expect(got, JSON.stringify(rec)).toBe(expected);
        compared++;
        if (expected >= 0) hits++;
      }
      // When the first entry is not translated, whether a record passes it may never be decided.
      if (report.entries[0]?.status === "translated") {
        expect(compared, "records whose first match could be decided").toBeGreaterThan(0);
        expect(hits, "records matching an entry").toBeGreaterThan(0);
      }
    });
  }
});
