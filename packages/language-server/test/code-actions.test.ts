// Code actions: each produces the edit that fixes its diagnostic — a "did you mean" replacement,
// an `otherwise` for a block with a gap, a test block for a finding's witness.
import { describe, expect, it } from "vitest";
import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import { codeActions, collectDiagnostics, executeCommand, TestResults, type Workspace } from "../src/index.js";
import { ACME, ACME_URI, acmeText, acmeWorkspace, applyEdits, editsFor, rangeOf } from "./helpers.js";

/** The code actions a client asks for over a diagnostic it shows. */
function actionsFor(ws: Workspace, code: string): { actions: CodeAction[]; diagnostic: Diagnostic } {
  const diagnostic = collectDiagnostics(ws, "analysis").get(ACME)!.find((d) => d.code === code)!;
  expect(diagnostic, code).toBeDefined();
  return { actions: codeActions(ws, ACME, { range: diagnostic.range, context: { diagnostics: [diagnostic] } }), diagnostic };
}
const apply = (text: string, action: CodeAction | undefined) => applyEdits(text, editsFor(action?.edit, ACME_URI));

describe("code actions", () => {
  it("applies a did-you-mean suggestion to an unknown name", () => {
    const text = acmeText.replace("assign dana", "assign danna");
    const { actions, diagnostic } = actionsFor(acmeWorkspace(text), "CARVE025");
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "Replace with `dana`", kind: CodeActionKind.QuickFix, isPreferred: true });
    expect(actions[0].diagnostics?.[0]).toMatchObject({ code: "CARVE025", range: diagnostic.range });
    expect(apply(text, actions[0])).toBe(acmeText);
  });

  it("applies did-you-mean suggestions to values, fields and territory paths", () => {
    const cases: [string, string, string][] = [
      ["industry == healthcare", "industry == helthcare", "CARVE042"],
      ["when account.status == customer", "when account.stattus == customer", "CARVE033"],
      ["expect territory na.east", "expect territory na.est", "CARVE034"],
      ["set west_states = [US-CA,", "set west_states = [US-CAL,", "CARVE042"],
      ["    assign east_ae", "    asign east_ae", "CARVE004"],
    ];
    for (const [right, wrong, code] of cases) {
      const text = acmeText.replace(right, wrong);
      const { actions } = actionsFor(acmeWorkspace(text), code);
      expect(actions.map((a) => apply(text, a)), wrong).toContain(acmeText);
    }
  });

  it("offers only the fixes of the diagnostics in the requested range", () => {
    const text = acmeText.replace("assign dana", "assign danna");
    const elsewhere = rangeOf(text, "ruleset acme");
    expect(codeActions(acmeWorkspace(text), ACME, { range: elsewhere, context: { diagnostics: [] } })).toEqual([]);
  });

  it("adds `otherwise` with a queue to a territories block with a gap", () => {
    const text = acmeText.replace("  otherwise triage  # every record gets an owner\n", "");
    const ws = acmeWorkspace(text);
    const { actions } = actionsFor(ws, "CARVE073");
    const add = actions.filter((a) => a.title.startsWith("Add `otherwise"));
    expect(add.map((a) => a.title)).toEqual(["Add `otherwise na_queue` to this block", "Add `otherwise triage` to this block"]);
    const fixed = apply(text, add[1]);
    expect(fixed).toBe(acmeText.replace("  otherwise triage  # every record gets an owner\n", "  otherwise triage\n"));
    expect(codesOf(acmeWorkspace(fixed))).not.toContain("CARVE073");
  });

  it("adds `otherwise` to a nested block that falls back to its parent", () => {
    const { actions } = actionsFor(acmeWorkspace(), "CARVE074");
    const add = actions.find((a) => a.title === "Add `otherwise na_queue` to this block")!;
    const fixed = apply(acmeText, add);
    expect(fixed).toContain("        assign carol\n        from 2027-02-01  # effective dating: the territory exists from this day\n      }\n      otherwise na_queue\n    }");
    expect(codesOf(acmeWorkspace(fixed))).not.toContain("CARVE074");
  });

  it("adds a test for a gap's witness that pins today's decision and passes", () => {
    const text = acmeText.replace("  otherwise triage  # every record gets an owner\n", "");
    const { actions } = actionsFor(acmeWorkspace(text), "CARVE073");
    const add = actions.find((a) => a.title === "Add a test for this example record")!;
    const withTest = apply(text, add);
    const block = withTest.slice(text.length);
    expect(block).toMatch(/^\ntest "gap: \{id: x, country: [A-Z]{2}, .*\}" \{\n  as of \d{4}-\d\d-\d\d\n  given \{ id: "x", country: [A-Z]{2}, .* \}\n  expect unassigned\n\}\n$/);
    // The new test is valid Carve, and it passes.
    const ws = acmeWorkspace(withTest);
    expect(collectDiagnostics(ws, "frontEnd").get(ACME)).toEqual([]);
    const run = executeCommand(ws, new TestResults(), "carve.runTest", [ACME_URI]) as { tests: { name: string; passed: boolean }[] };
    expect(run.tests.find((t) => t.name.startsWith("gap:"))?.passed).toBe(true);
  });

  it("adds a test for an overlap's witness with the territory and owner it gets", () => {
    const text = acmeText.replace("territories unique {\n", 'territories unique {\n      territory westx "X" { when country == US and region == US-CA  assign alice }\n');
    const { actions } = actionsFor(acmeWorkspace(text), "CARVE070");
    const withTest = apply(text, actions.find((a) => a.title === "Add a test for this example record"));
    const block = withTest.slice(text.length);
    expect(block).toContain('region: US-CA');
    expect(block).toMatch(/expect territory na\.westx?\n  expect owner /);
  });

  it("offers nothing for a diagnostic without a fix", () => {
    const { actions } = actionsFor(acmeWorkspace(), "CARVE079");
    expect(actions).toEqual([]);
  });
});

function codesOf(ws: Workspace): string[] {
  return (collectDiagnostics(ws, "analysis").get(ACME) ?? []).map((d) => String(d.code));
}
