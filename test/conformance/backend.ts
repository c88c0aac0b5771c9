// What a backend must provide to run the conformance cases: given a compiled artifact, a function
// from (record, asOf) to a decision. The runtime is the first backend; the ahead-of-time JS module
// and SQL plug in the same way (see README.md).
import type { Artifact } from "@carve/runtime";
import type { ConformanceCase } from "./schema.js";

export interface OwnerLike {
  kind: "rep" | "queue";
  id: string;
  /** the team the rep was picked from */
  team?: string;
}

/** The parts of a decision (SPEC 2.6 step 6) that the cases compare; extra members are ignored. */
export interface DecisionLike {
  status: "assigned" | "unassigned" | "invalid";
  territory?: { id: string } | null;
  owner?: OwnerLike | null;
  via?: string | null;
  overlays?: readonly { territory: string; owner?: OwnerLike | null }[];
  errors?: readonly { field: string }[];
}

export type Evaluate = (record: unknown, asOf: string) => DecisionLike | Promise<DecisionLike>;

export interface Backend {
  name: string;
  /**
   * Called once per case, before its records are evaluated in order: state (round_robin counters,
   * least_loaded counts) must live as long as the returned function, and start fresh for each case.
   */
  prepare(artifact: Artifact): Evaluate | Promise<Evaluate>;
  /** a reason to skip a case this backend does not claim to support (e.g. stateful strategies in SQL) */
  skip?(c: ConformanceCase): string | undefined;
  /** releases what the backend started (a database server), after every case has run */
  close?(): Promise<void>;
}
