// runTests (packages/compiler/src/testing) on in-memory rulesets: the pure core of `carve test`
// and of the language server's test code lenses.
import { compileProgram, runTests, type TestReport } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { loadArtifact } from "@carve/runtime";
import { describe, expect, it } from "vitest";

const PLAN = `ruleset t
record Lead { id: string key  country: country  employees: int  industry: enum(software, fintech)?  account.owner: rep? }
rep alice
rep bob
rep carol { away 2027-01-01..2027-01-31 }
team duo { members alice, bob  strategy round_robin }
queue fin
override owned { when account.owner is set  assign account.owner }
territories first {
  territory us "United States" {
    when country == US
    assign duo
    territories first {
      territory big { when employees >= 1000  assign carol }
    }
  }
  otherwise fin
}
overlays {
  territory fintech { when industry == fintech  assign fin }
}
`;

function run(tests: string, options: Parameters<typeof runTests>[2] = {}): TestReport {
  const program = loadProgram("/p/plan.carve", new MemoryHost({ "/p/plan.carve": PLAN + tests }));
  const compiled = compileProgram(program);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return runTests(program, loadArtifact(compiled.artifact!), options);
}

describe("runTests", () => {
  it("passes every kind of expectation that holds", () => {
    const r = run(`
test "team" { given { id: "1", country: US, employees: 5 }  expect territory us  expect owner in duo  expect owner alice via territory us }
test "override" { given { id: "2", country: US, employees: 5, account.owner: "carol" }  expect owner carol via override owned }
test "otherwise" { given { id: "3", country: FR, employees: 5, industry: fintech }  expect owner fin via otherwise  expect overlay fintech }
test "invalid" { given { id: "4", country: "Atlantis", employees: 5 }  expect invalid country }
`);
    expect(r.tests.map((t) => [t.name, t.passed])).toEqual([["team", true], ["override", true], ["otherwise", true], ["invalid", true]]);
    expect(r.passed).toBe(4);
    expect(r.failed).toBe(0);
    // `… via …` is two checks
    expect(r.tests[0].expectations.map((e) => e.kind)).toEqual(["territory", "owner-in", "owner", "via"]);
  });

  it("says what was expected and what the decision had, with the trace", () => {
    const r = run(`
test "wrong" {
  given { id: "1", country: US, employees: 5000 }
  expect territory us
  expect owner bob via territory us
  expect overlay fintech
  expect invalid employees
}`, { asOf: "2027-03-01" });
    const t = r.tests[0];
    expect(t.passed).toBe(false);
    expect(t.asOf).toBe("2027-03-01");
    expect(t.asOfSource).toBe("option");
    expect(t.expectations.map((e) => [e.expected, e.actual, e.passed])).toEqual([
      ["territory us", "territory us.big", false],
      ["owner bob", "owner carol (rep)", false],
      ["via territory us", "via territory us.big", false],
      ["overlay fintech", "no overlays", false],
      ["invalid employees", "a valid record (assigned to carol (rep) via territory us.big)", false],
    ]);
    expect(t.expectations[0].line).toBe(PLAN.split("\n").length + 3);
    expect(t.decision.trace?.some((e) => e.step === "territory" && e.territory === "us.big" && e.result === "matched")).toBe(true);
  });

  it("uses the test's own `as of` over the option, and is a dry run", () => {
    // carol is away in January 2027: the record walks up to the team, which rotates; a dry run
    // means both tests see the same first turn.
    const r = run(`
test "away" { as of 2027-01-15  given { id: "1", country: US, employees: 5000 }  expect owner alice via territory us }
test "away again" { as of 2027-01-15  given { id: "2", country: US, employees: 5000 }  expect owner alice via territory us }
`, { asOf: "2027-03-01" });
    expect(r.tests.map((t) => [t.asOf, t.asOfSource, t.passed])).toEqual([["2027-01-15", "test", true], ["2027-01-15", "test", true]]);
  });

  it("reports the reasons when a record is unexpectedly invalid", () => {
    const r = run(`test "oops" { given { id: "1", country: "Atlantis", employees: 5 }  expect invalid country  expect territory us }`);
    expect(r.tests[0].passed).toBe(false);
    expect(r.tests[0].expectations.map((e) => e.passed)).toEqual([true, false]);
    expect(r.tests[0].expectations[1].actual).toMatch(/^the record is invalid: country: "Atlantis" is not a country/);
  });

  it("measures coverage of territories, overrides and condition branches", () => {
    const r = run(`
test "small" { given { id: "1", country: US, employees: 5 }  expect territory us }
test "fr" { given { id: "2", country: FR, employees: 5 }  expect owner fin }
`, { coverage: true });
    const c = r.coverage!;
    const reached = Object.fromEntries(c.territories.map((t) => [t.id, t.tests]));
    expect(reached).toEqual({ us: ["small"], "us.big": [], fintech: [] });
    expect(c.territories.find((t) => t.id === "fintech")?.overlay).toBe(true);
    expect(c.overrides).toMatchObject([{ id: "owned", tests: [], file: "/p/plan.carve", line: 8 }]);
    const cond = (text: string) => c.conditions.find((x) => x.text === text)!;
    expect(cond("country == US")).toMatchObject({ seenTrue: true, seenFalse: true, file: "/p/plan.carve", line: 11 });
    expect(cond("employees >= 1000")).toMatchObject({ seenTrue: false, seenFalse: true });
    expect(cond("industry == fintech")).toMatchObject({ seenTrue: false, seenFalse: true });
    expect(c.summary.territories).toEqual({ reached: 1, total: 3 });
    expect(c.summary.branches.total).toBe(c.conditions.length * 2);
  });

  it("runs only the selected tests", () => {
    const r = run(`
test "a" { given { id: "1", country: US, employees: 5 }  expect territory us }
test "b" { given { id: "2", country: US, employees: 5 }  expect territory us.big }
`, { select: (name) => name === "b" });
    expect(r.tests.map((t) => t.name)).toEqual(["b"]);
    expect(r.failed).toBe(1);
  });
});
