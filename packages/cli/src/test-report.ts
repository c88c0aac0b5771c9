// How `carve test` shows a TestReport: ok/FAILED per test, then each failure with expected vs
// actual, the record, the decision and its trace; the "N passed, N failed" line; coverage tables.
import type { Coverage, TestReport, TestResult } from "@carve/compiler";
import type { Style } from "@carve/language";
import { displayPath } from "./output.js";
import { count, plural, table } from "./summary-table.js";
import { decisionText, entryFileName, traceText } from "./trace-text.js";

export interface ReportTextOptions {
  style: Style;
  /** the ruleset's entry file: trace conditions name files relative to its folder */
  entry: string;
  /** ✓/✗ on a terminal; plain `ok`/`FAILED` otherwise (logs, CI) */
  fancy: boolean;
}

export function reportText(r: TestReport, { style, fancy, entry }: ReportTextOptions): string {
  const fileName = entryFileName(entry);
  const out: string[] = [];
  const n = r.tests.length;
  out.push(`running ${plural(n, "test")} of ${r.ruleset} (as of ${r.asOf} unless a test says \`as of\`)`, "");
  const ok = fancy ? style.bold("✓") : "ok    ";
  const bad = fancy ? style.error("✗") : style.error("FAILED");
  for (const t of r.tests) out.push(`${t.passed ? ok : bad} ${t.name}`);
  const failures = r.tests.filter((t) => !t.passed);
  if (failures.length > 0) {
    out.push("", style.bold("failures:"));
    for (const t of failures) out.push("", failureText(t, style, fileName));
  }
  if (r.coverage) out.push("", coverageText(r.coverage, style));
  const line = `${r.passed} passed, ${r.failed} failed`;
  out.push("", r.failed > 0 ? style.error(line) : style.bold(line));
  return `${out.join("\n")}\n`;
}

function failureText(t: TestResult, style: Style, fileName: (f: string) => string): string {
  const out: string[] = [];
  const source = t.asOfSource === "today" ? " (today)" : t.asOfSource === "option" ? " (--as-of)" : "";
  out.push(style.bold(`--- ${t.name}`) + style.dim(`  (${displayPath(t.file)}:${t.line}, as of ${t.asOf}${source})`));
  for (const e of t.expectations.filter((x) => !x.passed)) {
    out.push(`  ${style.error("expected")} ${e.expected}  ${style.dim(`(line ${e.line})`)}`);
    out.push(`  ${style.error("actual")}   ${e.actual}`);
  }
  out.push(`  record:   ${JSON.stringify(t.record)}`);
  out.push("  decision:");
  out.push(decisionText(t.decision, { style, indent: "    " }));
  if (t.decision.trace && t.decision.trace.length > 0) {
    out.push("  trace:");
    out.push(traceText(t.decision.trace, { style, indent: "    ", fileName }));
  }
  return out.join("\n");
}

export function coverageText(c: Coverage, style: Style): string {
  const where = (file: string, line: number) => style.dim(`${displayPath(file)}:${line}`);
  const tests = (ts: string[]) => (ts.length === 0 ? style.warning("0") : count(ts.length));
  const s = c.summary;
  const out: string[] = [style.bold("coverage:"), ""];
  out.push(`territories: ${s.territories.reached} of ${s.territories.total} reached by a test`);
  out.push(table(
    [{ header: "territory" }, { header: "tests", align: "right" }, { header: "where" }],
    c.territories.map((t) => [t.overlay ? `${t.id} (overlay)` : t.id, tests(t.tests), where(t.file, t.line)]),
  ));
  if (c.overrides.length > 0) {
    out.push("", `overrides: ${s.overrides.reached} of ${s.overrides.total} matched by a test`);
    out.push(table(
      [{ header: "override" }, { header: "tests", align: "right" }, { header: "where" }],
      c.overrides.map((o) => [o.id, tests(o.tests), where(o.file, o.line)]),
    ));
  }
  if (c.conditions.length > 0) {
    out.push("", `conditions: ${s.branches.covered} of ${s.branches.total} branches covered (a condition needs a test where it is true and one where it is false)`);
    const seen = (b: boolean) => (b ? "yes" : style.warning("no"));
    out.push(table(
      [{ header: "condition" }, { header: "true" }, { header: "false" }, { header: "where" }],
      c.conditions.map((x) => [x.text, seen(x.seenTrue), seen(x.seenFalse), where(x.file, x.line)]),
    ));
  }
  return out.join("\n");
}

/** The stable JSON of `carve test --format json`: paths as shown on the terminal, traces only for failures. */
export function reportJson(r: TestReport): unknown {
  return {
    ruleset: r.ruleset,
    asOf: r.asOf,
    summary: { passed: r.passed, failed: r.failed, total: r.tests.length },
    tests: r.tests.map((t) => {
      const { trace, ...decision } = t.decision;
      return {
        name: t.name,
        file: displayPath(t.file),
        line: t.line,
        asOf: t.asOf,
        asOfSource: t.asOfSource,
        passed: t.passed,
        expectations: t.expectations.map((e) => ({ kind: e.kind, expected: e.expected, actual: e.actual, passed: e.passed, line: e.line })),
        record: t.record,
        decision: t.passed ? decision : { ...decision, ...(trace ? { trace } : {}) },
      };
    }),
    ...(r.coverage ? { coverage: coverageJson(r.coverage) } : {}),
  };
}

function coverageJson(c: Coverage): unknown {
  const item = <T extends { file: string }>(x: T): T => ({ ...x, file: displayPath(x.file) });
  return {
    summary: c.summary,
    territories: c.territories.map(item),
    overrides: c.overrides.map(item),
    conditions: c.conditions.map(item),
  };
}
