// The support code of the module `carve compile --target js` emits (bundled into it by
// packages/compiler/scripts/gen-js-prelude.mjs; not exported by the package). The module's
// conditions are compiled to JavaScript functions, one or two per rule table; everything else is
// the runtime's own Evaluator, so the module decides exactly as @carve/runtime does.
import type { Artifact } from "./artifact-types.js";
import type { Bits } from "./bitset.js";
import type { Decision } from "./decision.js";
import { type EvaluateOptions, Evaluator, type FastMatchers, type RuntimeOptions } from "./evaluator.js";
import type { NormRecord } from "./normalize-record.js";
import { ReferenceMatcher } from "./reference.js";
import { InMemoryLoadSource, InMemoryStateStore } from "./state.js";
import type { Matcher, TableLayout } from "./table.js";

/** One rule table as compiled code (rows as in evaluator.ts `tableLayouts`). */
export interface CompiledTable {
  /** the lowest row that holds and is in effect on `asOf`, or -1 */
  first?: (rec: NormRecord, asOf: string) => number;
  /** sets the bit of every row that holds and is in effect on `asOf` (`out` is cleared first) */
  all?: (rec: NormRecord, asOf: string, out: Bits) => void;
}

export interface Decider {
  /** The decision for one record, as Runtime.evaluate gives it. Never throws. */
  decide(record: unknown, options?: EvaluateOptions): Decision;
}

/**
 * A decider over `artifact` whose fast path runs the compiled `tables`. A table compiles only the
 * search the evaluation makes of it (the first row of a territory group; every row of the
 * overrides and of the overlays); the other one, never made on the fast path, is the reference
 * matcher's, so every Matcher call is answered correctly.
 */
export function createDecider(artifact: Artifact, tables: readonly CompiledTable[], options: RuntimeOptions = {}): Decider {
  const compiled: FastMatchers = (layouts) => {
    if (layouts.length !== tables.length) {
      throw new Error(`the module has ${tables.length} compiled tables for ${layouts.length} rule tables: it is corrupt; recompile it`);
    }
    return { matchers: layouts.map((layout, t) => compiledMatcher(layout, tables[t])) };
  };
  const evaluator = new Evaluator(artifact, {
    state: options.state ?? new InMemoryStateStore(),
    load: options.load ?? new InMemoryLoadSource(),
    countAssignments: options.countAssignments ?? true,
  }, compiled);
  return { decide: (record, opts) => evaluator.run(record, opts, false) };
}

function compiledMatcher(layout: TableLayout, { first, all }: CompiledTable): Matcher {
  const reference = new ReferenceMatcher(layout);
  return {
    layout,
    match: all
      ? (rec, asOf, out) => {
          out.fill(0);
          all(rec, asOf, out);
        }
      : (rec, asOf, out) => reference.match(rec, asOf, out),
    firstRow: first ?? ((rec, asOf) => reference.firstRow(rec, asOf)),
  };
}

export { InMemoryLoadSource, InMemoryStateStore };
