// Every Territory2 model of the real corpus imports, formats canonically, checks without errors,
// counts what it read correctly, and decides generated accounts exactly as the tests' own
// interpreter of the Salesforce rules does. Skipped, with a message, when the corpus is absent.
import { basename } from "node:path";
import { describe, expect, test } from "vitest";
import { diffArtifacts, importSalesforceTerritories, metadataKind, type TerritoriesReport } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import { readModelFolder } from "../../packages/cli/src/import-files.js";
import { corpusDir, corpusPresent, displayName, interpreterModel, looseModelFolders, unpackArchives } from "./corpus.js";
import { expectCheckedAndCanonical, expectCounts, occurrences } from "./corpus-check.js";
import { carveRecord, fieldTypes, generateRecords } from "./gen-records.js";
import { assignTerritories, effectiveRules, primaryTerritory, type Schema } from "./sf-interpreter.js";

if (!corpusPresent) {
  test("Salesforce Territory2 corpus", () => {
    console.warn(`Salesforce corpus not found at ${corpusDir}: the Territory2 corpus tests did not run`);
    expect(corpusPresent).toBe(false);
  });
}

const RECORDS = 200;

function schemaOf(report: TerritoriesReport): Schema {
  const types = fieldTypes(report.fields, "Account");
  return (field) => {
    const t = types.get(field)?.type;
    return t === "int" || t === "number" || t === "money" ? "number" : t === "date" ? "date" : "text";
  };
}

describe.runIf(corpusPresent)("Salesforce Territory2 corpus", () => {
  const folders = corpusPresent ? [...looseModelFolders(), ...unpackArchives()] : [];

  test("the corpus holds the five Illumina quarters and the Lumon model", () => {
    expect(folders.filter((f) => /ILLUMINA_INC_20\d\dQ\d$/.test(f)).length).toBe(5);
    expect(folders.some((f) => basename(f) === "Lumon_Invest_Oy")).toBe(true);
  });

  test("carve diff between two Illumina quarters names what changed and says how far it got", () => {
    const quarter = (q: string) => {
      const dir = folders.find((f) => basename(f) === `ILLUMINA_INC_${q}`)!;
      return importSalesforceTerritories({ source: dir, files: readModelFolder(dir), fallbackName: basename(dir), analyze: false }).artifact!;
    };
    const d = diffArtifacts(quarter("2021Q1"), quarter("2021Q2"), { asOf: "2021-06-01" });
    // Q2 renamed a field every partner territory tests: hundreds of territories change.
    expect(d.changes.filter((c) => c.kind === "changed").length).toBeGreaterThan(100);
    // Never a silent "no change": either complete, or incomplete with its reasons.
    expect(d.complete || d.incomplete.length > 0).toBe(true);
    if (d.complete) expect(d.pairs.length).toBeGreaterThan(0);
  });

  for (const dir of folders) {
    test(`${displayName(dir)} imports, checks and decides like Salesforce`, () => {
      const files = readModelFolder(dir);
      const r = importSalesforceTerritories({ source: dir, files, fallbackName: basename(dir), analyze: true });
      expectCheckedAndCanonical(r);

      const texts = (kind: string) => files.filter((f) => metadataKind(f.path)?.kind === kind).map((f) => f.text);
      const rules = texts("territory2Rule");
      expectCounts(r, {
        rules: rules.length,
        ruleItems: rules.reduce((n, t) => n + occurrences(t, "<ruleItems>"), 0),
        booleanFilter: rules.filter((t) => /<booleanFilter>\s*\S/.test(t)).length,
        territories: texts("territory2").length,
      });

      // Decisions on generated accounts: Carve's overlays and owner against the interpreter.
      const report = r.report;
      const model = interpreterModel(dir, schemaOf(report));
      const runtime = loadArtifact(r.artifact!);
      const toSf = new Map(report.territories.flatMap((t) => (t.overlay ? [[t.overlay, t.salesforce], [t.territory!, t.salesforce]] : [])) as [string, string][]);
      // Aimed at single rules and at whole territories (all the rules a territory needs at once).
      const targets = [...model.rules.values()].map((x) => x.items);
      for (const rules of effectiveRules(model).values()) if (rules) targets.push(rules.flatMap((x) => x.items));
      const records = generateRecords(targets, fieldTypes(report.fields, "Account"), "Account", RECORDS, 7);
      let matched = 0;
      let primaries = 0;
      for (const rec of records) {
        const d = runtime.evaluate(carveRecord(rec, report.fields, "Account"), { asOf: "2027-01-01" });
        expect(d.status, JSON.stringify({ rec, errors: d.errors })).not.toBe("invalid");
        const sf = assignTerritories(model, rec);
        const carve = new Set(d.overlays.map((o) => toSf.get(o.territory)!).filter((n) => !sf.unknown.has(n)));
        expect([...carve].sort(), JSON.stringify(rec)).toEqual([...sf.matched].sort());
        matched += sf.matched.size > 0 ? 1 : 0;
        const best = primaryTerritory(model, sf.matched);
        const prio = (n: string) => model.priorities.get(model.territories.find((t) => t.name === n)?.type ?? "") ?? -Infinity;
        const undecided = [...sf.unknown].some((n) => best === undefined || prio(n) >= prio(best));
        if (undecided) continue;
        primaries++;
        expect(d.territory ? toSf.get(d.territory.id) : undefined, JSON.stringify(rec)).toBe(best);
        expect(d.via === "otherwise", JSON.stringify(rec)).toBe(best === undefined);
      }
      if (report.territories.some((t) => t.status === "translated" && t.territory)) {
        expect(matched, "some generated accounts fall in a territory").toBeGreaterThan(0);
        expect(primaries, "accounts whose single owner could be compared").toBeGreaterThan(RECORDS / 5);
      }
    });
  }
});
