import { describe, expect, it } from "vitest";
import { carve } from "./helpers.js";

const FAILING = "test/fixtures/cli/failing-tests";
const SMALL = "test/fixtures/cli/assign";

describe("carve test", () => {
  it("passes the bundled example's tests", () => {
    const r = carve(["test", "examples/acme"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok     A big Californian software lead goes to West Enterprise");
    expect(r.stdout).toMatch(/^3 passed, 0 failed$/m);
  });

  it("exits 1 on a failing test and shows expected vs actual and the trace", () => {
    const r = carve(["test", FAILING]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain("ok     A small US lead goes to Alice");
    expect(out).toContain("FAILED A big US lead goes to Alice (wrong on purpose)");
    expect(out).toMatch(/--- A big US lead goes to Alice \(wrong on purpose\)\s+\(test\/fixtures\/cli\/failing-tests\/plan\.carve:29, as of \d{4}-\d\d-\d\d \(today\)\)/);
    expect(out).toMatch(/expected territory us\s+\(line 31\)\n\s+actual\s+territory us\.big/);
    expect(out).toMatch(/expected owner alice\s+\(line 32\)\n\s+actual\s+owner bob \(rep\)/);
    // the trace: numbered steps down to the owner
    expect(out).toMatch(/1\. territory `us` matched/);
    expect(out).toMatch(/2\. territory `us\.big` matched/);
    expect(out).toMatch(/4\. assigned to rep `bob` via territory us\.big/);
    // a test's own `as of` is used, and a failed condition shows the record's value and where it is written
    expect(out).toMatch(/--- A French lead is unassigned \(wrong on purpose\)\s+\(\S+plan\.carve:34, as of 2027-03-01\)/);
    expect(out).toMatch(/expected unassigned\s+\(line 37\)\n\s+actual\s+assigned to triage \(queue\) via otherwise/);
    expect(out).toContain('`country == US` is false: country = "FR"  (test/fixtures/cli/failing-tests/plan.carve:15)');
    expect(out).toMatch(/^1 passed, 2 failed$/m);
  });

  it("uses --as-of for tests without their own date, and rejects a bad one", () => {
    const r = carve(["test", FAILING, "--as-of", "2027-01-15"]);
    expect(r.stdout).toMatch(/plan\.carve:29, as of 2027-01-15 \(--as-of\)/);
    const bad = carve(["test", FAILING, "--as-of", "2027-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of "2027-02-30" is not a date');
  });

  it("reports coverage: territories, overrides and condition branches", () => {
    const r = carve(["test", SMALL, "--coverage"]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain("territories: 4 of 4 reached by a test");
    expect(out).toMatch(/^\s+fin \(overlay\)\s+1\s+test\/fixtures\/cli\/assign\/plan\.carve:37$/m);
    expect(out).toContain("overrides: 1 of 1 matched by a test");
    expect(out).toContain("conditions: 9 of 10 branches covered");
    expect(out).toMatch(/^\s+country == CA\s+yes\s+no\s+\S+plan\.carve:30$/m);
    expect(out).toMatch(/^\s+country == US\s+yes\s+yes\s/m);
    const acme = carve(["test", "examples/acme", "--coverage"]);
    expect(acme.stdout).toMatch(/^\s+na\.canada\s+0\s+examples\/acme\/acme\.carve:61$/m);
    expect(acme.stdout).toMatch(/^\s+named_accounts\s+0\s/m);
  });

  it("prints a stable JSON report", () => {
    const r = carve(["test", FAILING, "--format", "json", "--as-of", "2027-01-15"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["ruleset", "asOf", "summary", "tests"]);
    expect(json).toMatchObject({ ruleset: "failing", asOf: "2027-01-15", summary: { passed: 1, failed: 2, total: 3 } });
    const [ok, big] = json.tests;
    expect(Object.keys(big)).toEqual(["name", "file", "line", "asOf", "asOfSource", "passed", "expectations", "record", "decision"]);
    expect(big).toMatchObject({
      name: "A big US lead goes to Alice (wrong on purpose)",
      file: "test/fixtures/cli/failing-tests/plan.carve",
      line: 29,
      asOfSource: "option",
      passed: false,
      record: { id: "T-2", country: "United States", employees: 5000 },
      decision: { status: "assigned", owner: { kind: "rep", id: "bob" }, territory: { id: "us.big" } },
    });
    expect(big.expectations[1]).toEqual({ kind: "owner", expected: "owner alice", actual: "owner bob (rep)", passed: false, line: 32 });
    // traces only for failures
    expect(Array.isArray(big.decision.trace)).toBe(true);
    expect(ok.decision.trace).toBeUndefined();
    const cov = JSON.parse(carve(["test", SMALL, "--format", "json", "--coverage"]).stdout).coverage;
    expect(cov.summary).toEqual({ territories: { reached: 4, total: 4 }, overrides: { reached: 1, total: 1 }, branches: { covered: 9, total: 10 } });
    expect(cov.conditions[0]).toEqual({ condition: 0, text: "country == US", file: "test/fixtures/cli/assign/plan.carve", line: 23, seenTrue: true, seenFalse: true });
  });

  it("exits 1 when the ruleset does not compile, and 2 when the path is missing", () => {
    const broken = carve(["test", "test/fixtures/cli/three-problems"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/cannot compile .*3 errors/);
    const missing = carve(["test", "no/such/place"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or folder: no/such/place");
  });
});
