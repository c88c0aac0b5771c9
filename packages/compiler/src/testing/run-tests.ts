// Runs a ruleset's `test` blocks (SPEC 2.8) against its compiled runtime. Pure: no I/O, no clock
// except "today" for tests that state no date and get none from the caller.
import { givenRecord, LineIndex, type Program, type TestDecl } from "@carve/language";
import type { Runtime } from "@carve/runtime";
import { CoverageCollector } from "./coverage.js";
import { checkExpect } from "./expectations.js";
import type { AsOfSource, RunTestsOptions, TestReport, TestResult } from "./types.js";

/** Today's date in UTC (SPEC 2.6: the default `asOf`). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function runTests(program: Program, runtime: Runtime, options: RunTestsOptions = {}): TestReport {
  const asOf = options.asOf ?? todayUtc();
  const lines = lineIndexes(program);
  const coverage = options.coverage ? new CoverageCollector(program, runtime.artifact, lines) : undefined;
  const tests: TestResult[] = [];
  program.tests.forEach((test, i) => {
    const name = testName(test, program, lines);
    if (options.select && !options.select(name, i)) return;
    const r = evaluateTest(program, runtime, test, name, asOf, options.asOf !== undefined, lines);
    tests.push(r);
    coverage?.add(r.name, r.decision, runtime.conditionOutcomes(r.record, { asOf: r.asOf }));
  });
  const passed = tests.filter((t) => t.passed).length;
  const report: TestReport = { ruleset: runtime.artifact.ruleset.name, asOf, tests, passed, failed: tests.length - passed };
  if (coverage) report.coverage = coverage.result();
  return report;
}

/** One test, e.g. the one under a code lens. `asOf` is used when the test has no `as of`. */
export function runTest(program: Program, runtime: Runtime, test: TestDecl, asOf?: string): TestResult {
  const lines = lineIndexes(program);
  return evaluateTest(program, runtime, test, testName(test, program, lines), asOf ?? todayUtc(), asOf !== undefined, lines);
}

function evaluateTest(
  program: Program, runtime: Runtime, test: TestDecl, name: string, fallback: string, fromOption: boolean,
  lines: (file: string) => LineIndex | undefined,
): TestResult {
  const file = program.fileOf.get(test) ?? program.entry;
  const index = lines(file) ?? new LineIndex("");
  const own = test.asOf?.value;
  const asOf = own ?? fallback;
  const asOfSource: AsOfSource = own !== undefined ? "test" : fromOption ? "option" : "today";
  const record = givenRecord(test);
  // A dry run: round_robin counters and least_loaded loads do not move, so every test sees the
  // same starting state whatever runs before it.
  const decision = runtime.evaluate(record, { asOf, explain: true, sideEffects: false });
  const expectations = (test.expects ?? []).filter((e) => e !== undefined).flatMap((e) => checkExpect(e, decision, index));
  return {
    name, file, range: test.range, line: index.position(test.range.start).line + 1,
    asOf, asOfSource, record,
    passed: expectations.every((e) => e.passed),
    expectations, decision,
  };
}

function testName(test: TestDecl, program: Program, lines: (file: string) => LineIndex | undefined): string {
  if (test.name?.value !== undefined) return test.name.value;
  const file = program.fileOf.get(test) ?? program.entry;
  return `(unnamed test on line ${(lines(file)?.position(test.range.start).line ?? 0) + 1})`;
}

function lineIndexes(program: Program): (file: string) => LineIndex | undefined {
  const texts = new Map(program.files.map((f) => [f.uri, f.text]));
  const cache = new Map<string, LineIndex>();
  return (file) => {
    let idx = cache.get(file);
    if (!idx) {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      cache.set(file, (idx = new LineIndex(text)));
    }
    return idx;
  };
}
