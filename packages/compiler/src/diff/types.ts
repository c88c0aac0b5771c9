// The semantic diff's public input and output (SPEC 4, `carve diff`): what two versions of a
// ruleset decide differently — as pairs of outcomes with the records that take them — and what
// changed in their declarations. Plain data, stable for JSON.
import type { AnalysisBudget } from "../analysis/budget.js";
import type { Witness } from "../analysis/types.js";

/**
 * An owner as the diff compares it: the target that resolution settles on at the diff's date,
 * not the member a team picks (that depends on the record's key or on state). `field` is a rep
 * field of the record (`id` is the field's name): the record names its owner.
 */
export interface StaticOwner {
  kind: "rep" | "queue" | "team" | "field";
  id: string;
  /**
   * For teams: what decides the member (strategy, members with weights and availability,
   * capacities, overflow), so that two versions of a team that could pick differently differ.
   */
  roster?: string;
}

export interface OutcomeOverlay {
  territory: string;
  owner?: StaticOwner;
}

/** What one version decides for a kind of record (SPEC 2.6 step 6, with static owners). */
export interface Outcome {
  status: "assigned" | "unassigned" | "invalid";
  /** the deepest matching territory's id */
  territory?: string;
  owner?: StaticOwner;
  /** "territory na.west", "override keep_owner" or "otherwise" */
  via?: string;
  overlays: OutcomeOverlay[];
}

/** Records that the old version decides as `from` and the new one as `to`. */
export interface DiffPair {
  from: Outcome;
  to: Outcome;
  /** the records of the pair, as conjunctions of per-field conditions (one line each) */
  regions: string[];
  /** further conjunctions not listed in `regions` */
  moreRegions: number;
  /** a complete, normalised record of the pair: evaluated, old gives `from` and new gives `to` */
  witness: Witness;
  /** what the outcomes do not show, e.g. that a team picks its member differently */
  notes: string[];
}

export type ChangeSubject = "territory" | "group" | "override" | "rep" | "team" | "queue" | "field" | "record";

/** One aspect of a declaration that differs, as text (`from` absent: newly set; `to` absent: removed). */
export interface ChangeDetail {
  aspect: string;
  from?: string;
  to?: string;
}

/** A declaration added, removed, renamed or changed. */
export interface Change {
  kind: "added" | "removed" | "renamed" | "changed";
  subject: ChangeSubject;
  /** the id in the old version (the new one for `added`) */
  id: string;
  /** renamed: the id in the new version */
  to?: string;
  details: ChangeDetail[];
}

export interface DiffOptions {
  /** the decision date, YYYY-MM-DD */
  asOf: string;
  budget?: AnalysisBudget;
  /** at most this many region lines per pair (default 5) */
  maxRegions?: number;
}

export interface DiffResult {
  asOf: string;
  /**
   * True when every record was compared: then `pairs` lists every way the two versions decide a
   * record differently, and no pairs means they decide every record identically (at `asOf`).
   */
  complete: boolean;
  /** why the comparison is incomplete */
  incomplete: string[];
  pairs: DiffPair[];
  changes: Change[];
  /** work units spent (deterministic) */
  work: number;
}
