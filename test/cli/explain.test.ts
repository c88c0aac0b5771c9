import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carve } from "./helpers.js";

const LEAD = JSON.stringify({ id: "L-9", country: "usa", region: "OR", employees: "1,500", industry: "Software", source: "inbound" });

describe("carve explain", () => {
  it("shows the decision, then every step with the failed conditions and the record's values", () => {
    const r = carve(["explain", "examples/acme", "--record", LEAD, "--as-of", "2027-01-10"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^decision\n\s+record\s+L-9\n\s+status\s+assigned\n\s+owner\s+\w+ \(rep, team west_ae\)\n\s+territory\s+na\.west\.west_ent "West Enterprise"/);
    expect(out).toMatch(/via\s+territory na\.west\.west_ent/);
    expect(out).toMatch(/as of\s+2027-01-10/);
    expect(out).toMatch(/ 1\. territory `healthcare` did not match \(first group\)\n\s+`industry == healthcare` is false: industry = "software", given "Software"\s+\(examples\/acme\/acme\.carve:43\)/);
    expect(out).toMatch(/territory `na\.east` did not match \(unique group\)\n\s+`region not in \[US-CA, [^\]]*\]` is false: region = "US-OR", given "OR"\s+\(examples\/acme\/acme\.carve:58, from `region not in west_states`\)/);
    expect(out).toMatch(/override `keep_owner` did not match\n\s+`account\.status == customer` is false: account\.status has no value/);
    expect(out).toMatch(/\d+\. team `west_ae` hashes "L-9": `\w+` has the highest score/);
    expect(out).toMatch(/\d+\. assigned to `\w+` \(team `west_ae`\) via territory na\.west\.west_ent/);
  });

  it("answers --why-not, and suggests a territory for a typo", () => {
    const r = carve(["explain", "examples/acme", "--record", LEAD, "--why-not", "na.east"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/why not na\.east\?\n\s+- `na\.east` does not match:\n\s+`region not in \[[^\]]*\]` is false: region = "US-OR", given "OR"/);
    const typo = carve(["explain", "examples/acme", "--record", LEAD, "--why-not", "na.wst"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--why-not: there is no territory `na.wst`; did you mean `na.west`");
  });

  it("prints the runtime's decision as JSON, with the trace and whyNot", () => {
    const r = carve(["explain", "examples/acme", "--record", LEAD, "--why-not", "na.canada", "--format", "json", "--as-of", "2027-01-10"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({
      status: "assigned",
      key: "L-9",
      asOf: "2027-01-10",
      territory: { id: "na.west.west_ent", path: ["na", "na.west", "na.west.west_ent"] },
      owner: { kind: "rep", team: "west_ae" },
      via: "territory na.west.west_ent",
      ruleset: { name: "acme" },
      whyNot: { territory: "na.canada", matched: false, reasons: [{ kind: "no-match", territory: "na.canada" }] },
    });
    expect(d.trace[0]).toMatchObject({ step: "territory", territory: "healthcare", result: "no-match" });
    expect(d.trace.at(-1)).toMatchObject({ step: "assigned" });
  });

  it("treats an invalid record as a normal answer: status invalid with every reason, exit 0", () => {
    const r = carve(["explain", "examples/acme", "--record", '{"id": "X", "country": "Atlantis", "employees": "many"}']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/status\s+invalid/);
    expect(r.stdout).toContain('country: "Atlantis" is not a country');
    expect(r.stdout).toContain('employees: "many" is not a number');
    expect(r.stdout).toContain("industry: `industry` is required but has no value");
    const json = JSON.parse(carve(["explain", "examples/acme", "--record", "[1]", "--format", "json"]).stdout);
    expect(json).toMatchObject({ status: "invalid", errors: [{ field: "(record)" }] });
  });

  it("reads the record from a file with @FILE", () => {
    const dir = mkdtempSync(join(tmpdir(), "carve-explain-"));
    const file = join(dir, "lead.json");
    writeFileSync(file, `{\n  "id": "L-2", "country": "US", "region": "US-NY", "employees": 40,\n  "industry": "retail", "source": "inbound",\n  "account": { "status": "customer", "owner": "bob" }\n}\n`);
    const r = carve(["explain", "examples/acme", "--record", `@${file}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/owner\s+bob \(rep\)/);
    expect(r.stdout).toMatch(/via\s+override keep_owner/);
  });

  it("exits 2 with a precise message on malformed JSON", () => {
    const bad = carve(["explain", "examples/acme", "--record", '{"id": "L-1",\n "country": }']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: --record is not valid JSON: unexpected token '}' at line 2, column 13");
    const dir = mkdtempSync(join(tmpdir(), "carve-explain-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, '{"id": "L-1", "country" "US"}');
    const inFile = carve(["explain", "examples/acme", "--record", `@${file}`]);
    expect(inFile.code).toBe(2);
    expect(inFile.stderr).toMatch(/broken\.json is not valid JSON: .* at line 1, column 25/);
  });

  it("exits 2 on a missing file, a path without @ and a missing --record", () => {
    const missing = carve(["explain", "examples/acme", "--record", "@no/such/lead.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file: no/such/lead.json");
    const noAt = carve(["explain", "examples/acme", "--record", "examples/acme/acme.carve"]);
    expect(noAt.code).toBe(2);
    expect(noAt.stderr).toContain("to read the file, write --record @examples/acme/acme.carve");
    const none = carve(["explain", "examples/acme"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--record");
  });
});
