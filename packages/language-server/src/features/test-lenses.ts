// Code lenses over `test` blocks: "Run test", and once it ran, whether it passed. A result is shown
// while the test's own text is unchanged since the run (then the lens offers to run it again).
import type { TestDecl } from "@carve/language";
import type { TestResult } from "@carve/compiler";
import type { CodeLens } from "vscode-languageserver";
import { toRange, uriOf } from "../positions.js";
import type { Workspace } from "../workspace.js";

export const RUN_TEST_COMMAND = "carve.runTest";

interface LastRun {
  passed: boolean;
  /** the first failed expectation, in words */
  failure?: string;
  /** the test block's source when it ran */
  source: string;
}

/** The last result of each test, by file and test name. */
export class TestResults {
  private readonly runs = new Map<string, LastRun>();

  record(file: string, source: string, result: TestResult): void {
    const failed = result.expectations.find((e) => !e.passed);
    this.runs.set(key(file, result.name), {
      passed: result.passed,
      ...(failed ? { failure: `expected ${failed.expected}, got ${failed.actual}` } : {}),
      source,
    });
  }

  /** The last run of a test, unless its text changed since. */
  get(file: string, name: string, source: string): LastRun | undefined {
    const run = this.runs.get(key(file, name));
    return run && run.source === source ? run : undefined;
  }
}

const key = (file: string, name: string) => `${file}\u0000${name}`;

/** The tests written in `file`, in its program (the file's own ruleset). */
export function testsIn(ws: Workspace, file: string): TestDecl[] {
  const program = ws.programFor(file);
  return program.tests.filter((t) => t?.name && (program.fileOf.get(t) ?? program.entry) === file);
}

export function testLenses(ws: Workspace, file: string, results: TestResults): CodeLens[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  return testsIn(ws, file).map((t) => {
    const name = t.name.value;
    const run = results.get(file, name, text.slice(t.range.start, t.range.end));
    const title = !run ? "▶ Run test" : run.passed ? "✓ Passed · run again" : `✗ Failed: ${run.failure ?? "see the results"} · run again`;
    return {
      range: toRange(text, { start: t.range.start, end: t.name.range.end }),
      command: { title, command: RUN_TEST_COMMAND, arguments: [uriOf(file), name] },
    };
  });
}
