// One artifact's evaluation of records (SPEC 2.6 steps 1–6) over a given set of fast matchers.
// The Runtime runs it with its indexed matchers; the module `carve compile --target js` emits runs
// the very same code with matchers compiled to JavaScript (see standalone.ts). Everything but
// the fast matching — normalisation, descent, overrides, resolution, overlays, the decision object
// and explanations — is therefore one implementation.
import type { Artifact } from "./artifact-types.js";
import { compileBoxes } from "./atoms.js";
import type { Bits } from "./bitset.js";
import { resolveAsOf } from "./dates.js";
import { type Decision, type FieldError, NO_OVERLAYS } from "./decision.js";
import { thrownMessage } from "./errors.js";
import { decide, type Engine, type Step, treeViews } from "./evaluate.js";
import { buildModel, type Model } from "./model.js";
import { newRecord, type NormRecord, RecordNormalizer } from "./normalize-record.js";
import { ReferenceMatcher } from "./reference.js";
import { Resolver } from "./resolve-target.js";
import type { LoadSource, StateStore } from "./state.js";
import { layoutTable, type Matcher, type TableItem, type TableLayout } from "./table.js";
import { type TraceEntry, Tracer } from "./trace.js";
import type { ValueIds } from "./value-ids.js";
import { whyNot } from "./why-not.js";

export interface RuntimeOptions {
  /** rotation counters for `round_robin` teams (default: in memory, per Runtime) */
  state?: StateStore;
  /** open assignments per rep for `least_loaded` teams (default: in memory, starting at 0) */
  load?: LoadSource;
  /** tell `load.add` about each least_loaded assignment (default true) */
  countAssignments?: boolean;
}

export interface EvaluateOptions {
  /** the decision date, YYYY-MM-DD (a Date or an ISO date-time is accepted); default: today, UTC */
  asOf?: string | Date;
  /** add `trace`: every step, in order */
  explain?: boolean;
  /** add `whyNot` for this territory id (implies `explain`) */
  whyNot?: string;
  /** false: a dry run — round_robin counters are read, not advanced, and no load is counted (default true) */
  sideEffects?: boolean;
}

/**
 * The matchers of the fast path, one per table of `layouts` (same order), and the ValueIds the
 * record normaliser must fill for them (when they read value ids).
 */
export type FastMatchers = (layouts: readonly TableLayout[], model: Model) => { matchers: Matcher[]; ids?: ValueIds };

interface Scratch {
  rec: NormRecord;
  masks: Bits[];
  /** the Step of decide(), reused: the per-record path allocates nothing it can avoid */
  step: Step;
}

/**
 * The artifact's rule tables: one per group (table g = group g), then the overrides. Row r of a
 * table is one box of one item's `when`, items in priority order (table.ts).
 */
export function tableLayouts(artifact: Artifact, model: Model = buildModel(artifact)): TableLayout[] {
  return tableItems(artifact, model).map(layoutTable);
}

function tableItems(artifact: Artifact, model: Model): TableItem[][] {
  const items: TableItem[][] = artifact.groups.map((g) =>
    g.territories.map((t) => item(compileBoxes(artifact.territories[t].when, model), artifact.territories[t].window)),
  );
  items.push(artifact.overrides.map((o) => item(compileBoxes(o.when, model), o.window)));
  return items;
}

export class Evaluator {
  readonly model: Model;
  private readonly normalizer: RecordNormalizer;
  private readonly engine: Engine;
  private readonly layouts: TableLayout[];
  private readonly fast: Matcher[];
  private referenceMatchers: Matcher[] | undefined;
  private readonly pool: Scratch[] = [];

  constructor(artifact: Artifact, options: Required<RuntimeOptions>, fast: FastMatchers) {
    const model = (this.model = buildModel(artifact));
    const items = tableItems(artifact, model);
    this.layouts = items.map(layoutTable);
    const { matchers, ids } = fast(this.layouts, model);
    this.fast = matchers;
    this.normalizer = new RecordNormalizer(model, ids, testedSlots(this.layouts));
    const resolver = new Resolver(model, options);
    this.engine = {
      artifact, items, resolver,
      viaTerritory: artifact.territories.map((t) => `territory ${t.id}`),
      viaOverride: artifact.overrides.map((o) => `override ${o.name}`),
      ...treeViews(artifact),
    };
  }

  /**
   * For coverage: per ConditionInfo index, SEEN_TRUE | SEEN_FALSE bits of the condition's atoms
   * in every override and territory the evaluation of `record` considered (0: not evaluated).
   * A dry run: no counter advances. An invalid record evaluates nothing.
   */
  /** A record's normalised values by field (undefined: no value), or its field errors. Never throws. */
  normalize(record: unknown): { ok: true; values: unknown[] } | { ok: false; errors: FieldError[] } {
    // A fresh record, not the scratch pool's: the caller keeps the values.
    const rec = newRecord(this.model.fields.length);
    try {
      const errors = this.normalizer.normalize(record, rec);
      return errors ? { ok: false, errors } : { ok: true, values: rec.values };
    } catch (e) {
      return { ok: false, errors: [{ field: "(runtime)", reason: `the record could not be normalised: ${thrownMessage(e)}` }] };
    }
  }

