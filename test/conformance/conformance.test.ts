// The cross-backend conformance suite (SPEC 2.6 evaluation, 2.7 analysis): every case file under
// cases/ is compiled once, its diagnostics checked, and its records evaluated by every backend.
// Format and how to add a backend: README.md.
import { describe, expect, test } from "vitest";
import { backends } from "./backends/index.js";
import type { Evaluate } from "./backend.js";
import { compileCase, type CompiledCase } from "./compile-case.js";
import { diagnosticLines, diagnosticProblems, normalizeExpectation, project, showDiagnostic } from "./compare.js";
import { knownFailure, knownFailures } from "./known-failures.js";
import { loadCases } from "./load-cases.js";
import type { ConformanceCase } from "./schema.js";

/** asOf when neither the record nor the case gives one: fixed, so that no case depends on today. */
export const DEFAULT_AS_OF = "2027-03-01";

const cases = loadCases();

describe("conformance suite", () => {
  test("has cases, and every known failure names a part of an existing case", () => {
    expect(cases.length).toBeGreaterThan(0);
    const stale = knownFailures.filter((k) => {
      const c = cases.find((x) => x.id === k.case)?.case;
      if (!c) return true;
      return k.part === "records" ? c.records.length === 0 : c.diagnostics === undefined;
    });
    expect(stale.map((k) => `${k.case} (${k.part})`)).toEqual([]);
  });
});

for (const loaded of cases) {
  describe(loaded.id, () => {
    const c = loaded.case;
    if (!c) {
      test("is a valid case file", () => {
        throw new Error(`${loaded.file}: ${loaded.problem}`);
      });
      return;
    }
    let compiled: CompiledCase | undefined;
    const compile = () => (compiled ??= compileCase(c));

    if (c.diagnostics) {
      const diagnostics = c.diagnostics;
      caseTest(knownFailure(loaded.id, "diagnostics") !== undefined, "diagnostics", () => {
        const actual = diagnosticLines(compile());
        const problems = diagnosticProblems(diagnostics, actual);
        expect(problems, `${c.description}\nreported:\n  ${actual.map(showDiagnostic).join("\n  ") || "(nothing)"}`).toEqual([]);
      });
    }

    if (c.records.length > 0) {
      for (const backend of backends) {
        const skip = backend.skip?.(c);
        if (skip !== undefined) {
          test.skip(`records [${backend.name}]: ${skip}`, () => {});
          continue;
        }
        caseTest(knownFailure(loaded.id, "records", backend.name) !== undefined, `records [${backend.name}]`, async () => {
          const result = compile();
          if (!result.artifact) {
            throw new Error(`${c.description}\nthe case does not compile:\n  ${diagnosticLines(result).map(showDiagnostic).join("\n  ")}`);
          }
          const evaluate = await backend.prepare(result.artifact);
          const { actual, expected } = await runRecords(c, evaluate);
          expect(actual, c.description).toEqual(expected);
        });
      }
    }
  });
}

/** A test that must pass, or (a known failure) must fail. */
function caseTest(known: boolean, name: string, fn: () => void | Promise<void>): void {
  if (known) test.fails(`${name} (known failure: see known-failures.ts)`, fn);
  else test(name, fn);
}

/** Every record in order (stateful strategies see them in sequence), as labelled projections. */
async function runRecords(c: ConformanceCase, evaluate: Evaluate) {
  const actual: Record<string, unknown>[] = [];
  const expected: Record<string, unknown>[] = [];
  for (const [i, r] of c.records.entries()) {
    const record = r.note ?? `record ${i + 1}`;
    const decision = await evaluate(r.given, r.asOf ?? c.asOf ?? DEFAULT_AS_OF);
    actual.push({ record, ...project(decision, r.expect) });
    expected.push({ record, ...normalizeExpectation(r.expect) });
  }
  return { actual, expected };
}
