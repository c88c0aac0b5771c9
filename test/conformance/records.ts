// Evaluating a case's records with one backend, as labelled projections ready to diff.
import type { Evaluate } from "./backend.js";
import { normalizeExpectation, project } from "./compare.js";
import type { ConformanceCase } from "./schema.js";

/** asOf when neither the record nor the case gives one: fixed, so that no case depends on today. */
export const DEFAULT_AS_OF = "2027-03-01";

/** Every record in order (stateful strategies see them in sequence), actual and expected side by side. */
export async function runRecords(c: ConformanceCase, evaluate: Evaluate) {
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
