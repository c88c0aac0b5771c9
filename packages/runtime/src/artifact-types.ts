// The compiled artifact, format "carve/1" (SPEC 3): the contract between the compiler and every
// backend (runtime, ahead-of-time JS, SQL). Changing the meaning of any field is a format change.
//
// Values inside an artifact are *normalised* values (see @carve/values): countries are ISO alpha-2,
// regions ISO 3166-2, postal codes and domains normalised, strings folded (trimmed, lower-cased),
// enum values spelled as declared, money/number/int as numbers, dates as "YYYY-MM-DD",
// bools as booleans, reps as rep ids.

export const ARTIFACT_FORMAT = "carve/1";

export type FieldType =
  | "string" | "int" | "number" | "money" | "bool" | "date"
  | "country" | "region" | "postal" | "domain" | "rep" | "enum";

export interface FieldSchema {
  /** dotted name as declared, e.g. "account.owner" */
  name: string;
  type: FieldType;
  optional: boolean;
  /** declared values, for enum fields */
  enumValues?: string[];
  /**
   * For region and postal fields: the country field that gives bare region codes and postal formats
   * their context (the country field with the same dotted prefix, else the record's first country field).
   */
  countryField?: string;
}

export interface RecordSchema {
  name: string;
  /** the `key` field, if any: identifies records in reports and feeds `hash` strategies */
  key?: string;
  fields: FieldSchema[];
}

export type Scalar = string | number | boolean;

/**
 * One test on one field. Every atom is false when the field has no value, except `unset`.
 * `in`/`notIn` compare the record's normalised value (strings folded). A `range` bound is a number
 * for int/number/money fields and a string otherwise; a string bound is compared with the record's
 * key (folded string, postal digits, date…) cut to the bound's length, by UTF-16 code units, so
 * "94000".."94999" holds 94999-1234 and "a".."m" holds "mary" (for dates this is plain comparison).
 */
export type Atom =
  | { field: string; op: "in"; values: Scalar[] }
  | { field: string; op: "notIn"; values: Scalar[] }
  | {
      field: string;
      op: "range";
      min?: number | string;
      minInclusive: boolean;
      max?: number | string;
      maxInclusive: boolean;
    }
  /** string tests; for postal fields the compiler has already applied the domain's prefix rule */
  | { field: string; op: "startsWith" | "endsWith" | "contains"; values: string[]; negated: boolean }
  | { field: string; op: "set" }
  | { field: string; op: "unset" };

export interface AtomRef {
  atom: Atom;
  /** index into Artifact.conditions: the source test this atom came from (for traces and coverage) */
  condition: number;
}

/** A conjunction of atoms; a condition in disjunctive normal form is a list of boxes. */
export interface Box {
  atoms: AtomRef[];
}

/** A source-level test, kept for explanations and coverage. */
export interface ConditionInfo {
  /** the test as written (white space collapsed), e.g. "country in [US, CA]"; a segment's tests are listed once each */
  text: string;
  file: string;
  /** 1-based line of the test in its file */
  line: number;
}

export type Target =
  | { kind: "rep" | "team" | "queue"; id: string }
  /** a field of type rep: the record's value names the rep */
  | { kind: "field"; field: string };

export interface Window {
  /** inclusive first day */
  from?: string;
  /** inclusive last day */
  until?: string;
}

export interface Territory {
  /** dotted path, e.g. "na.west.west_ent"; an overlay territory's id is its name */
  id: string;
  name: string;
  label?: string;
  /** the territory's `when` in DNF; an empty list of boxes never matches; one empty box always matches */
  when: Box[];
  assign?: Target;
  window?: Window;
  /** index into Artifact.groups of the nested `territories` block, if any */
  children?: number;
  /** index into Artifact.territories of the parent territory, if nested */
  parent?: number;
}

export interface Group {
  policy: "first" | "unique" | "overlays";
  /** territory indexes in document (priority) order */
  territories: number[];
  otherwise?: Target;
  /** the territory whose nested block this is; absent for the top-level group and overlays */
  parent?: number;
}

export interface Override {
  name: string;
  label?: string;
  when: Box[];
  target: Target;
  window?: Window;
}

export interface Rep {
  id: string;
  label?: string;
  email?: string;
  capacity?: number;
  away: { from: string; until: string }[];
  window?: Window;
}

export interface Queue {
  id: string;
  label?: string;
}

export interface TeamMember {
  rep: string;
  weight: number;
  window?: Window;
  /**
   * Rendezvous seeds, one per unit of weight: unsigned 32-bit integers, seed i = first 4 bytes
   * (big-endian) of MD5(utf8(`${rep}#${i}`)) for i = 1..weight. Precomputed so that no backend
   * needs MD5 of anything but the record's key.
   */
  seeds: number[];
}

export type Strategy =
  | { kind: "hash"; field: string }
  | { kind: "round_robin" }
  | { kind: "least_loaded" };

export interface Team {
  id: string;
  label?: string;
  members: TeamMember[];
  strategy: Strategy;
  overflow?: Target;
}

export interface Artifact {
  format: typeof ARTIFACT_FORMAT;
  ruleset: {
    name: string;
    label?: string;
    /** SHA-256 (hex) of the formatted source files, entry first: for each, its path relative to the entry's folder, a newline and its canonical text; files joined with NUL */
    sourceHash: string;
  };
  schema: RecordSchema;
  conditions: ConditionInfo[];
  territories: Territory[];
  /** groups[0] is the top-level `territories` block */
  groups: Group[];
  /** index into groups of the `overlays` block, if any */
  overlays?: number;
  overrides: Override[];
  roster: { reps: Rep[]; queues: Queue[]; teams: Team[] };
  /**
   * SHA-256 (hex) of the canonical JSON of this object without the `hash` member (keys sorted,
   * no white space). The runtime recomputes it and refuses a mismatch.
   */
  hash: string;
}
