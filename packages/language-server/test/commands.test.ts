// Code lenses over tests and the commands behind them: run a test (pass and fail shown in the
// lens), show the compiled table, explain a record.
import { describe, expect, it } from "vitest";
import { ResponseError } from "vscode-languageserver";
import { COMMANDS, executeCommand, testLenses, TestResults, type TestRunSummary } from "../src/index.js";
import { ACME, ACME_URI, acmeText, acmeWorkspace, positionOf } from "./helpers.js";

const FIRST = "A big Californian software lead goes to West Enterprise";
const SECOND = "Existing customers keep their owner";
/** The second test now expects the wrong owner. */
const FAILING = acmeText.replace("expect owner bob via override keep_owner", "expect owner erin via override keep_owner");

function fails(fn: () => unknown, pattern: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ResponseError);
  expect((error as Error).message).toMatch(pattern);
}

describe("test code lenses", () => {
  it("puts a Run test lens on every test of the file", () => {
    const lenses = testLenses(acmeWorkspace(), ACME, new TestResults());
    expect(lenses.map((l) => l.command)).toEqual([FIRST, SECOND, "Unknown countries are rejected, not guessed"].map((name) => ({
      title: "▶ Run test", command: "carve.runTest", arguments: [ACME_URI, name],
    })));
    expect(lenses[0].range.start).toEqual(positionOf(acmeText, `test "${FIRST}"`));
  });

  it("runs a test from its lens and shows that it passed", () => {
    const ws = acmeWorkspace();
    const results = new TestResults();
    const lens = testLenses(ws, ACME, results)[1];
    const run = executeCommand(ws, results, lens.command!.command, lens.command!.arguments) as TestRunSummary;
    expect(run).toMatchObject({ passed: 1, failed: 0, tests: [{ name: SECOND, passed: true }] });
    expect(run.tests[0].expectations.map((e) => e.expected)).toEqual(["territory na.east", "owner bob", "via override keep_owner"]);
    expect(testLenses(ws, ACME, results).map((l) => l.command?.title)).toEqual(["▶ Run test", "✓ Passed · run again", "▶ Run test"]);
  });

  it("shows a failing test's first failed expectation in its lens", () => {
    const ws = acmeWorkspace(FAILING);
    const results = new TestResults();
    const run = executeCommand(ws, results, "carve.runTest", [ACME_URI, SECOND]) as TestRunSummary;
    expect(run).toMatchObject({ passed: 0, failed: 1 });
    const failed = run.tests[0].expectations.find((e) => !e.passed)!;
    expect(failed).toMatchObject({ expected: "owner erin", actual: expect.stringContaining("bob") });
    expect(testLenses(ws, ACME, results)[1].command?.title).toBe(`✗ Failed: expected owner erin, got ${failed.actual} · run again`);
  });

  it("forgets a result once the test is edited", () => {
    const ws = acmeWorkspace();
    const results = new TestResults();
    executeCommand(ws, results, "carve.runTest", [{ uri: ACME_URI, name: SECOND }]);
    const at = positionOf(acmeText, "expect owner bob", "expect owner ".length);
    ws.change(ACME, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: "erin" }], 2);
    expect(testLenses(ws, ACME, results)[1].command?.title).toBe("▶ Run test");
  });

  it("runs every test of the file without a name", () => {
    const run = executeCommand(acmeWorkspace(FAILING), new TestResults(), "carve.runTest", [ACME_URI]) as TestRunSummary;
    expect(run.tests.map((t) => [t.name, t.passed])).toEqual([[FIRST, true], [SECOND, false], ["Unknown countries are rejected, not guessed", true]]);
    expect(run).toMatchObject({ passed: 2, failed: 1 });
  });

  it("refuses to run a test of a ruleset with errors, an unknown test or file", () => {
    const broken = acmeWorkspace(acmeText.replace("assign dana", "assign danna"));
    fails(() => executeCommand(broken, new TestResults(), "carve.runTest", [ACME_URI, SECOND]), /the ruleset has errors; fix them first: CARVE025 unknown rep, team or queue `danna` \(acme\.carve:\d+\)/);
    fails(() => executeCommand(acmeWorkspace(), new TestResults(), "carve.runTest", [ACME_URI, "no such test"]), /no test named "no such test"/);
    fails(() => executeCommand(acmeWorkspace(), new TestResults(), "carve.runTest", ["file:///ws/missing.carve"]), /cannot read/);
    fails(() => executeCommand(acmeWorkspace(), new TestResults(), "carve.runTest", []), /needs the document's URI/);
    fails(() => executeCommand(acmeWorkspace(), new TestResults(), "carve.nothing", [ACME_URI]), /unknown command `carve\.nothing`/);
  });
});

describe("commands for the extension", () => {
  it("returns the compiled table JSON of the file's ruleset", () => {
    const result = executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.showCompiled, [{ uri: ACME_URI }]) as { uri: string; text: string };
    expect(result.uri).toBe(ACME_URI);
    const artifact = JSON.parse(result.text);
    expect(artifact).toMatchObject({ format: "carve/1", ruleset: { name: "acme" } });
    expect(artifact.territories.map((t: { id: string }) => t.id)).toContain("na.west.west_ent");
    // Positional arguments work too, and the answer is deterministic.
    expect(executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.showCompiled, [ACME_URI])).toEqual(result);
  });

  it("explains a record with the runtime's decision and trace", () => {
    const record = { id: "L-9", country: "US", region: "US-NY", employees: 40, industry: "retail", source: "inbound" };
    const d = executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.explain, [ACME_URI, record, { asOf: "2027-03-01" }]) as {
      status: string; territory: { id: string }; owner: { id: string; team: string }; asOf: string; trace: unknown[];
    };
    expect(d).toMatchObject({ status: "assigned", territory: { id: "na.east" }, owner: { team: "east_ae" }, asOf: "2027-03-01" });
    expect(d.trace.length).toBeGreaterThan(0);
    const whyNot = executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.explain, [{ uri: ACME_URI, record, whyNot: "na.west" }]) as { whyNot: { territory: string } };
    expect(whyNot.whyNot.territory).toBe("na.west");
    fails(() => executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.explain, [{ uri: ACME_URI, record, whyNot: "na.wset" }]), /no territory `na\.wset`; did you mean `na\.west`\?/);
    // An invalid record is an answer, not an error.
    const invalid = executeCommand(acmeWorkspace(), new TestResults(), COMMANDS.explain, [ACME_URI, { country: "Atlantis" }]) as { status: string };
    expect(invalid.status).toBe("invalid");
  });
});
