// The analysis's public input and output. Input is plain IR (the artifact's shape), output is
// findings that point at territory / override / group indexes: the caller maps them to source
// ranges and diagnostics.
import type { Group, Override, Queue, RecordSchema, Rep, Target, Team, Territory, Window } from "@carve/runtime";
import type { AnalysisBudget } from "./budget.js";

export interface AnalysisPlan {
  schema: RecordSchema;
  territories: Territory[];
  /** groups[0] is the top-level `territories` block */
  groups: Group[];
  /** index into groups of the `overlays` block, if any */
  overlays?: number;
  overrides: Override[];
  /** when given: rep fields range over the roster's reps, override targets' availability is
   *  known, and the roster checks run */
  roster?: { reps: Rep[]; queues: Queue[]; teams: Team[] };
}

export interface AnalysisOptions {
  budget?: AnalysisBudget;
}

/** A complete, normalised record keyed by the schema's (dotted) field names, in schema order. */
export type Witness = Record<string, unknown>;

/** A date range of the plan, inclusive; an absent end is unbounded. */
export type Period = Window;

export type Finding =
  /** unique group: both children match the witness (error) */
  | { kind: "overlap"; group: number; a: number; b: number; witness: Witness; period?: Period }
  /**
   * a child that no record reaching its group can select (warning): every record it matches is
   * taken by the earlier siblings `by` (first groups), or — when `by` is empty — no record that
   * reaches the group matches it at all (the parent's condition excludes it). `witness` is a
   * record its `when` matches; `takenBy` the sibling that takes it (absent when `by` is empty).
   */
  | { kind: "shadowed"; group: number; territory: number; by: number[]; witness?: Witness; takenBy?: number; period?: Period }
  /**
   * every record the override matches is matched by earlier overrides `by` whose targets are
   * always available in the period. Conservative: an earlier override whose target may be
   * unavailable (a rep who may be away, a team, a rep field) never counts as shadowing.
   */
  | { kind: "shadowed-override"; override: number; by: number[]; witness?: Witness; takenBy?: number; period?: Period }
  /**
   * records that reach the group and match none of its children, which has no `otherwise`.
   * Top level (`nested: false`): error, they get no owner. Nested: information, they fall back to
   * the assign of `fallback` (the nearest territory up the path with an assign); when `fallback`
   * is absent nothing up the path assigns them either.
   */
  | { kind: "gap"; group: number; nested: boolean; fallback?: number; witness: Witness; period?: Period }
  /** a `when` (or its or-branch `box`) that no valid record satisfies (warning) */
  | { kind: "unsatisfiable"; territory?: number; override?: number; box?: number }
  /** a team none of whose members is available during the period (warning) */
  | { kind: "team-unavailable"; team: string; period?: Period }
  /**
   * a territory whose assign, and every fallback up the path (ancestors' assigns, then the
   * top-level otherwise), has no available assignee during the period (warning)
   */
  | { kind: "unowned"; territory: number; target: Target; period?: Period }
  /** the analysis stopped short (budget, malformed plan): its other findings are incomplete */
  | { kind: "incomplete"; reason: string; check?: CheckName; group?: number; territory?: number; override?: number };

export type CheckName = "plan" | "domains" | "unsatisfiable" | "overlap" | "shadowed" | "gap" | "shadowed-override" | "roster";
