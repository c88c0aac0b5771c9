// The server's `workspace/executeCommand` commands, for code lenses and the VS Code extension.
// Each works on the documents as the editor holds them. Arguments are positional or one object:
//
//   carve.runTest      [uri, name?]  or  [{ uri, name? }]
//     Runs the test named `name` of the file at `uri`, or every test written in that file.
//     → { tests: [{ name, passed, line, asOf, expectations: [{ kind, expected, actual, passed, line }] }],
//         passed, failed }
//   carve.showCompiled [uri]  or  [{ uri }]
//     → { uri, text }: the compiled artifact (decision tables) of the file's ruleset as canonical JSON.
//   carve.explain      [uri, record, { asOf?, whyNot? }?]  or  [{ uri, record, asOf?, whyNot? }]
//     → the runtime's Decision for `record` with its trace (and `whyNot` for that territory id),
//       evaluated as a dry run (no round_robin counter moves).
//
// A ruleset with errors has no compiled rules: the commands then fail with a ResponseError saying
// which errors to fix first; so do unknown URIs, tests and territories.
import { artifactJson, runTest, type TestResult } from "@carve/compiler";
import { basename } from "node:path";
import { closest } from "@carve/values";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { lineIndex, pathOf } from "./positions.js";
import { RUN_TEST_COMMAND, testsIn, type TestResults } from "./features/test-lenses.js";
import type { Compiled, Workspace } from "./workspace.js";

export const COMMANDS = {
  runTest: RUN_TEST_COMMAND,
  showCompiled: "carve.showCompiled",
  explain: "carve.explain",
} as const;

export interface TestRunSummary {
  tests: { name: string; passed: boolean; line: number; asOf: string; expectations: TestResult["expectations"] }[];
  passed: number;
  failed: number;
}

/** Runs a command; throws ResponseError for bad arguments and rulesets that cannot run. */
export function executeCommand(ws: Workspace, results: TestResults, command: string, args: unknown[] = []): unknown {
  switch (command) {
    case COMMANDS.runTest: {
      const { file, rest } = target(ws, args, "name");
      const name = typeof rest.name === "string" ? rest.name : undefined;
      return runTests(ws, results, file, name);
    }
    case COMMANDS.showCompiled: {
      const { file, uri } = target(ws, args);
      const artifact = compiledOrFail(ws, file).result.artifact!;
      return { uri, text: artifactJson(artifact) };
    }
    case COMMANDS.explain: {
      const { file, rest } = target(ws, args, "record", "options");
      const options = (typeof rest.options === "object" && rest.options !== null ? rest.options : rest) as Record<string, unknown>;
      const runtime = compiledOrFail(ws, file).runtime();
      if (!runtime) throw new ResponseError(ErrorCodes.InternalError, "the compiled rules could not be loaded");
      const whyNot = typeof options.whyNot === "string" ? options.whyNot : undefined;
      if (whyNot !== undefined) checkTerritory(whyNot, runtime.artifact.territories.map((t) => t.id));
      return runtime.evaluate(rest.record, {
        explain: true,
        sideEffects: false,
        ...(typeof options.asOf === "string" ? { asOf: options.asOf } : {}),
        ...(whyNot !== undefined ? { whyNot } : {}),
      });
    }
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command \`${command}\`; the Carve server runs ${Object.values(COMMANDS).join(", ")}`);
  }
}

/** The file the arguments name: `[uri, a, b]` or `[{ uri, a, b }]`, with the other arguments by name. */
function target(ws: Workspace, args: unknown[], ...names: string[]): { file: string; uri: string; rest: Record<string, unknown> } {
  const list = Array.isArray(args) ? args : [];
  const first = list[0];
  let uri: unknown;
  let rest: Record<string, unknown> = {};
  if (typeof first === "object" && first !== null && !Array.isArray(first)) {
    rest = first as Record<string, unknown>;
    uri = rest.uri;
  } else {
    uri = first;
    names.forEach((n, i) => (rest[n] = list[i + 1]));
  }
  if (typeof uri !== "string" || uri === "") throw new ResponseError(ErrorCodes.InvalidParams, "the command needs the document's URI as its first argument");
  const file = pathOf(uri);
  if (ws.readFile(file) === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${uri}`);
  return { file, uri, rest };
}

function compiledOrFail(ws: Workspace, file: string): Compiled {
  const compiled = ws.compiledFor(file);
  if (compiled.result.artifact) return compiled;
  const errors = compiled.result.diagnostics.filter((d) => d.severity === "error");
  const shown = errors.slice(0, 3).map((d) => {
    const line = lineIndex(ws.readFile(d.file) ?? "").position(d.range.start).line + 1;
    return `${d.code} ${d.message} (${basename(d.file)}:${line})`;
  });
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
  throw new ResponseError(ErrorCodes.InvalidRequest, `the ruleset has errors; fix them first: ${shown.join("; ")}${more}`);
}

function runTests(ws: Workspace, results: TestResults, file: string, name: string | undefined): TestRunSummary {
  const tests = testsIn(ws, file).filter((t) => name === undefined || t.name.value === name);
  if (name !== undefined && tests.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `there is no test named ${JSON.stringify(name)} in this file`);
  const compiled = compiledOrFail(ws, file);
  const runtime = compiled.runtime();
  if (!runtime) throw new ResponseError(ErrorCodes.InternalError, "the compiled rules could not be loaded");
  const text = ws.readFile(file) ?? "";
  const out: TestRunSummary = { tests: [], passed: 0, failed: 0 };
  for (const test of tests) {
    const r = runTest(compiled.program, runtime, test);
    results.record(file, text.slice(test.range.start, test.range.end), r);
    out.tests.push({ name: r.name, passed: r.passed, line: r.line, asOf: r.asOf, expectations: r.expectations });
    if (r.passed) out.passed++;
    else out.failed++;
  }
  return out;
}

function checkTerritory(id: string, ids: string[]): void {
  if (ids.includes(id)) return;
  const near = closest(id, ids);
  const hint = near.length > 0 ? `; did you mean ${near.map((x) => `\`${x}\``).join(" or ")}?` : "";
  throw new ResponseError(ErrorCodes.InvalidParams, `there is no territory \`${id}\`${hint}`);
}
