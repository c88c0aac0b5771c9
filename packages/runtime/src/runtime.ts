// The Runtime: one loaded artifact, its indexes, and the per-record entry points. Nothing here
// throws on a record: whatever the input, the answer is a Decision. The evaluation itself is the
// Evaluator's (evaluator.ts); the Runtime gives it the indexed matchers.
import type { Artifact } from "./artifact-types.js";
import type { Decision, FieldError } from "./decision.js";
import { type EvaluateOptions, Evaluator, type FastMatchers, type RuntimeOptions } from "./evaluator.js";
import { IndexedMatcher } from "./index-group.js";
import { InMemoryLoadSource, InMemoryStateStore, type LoadSource, type StateStore } from "./state.js";
import { ValueIds } from "./value-ids.js";

export type { EvaluateOptions, RuntimeOptions } from "./evaluator.js";

/** Per field, a few column lookups by value id (index-group.ts). */
const indexedMatchers: FastMatchers = (layouts, model) => {
  const ids = new ValueIds(model.fields.length, layouts);
  return { ids, matchers: layouts.map((l) => new IndexedMatcher(l, undefined, ids)) };
};

export class Runtime {
  readonly artifact: Artifact;
  readonly state: StateStore;
  readonly load: LoadSource;
  private readonly evaluator: Evaluator;

  constructor(artifact: Artifact, options: RuntimeOptions = {}) {
    this.artifact = artifact;
    this.state = options.state ?? new InMemoryStateStore();
    this.load = options.load ?? new InMemoryLoadSource();
    this.evaluator = new Evaluator(artifact, { state: this.state, load: this.load, countAssignments: options.countAssignments ?? true }, indexedMatchers);
  }

  /** The decision for one record (SPEC 2.6). Never throws. */
  evaluate(record: unknown, options?: EvaluateOptions): Decision {
    return this.evaluator.run(record, options, false);
  }

  /** Decisions for a stream of records, one at a time (nothing is buffered). */
  *evaluateMany(records: Iterable<unknown>, options?: EvaluateOptions): Generator<Decision, void, undefined> {
    for (const r of records) yield this.evaluator.run(r, options, false);
  }

  /** The same decision computed row by row by the reference matcher (for cross-checks). */
  evaluateReference(record: unknown, options?: EvaluateOptions): Decision {
    return this.evaluator.run(record, options, true);
  }

  /**
   * Step 1 alone (SPEC 2.6): the record's normalised values, one per schema field in schema order
   * (undefined: no value), or its field errors — what the SQL backend reads from a table
   * (`carve assign --normalize-only`). Never throws.
   */
  normalize(record: unknown): { ok: true; values: unknown[] } | { ok: false; errors: FieldError[] } {
    return this.evaluator.normalize(record);
  }

  /**
   * For coverage: per ConditionInfo index, SEEN_TRUE | SEEN_FALSE bits of the condition's atoms
   * in every override and territory the evaluation of `record` considered (0: not evaluated).
   * A dry run: no counter advances. An invalid record evaluates nothing.
   */
  conditionOutcomes(record: unknown, options?: Pick<EvaluateOptions, "asOf">): Uint8Array {
    return this.evaluator.conditionOutcomes(record, options);
  }
}
