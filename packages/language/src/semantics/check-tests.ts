// Tests (SPEC 2.8): `given` is checked against the record as the runtime reads an input record,
// expectations name real territories, owners, overrides and fields.
import type { DottedName, Expect, GivenEntry, Literal, TestDecl, Via } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { Codes } from "../diagnostics/catalogue.js";
import { orList, report, type Sema } from "./context.js";
import { checkDate, checkScalar } from "./check-literals.js";
import { resolveField, resolveName, resolveTerritoryPath } from "./resolve-names.js";

export function checkTests(s: Sema, tests: { test: TestDecl; file: string }[]): void {
  const names = new Map<string, { file: string; range: Range }>();
  for (const { test, file } of tests) {
    const name = test.name?.value;
    if (name !== undefined && test.name) {
      const first = names.get(name);
      if (first) {
        report(s, Codes.DuplicateTest, file, test.name.range, `another test is already named ${JSON.stringify(name)}`, {
          help: "give each test its own name, so a failure says which one failed",
          related: [{ ...first, message: "the first test with this name" }],
        });
      } else names.set(name, { file, range: test.name.range });
    }
    checkTest(s, file, test);
  }
}

function checkTest(s: Sema, file: string, test: TestDecl): void {
  const at = test.name?.range ?? { start: test.range.start, end: test.range.start + 4 };
  if (test.asOf) checkDate(s, file, test.asOf);
  const expectsInvalid = new Set<string>();
  for (const e of test.expects ?? []) if (e?.kind === "ExpectInvalid" && e.field?.text) expectsInvalid.add(e.field.text);
  checkGiven(s, file, test, expectsInvalid, at);
  if ((test.expects ?? []).length === 0) {
    report(s, Codes.TestWithoutExpect, file, at, "this test expects nothing, so it can never fail", {
      help: "add an expectation, e.g. `expect territory PATH` or `expect owner NAME`",
    });
  }
  for (const e of test.expects ?? []) if (e) checkExpect(s, file, e);
}

function checkGiven(s: Sema, file: string, test: TestDecl, expectsInvalid: Set<string>, at: Range): void {
  const entries = new Map<string, GivenEntry>();
  for (const g of test.given ?? []) {
    const name = g?.field?.text;
    if (!name) continue;
    const first = entries.get(name);
    if (first) {
      report(s, Codes.DuplicateGiven, file, g.field.range, `\`${name}\` is given twice in this test`, {
        help: "give each field once",
        related: [{ file, range: first.field.range, message: "first given here" }],
      });
      continue;
    }
    entries.set(name, g);
  }
  // The country a region or postal code is read against is the given country, as in the runtime.
  const countries = new Map<string, string[]>();
  for (const [name, g] of entries) {
    const f = s.record?.fields.get(name);
    const raw = rawScalar(g.value);
    if (f?.type === "country" && raw !== undefined) countries.set(name, [raw]);
  }
  for (const g of entries.values()) {
    const field = resolveField(s, file, g.field);
    if (!field || !g.value) continue;
    if (g.value.kind === "List" || g.value.kind === "Range") {
      report(s, Codes.ValueTypeMismatch, file, g.value.range, `a test gives one value per field, but \`${field.name}\` gets ${g.value.kind === "List" ? "a list" : "a range"}`, {
        help: "write one value: a test describes one record",
      });
      continue;
    }
    checkScalar(s, field, g.value, { file, input: true, countries, quiet: expectsInvalid.has(field.name) });
  }
  // A test that expects an invalid record is about invalid data: missing fields are its business.
  if (!s.record || expectsInvalid.size > 0) return;
  const missing = [...s.record.fields.values()].filter((f) => !f.optional && !entries.has(f.name));
  if (missing.length > 0) {
    const names = missing.map((f) => f.name);
    report(s, Codes.MissingGiven, file, test.givenRange ?? at,
      `this test's record has no ${orList(names)}, so the runtime will reject it as invalid`, {
        help: `give ${names.length === 1 ? "it" : "them"} a value, or add \`expect invalid ${names[0]}\` if the test is about the missing value`,
      });
  }
}

function rawScalar(lit: Literal | undefined): string | undefined {
  if (!lit) return undefined;
  switch (lit.kind) {
    case "String":
    case "Code":
      return lit.value;
    case "Ident":
      return lit.name?.text;
    default:
      return undefined;
  }
}

function checkExpect(s: Sema, file: string, e: Expect): void {
  switch (e.kind) {
    case "ExpectTerritory":
      resolveTerritoryPath(s, file, e.path, false);
      return checkVia(s, file, e.via);
    case "ExpectOverlay":
      resolveTerritoryPath(s, file, e.path, true);
      return;
    case "ExpectInvalid":
      resolveField(s, file, e.field as DottedName | undefined);
      return;
    case "ExpectOwner":
      if (e.inTeam) {
        resolveName(s, file, e.target, {
          kinds: ["team"], noun: "team", needs: "`expect owner in` needs a team",
          wrongKindHelp: (sym) => (sym.kind === "rep" || sym.kind === "queue" ? `to expect this ${sym.kind} itself, write \`expect owner ${sym.name}\`` : undefined),
        });
      } else {
        resolveName(s, file, e.target, {
          kinds: ["rep", "queue"], noun: "rep or queue", needs: "`expect owner` needs a rep or a queue",
          wrongKindHelp: (sym) => (sym.kind === "team" ? `an owner is one of the team's reps: write \`expect owner in ${sym.name}\`` : undefined),
        });
      }
      return checkVia(s, file, e.via);
    default:
      return;
  }
}

function checkVia(s: Sema, file: string, via: Via | undefined): void {
  if (!via) return;
  if (via.kind === "override") {
    resolveName(s, file, via.name, { kinds: ["override"], noun: "override", needs: "`via override` needs an override" });
  } else if (via.kind === "territory") {
    resolveTerritoryPath(s, file, via.path, false);
  }
}
