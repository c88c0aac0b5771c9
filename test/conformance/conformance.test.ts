// The cross-backend conformance suite (SPEC 2.6 evaluation, 2.7 analysis): every case file under
// cases/ is compiled once, its diagnostics checked, and its records evaluated by every backend.
// Format and how to add a backend: README.md.
import { artifactJson } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import { afterAll, describe, expect, test } from "vitest";
import { backends } from "./backends/index.js";
import { compileCase, type CompiledCase } from "./compile-case.js";
import { diagnosticLines, diagnosticProblems, showDiagnostic } from "./compare.js";
import { type KnownFailure, knownFailure, knownFailures } from "./known-failures.js";
import { loadCases } from "./load-cases.js";
import { DEFAULT_AS_OF, runRecords } from "./records.js";

const cases = loadCases();

afterAll(async () => {
  for (const b of backends) await b.close?.();
}, 60_000);

describe("conformance suite", () => {
  test("has cases, and every known failure names a part of an existing case and existing backends", () => {
    expect(cases.length).toBeGreaterThan(0);
    const names = new Set(backends.map((b) => b.name));
    const stale = knownFailures.filter((k) => {
      const c = cases.find((x) => x.id === k.case)?.case;
      if (!c || (k.backends ?? []).some((b) => !names.has(b))) return true;
      return k.part === "records" ? c.records.length === 0 : c.diagnostics === undefined;
    });
    expect(stale.map((k) => `${k.case} (${k.part})`)).toEqual([]);
  });

  // SPEC 2.7: a witness is an example record. Whatever case reports one, the runtime must accept it.
  test("every witness the analysis reports is a valid record", () => {
    const invalid: string[] = [];
    for (const loaded of cases) {
      if (!loaded.case) continue;
      const compiled = compileCase(loaded.case);
      const witnesses = compiled.diagnostics.filter((d) => d.witness !== undefined);
      if (witnesses.length === 0 || !compiled.artifact) continue;
      const runtime = loadArtifact(artifactJson(compiled.artifact));
      for (const d of witnesses) {
        const decision = runtime.evaluate(d.witness, { asOf: DEFAULT_AS_OF, sideEffects: false });
        if (decision.status === "invalid") invalid.push(`${loaded.id} ${d.code} ${JSON.stringify(d.witness)}: ${decision.errors?.map((e) => e.reason).join("; ")}`);
      }
    }
    expect(invalid).toEqual([]);
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
    const about = `${c.description}\n(${loaded.file}, SPEC ${c.spec})`;

    if (c.diagnostics) {
      const diagnostics = c.diagnostics;
      caseTest(knownFailure(loaded.id, "diagnostics"), "diagnostics", () => {
        const actual = diagnosticLines(compile());
        const problems = diagnosticProblems(diagnostics, actual);
        expect(problems, `${about}\nreported:\n  ${actual.map(showDiagnostic).join("\n  ") || "(nothing)"}\n`).toEqual([]);
      });
    }

    if (c.records.length > 0) {
      for (const backend of backends) {
        const skip = backend.skip?.(c);
        // A backend that cannot express a case (e.g. SQL and stateful strategies) says why in
        // its `skip`; the case is then not registered for it rather than reported as skipped.
        if (skip !== undefined) continue;
        caseTest(knownFailure(loaded.id, "records", backend.name), `records [${backend.name}]`, async () => {
          const result = compile();
          if (!result.artifact) {
            throw new Error(`${about}\nthe case does not compile:\n  ${diagnosticLines(result).map(showDiagnostic).join("\n  ")}`);
          }
          const evaluate = await backend.prepare(result.artifact);
          const { actual, expected } = await runRecords(c, evaluate);
          expect(actual, about).toEqual(expected);
        });
      }
    }
  });
}

/** A test that must pass or, for a known failure, must still fail (and says what to do once it passes). */
function caseTest(known: KnownFailure | undefined, name: string, fn: () => void | Promise<void>): void {
  if (!known) {
    test(name, fn);
    return;
  }
  test(`${name} (known failure: ${known.reason})`, async () => {
    let failed = false;
    try {
      await fn();
    } catch {
      failed = true;
    }
    if (!failed) {
      throw new Error(`this known failure passes now ("${known.reason}"): remove its entry from test/conformance/known-failures.ts`);
    }
  });
}
