// The decision for one record (SPEC 2.6 step 6): what services read, log and store.
import type { TraceEntry } from "./trace.js";
import type { WhyNot } from "./why-not.js";

export interface TerritoryRef {
  /** dotted id, e.g. "na.west" */
  id: string;
  label?: string;
  /** ids from the top-level territory down to this one, e.g. ["na", "na.west"] */
  path: string[];
}

export interface Owner {
  kind: "rep" | "queue";
  id: string;
  /** the team the rep was picked from, when the target was a team */
  team?: string;
}

export interface OverlayAssignment {
  /** the overlay territory's id (the deepest one, when overlay territories nest) */
  territory: string;
  /** absent when no one is available for it */
  owner?: Owner;
}

export interface FieldError {
  /** the field's dotted name; "(record)" when the input is not an object, "(asOf)" for a bad option */
  field: string;
  /** why, written for a RevOps person: `"Atlantis" is not a country: …` */
  reason: string;
  /** the input value as given (long text shortened) */
  value?: unknown;
  suggestions?: string[];
}

export type DecisionStatus = "assigned" | "unassigned" | "invalid";

export interface Decision {
  status: DecisionStatus;
  /** the deepest matching territory, also when an override decided the owner */
  territory?: TerritoryRef;
  owner?: Owner;
  /** where the owner came from: "territory na.west", "override keep_owner" or "otherwise" */
  via?: string;
  overlays: OverlayAssignment[];
  /** the date the decision was made for (YYYY-MM-DD) */
  asOf: string;
  /** the ruleset's name and the artifact's content hash: which rules made this decision */
  ruleset: { name: string; hash: string };
  /** the record's key value, when the schema has a key and the record a valid one */
  key?: string;
  /** every field error, when status is "invalid" */
  errors?: FieldError[];
  /** with `explain: true` (or `whyNot`): every step, in order */
  trace?: TraceEntry[];
  /** with `whyNot: "territory.id"`: why the record is not in that territory */
  whyNot?: WhyNot;
}

export const NO_OVERLAYS: OverlayAssignment[] = Object.freeze([]) as unknown as OverlayAssignment[];
