// `carve test PATH [--coverage] [--format text|json] [--as-of DATE]`: runs the ruleset's tests.
import { runTests, type TestReport } from "@carve/compiler";
import { parseAsOf } from "../as-of.js";
import { ExitCode, styleFor, useColor } from "../output.js";
import { loadRuntime } from "../runtime-load.js";
import { reportJson, reportText } from "../test-report.js";

export interface TestOptions {
  format: "text" | "json";
  coverage?: boolean;
  asOf?: string;
  color?: boolean;
}

export function runTestCommand(path: string, opts: TestOptions): number {
  const asOf = parseAsOf(opts.asOf);
  const loaded = loadRuntime(path, opts.color);
  if (!loaded) return ExitCode.Findings;
  const report: TestReport = runTests(loaded.compiled.program, loaded.runtime, { asOf, coverage: opts.coverage === true });
  if (opts.format === "json") process.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  else {
    const style = styleFor(useColor(process.stdout, opts.color));
    process.stdout.write(reportText(report, { style, fancy: Boolean(process.stdout.isTTY), entry: loaded.compiled.program.entry }));
  }
  return report.failed > 0 ? ExitCode.Findings : ExitCode.Ok;
}