  conditionOutcomes(record: unknown, options?: Pick<EvaluateOptions, "asOf">): Uint8Array {
    const none = new Uint8Array(this.engine.artifact.conditions.length);
    const asOf = resolveAsOf(options?.asOf);
    if (!asOf.ok) return none;
    const scratch = this.acquire();
    try {
      if (this.normalizer.normalize(record, scratch.rec)) return none;
      const tr = new Tracer(this.model, scratch.rec, asOf.value, { explain: false, coverage: true });
      decide(this.step(scratch, asOf.value, this.reference(), false, tr));
      return tr.outcomes!;
    } catch {
      return none;
    } finally {
      this.pool.push(scratch);
    }
  }

  /** The decision for one record (SPEC 2.6); `useReference`: match row by row (for cross-checks). Never throws. */
  run(record: unknown, options: EvaluateOptions | undefined, useReference: boolean): Decision {
    const asOfResult = resolveAsOf(options?.asOf);
    if (!asOfResult.ok) return this.invalid("", [{ field: "(asOf)", reason: asOfResult.reason }], undefined);
    const asOf = asOfResult.value;
    const explain = options !== undefined && (options.explain === true || options.whyNot !== undefined);
    const sideEffects = options?.sideEffects !== false;
    const scratch = this.acquire();
    let key: string | undefined;
    try {
      const rec = scratch.rec;
      const errors = this.normalizer.normalize(record, rec);
      const ks = this.model.keySlot;
      if (ks >= 0 && rec.values[ks] !== undefined) key = String(rec.values[ks]);
      if (errors) {
        const d = this.invalid(asOf, errors, key);
        if (explain) d.trace = [invalidEntry(errors)];
        return d;
      }
      const tr = explain ? new Tracer(this.model, rec, asOf, { explain: true, coverage: false }) : null;
      // Explanations come from the reference semantics, whatever the fast path is.
      const matchers = useReference || explain ? this.reference() : this.fast;
      const o = decide(this.step(scratch, asOf, matchers, sideEffects, tr));
      let d: Decision;
      if (o.territory >= 0 && o.owner && o.via !== undefined && key !== undefined) {
        // The common case in one literal (one object shape, no property additions); same members, same order.
        d = { status: "assigned", overlays: o.overlays, asOf, ruleset: this.model.ruleset, territory: this.model.territoryRefs[o.territory], owner: o.owner, via: o.via, key };
      } else {
        d = { status: o.owner ? "assigned" : "unassigned", overlays: o.overlays, asOf, ruleset: this.model.ruleset };
        if (o.territory >= 0) d.territory = this.model.territoryRefs[o.territory];
        if (o.owner) d.owner = o.owner;
        if (o.via !== undefined) d.via = o.via;
        if (key !== undefined) d.key = key;
      }
      if (tr) d.trace = tr.entries!;
      if (options?.whyNot !== undefined && tr) {
        d.whyNot = whyNot(this.model, this.engine.items, rec, asOf, String(options.whyNot), d.territory?.path ?? [], tr);
      }
      return d;
    } catch (e) {
      // Only a failing StateStore / LoadSource (or a bug) gets here; the record is not lost.
      return this.invalid(asOf, [{ field: "(runtime)", reason: `the record could not be evaluated: ${thrownMessage(e)}` }], key);
    } finally {
      this.pool.push(scratch);
    }
  }

  private invalid(asOf: string, errors: FieldError[], key: string | undefined): Decision {
    const d: Decision = { status: "invalid", overlays: NO_OVERLAYS, asOf, ruleset: this.model.ruleset, errors };
    if (key !== undefined) d.key = key;
    return d;
  }

  /** A scratch area for one evaluation; reused, and never shared by two evaluations in progress. */
  private acquire(): Scratch {
    const reused = this.pool.pop();
    if (reused !== undefined) return reused;
    const rec = newRecord(this.model.fields.length);
    const masks = this.layouts.map((l) => new Uint32Array(l.words));
    return { rec, masks, step: { engine: this.engine, rec, asOf: "", matchers: this.fast, masks, sideEffects: true, tr: null, path: [] } };
  }

  private step(scratch: Scratch, asOf: string, matchers: Matcher[], sideEffects: boolean, tr: Tracer | null): Step {
    const s = scratch.step;
    s.asOf = asOf;
    s.matchers = matchers;
    s.sideEffects = sideEffects;
    s.tr = tr;
    return s;
  }

  private reference(): Matcher[] {
    return (this.referenceMatchers ??= this.layouts.map((l) => new ReferenceMatcher(l)));
  }
}

/** The fields some rule tests: only their comparison keys are ever read (by matchers, traces, coverage). */
function testedSlots(layouts: readonly TableLayout[]): Set<number> {
  const slots = new Set<number>();
  for (const l of layouts) for (const box of l.rowBox) for (const a of box) slots.add(a.slot);
  return slots;
}

function invalidEntry(errors: FieldError[]): TraceEntry {
  return {
    step: "invalid",
    fields: errors.map((e) => e.field),
    message: `the record is invalid, nothing was evaluated: ${errors.map((e) => `${e.field}: ${e.reason}`).join("; ")}`,
  };
}

function item(when: TableItem["when"], window: TableItem["window"]): TableItem {
  return window === undefined ? { when } : { when, window };
}
