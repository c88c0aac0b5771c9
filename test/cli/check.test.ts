import { describe, expect, it } from "vitest";
import { carve } from "./helpers.js";

describe("carve check", () => {
  it("finds the bundled examples clean", () => {
    const r = carve(["check", "examples/acme"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/checked 1 ruleset, 2 files: (no problems|[^\n]*warning|[^\n]*info)/);
    expect(r.stdout).not.toMatch(/error\[/);
    const saas = carve(["check", "examples/saas"]);
    expect(saas.code).toBe(0);
  });

  it("reports a typo, a wrong type and a duplicate name with fixes", () => {
    const r = carve(["check", "test/fixtures/cli/three-problems"]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    // rustc-style header, location, code frame with carets and a help line
    expect(out).toMatch(/error\[CARVE0\d\d\]: .*helthcare/);
    expect(out).toContain("--> test/fixtures/cli/three-problems/plan.carve:16:");
    expect(out).toMatch(/16 \|\s+when industry == helthcare\n\s+\|\s+\^{9}/);
    expect(out).toMatch(/help: .*`healthcare`/);
    expect(out).toMatch(/error\[CARVE024\]: .*alice/);
    expect(out).toMatch(/error\[CARVE041\]: .*employees/);
    expect(out).toMatch(/3 errors/);
  });

  it("finds an overlap, a shadowed territory and a gap, each with a witness record", () => {
    const r = carve(["check", "test/fixtures/cli/three-findings", "--format", "json"]);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; witness?: Record<string, unknown>; message: string }[] };
    const byCode = (c: string) => diagnostics.filter((d) => d.code === c);
    const [overlap] = byCode("CARVE070");
    expect(overlap).toMatchObject({ line: 22, witness: { country: "US", industry: "software" } });
    expect(overlap.witness?.employees).toBeGreaterThanOrEqual(1000);
    const [shadowed] = byCode("CARVE071");
    expect(shadowed).toMatchObject({ line: 29, witness: { country: "US" } });
    const [gap] = byCode("CARVE073");
    expect(gap.line).toBe(14);
    expect(["US", "CA"]).not.toContain(gap.witness?.country);
    const text = carve(["check", "test/fixtures/cli/three-findings"]).stdout;
    expect(text).toContain("`software` and `big` both match e.g. {id: \"x\", country: US, industry: software, employees: 1000}");
    expect(text).toMatch(/`us` can never match: every record it matches is taken by `na` above/);
  });

  it("prints JSON for machines with 1-based positions", () => {
    const r = carve(["check", "test/fixtures/cli/three-problems/plan.carve", "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics).toHaveLength(3);
    const typo = json.diagnostics.find((d) => String(d.message).includes("helthcare"));
    expect(typo).toMatchObject({
      code: "CARVE042",
      severity: "error",
      file: "test/fixtures/cli/three-problems/plan.carve",
      line: 16,
      column: 22,
      endLine: 16,
      endColumn: 31,
    });
    expect(typeof typo?.help).toBe("string");
    for (const d of json.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn"]));
    }
  });

  it("writes SARIF 2.1.0 for code scanning, with rules, regions and the other rule as a related location", () => {
    const r = carve(["check", "test/fixtures/cli/three-findings", "--format", "sarif"]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    expect(run.tool.driver.name).toBe("carve");
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toEqual([...ruleIds].sort());
    const overlap = run.results.find((x: { ruleId: string }) => x.ruleId === "CARVE070");
    expect(ruleIds[overlap.ruleIndex]).toBe("CARVE070");
    expect(overlap.level).toBe("error");
    expect(overlap.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: "test/fixtures/cli/three-findings/plan.carve", uriBaseId: "%SRCROOT%" },
      region: { startLine: 22 },
    });
    expect(overlap.relatedLocations.length).toBeGreaterThan(0);
    expect(overlap.properties.witness).toMatchObject({ country: "US", industry: "software" });
    expect(overlap.message.text).toContain("both match e.g.");
  });

  it("writes GitHub workflow annotations, one line per diagnostic, escaped", () => {
    const r = carve(["check", "test/fixtures/cli/three-problems/plan.carve", "--format", "github"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const annotations = lines.filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(3);
    const typo = annotations.find((l) => l.includes("helthcare"))!;
    expect(typo).toMatch(/^::error file=test\/fixtures\/cli\/three-problems\/plan\.carve,line=16,endLine=16,col=22,endColumn=31,title=CARVE042::/);
    // the help sits on its own line of the annotation: escaped, so the command stays one line
    expect(typo).toContain("%0A");
    expect(lines.at(-1)).toMatch(/3 errors/);
  });

  it("reports syntax errors like a person wrote them", () => {
    const r = carve(["check", "test/fixtures/cli/syntax-error"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\[CARVE004\]: expected `\{` after the territory (name|label)[^\n]*found `when`/);
  });

  it("exits 2 on a missing path, an unknown flag or a missing argument", () => {
    const missing = carve(["check", "no/such/place"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or folder: no/such/place");
    const flag = carve(["check", "examples/acme", "--fromat", "json"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--fromat'/);
    expect(flag.stderr).toMatch(/Did you mean --format\?/);
    const bad = carve(["check", "examples/acme", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(carve(["check"]).code).toBe(2);
    const cmd = carve(["chek", "examples"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/Did you mean check\?/);
  });

  it("has help on every command and colours only when asked", () => {
    for (const c of [[], ["check"], ["fmt"]]) {
      const r = carve([...c, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Usage: carve");
    }
    const plain = carve(["check", "test/fixtures/cli/three-problems"]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = carve(["check", "test/fixtures/cli/three-problems"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });
});
