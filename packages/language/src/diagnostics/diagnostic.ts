import type { Range } from "../ast/source.js";

export type Severity = "error" | "warning" | "info";

/** A place in some file of the program, used for related locations. */
export interface Location {
  file: string;
  range: Range;
}

export interface RelatedInfo extends Location {
  message: string;
}

/** A machine-applicable edit, e.g. a "did you mean" replacement (used by code actions). */
export interface Fix {
  label: string;
  file: string;
  range: Range;
  newText: string;
}

export interface Diagnostic {
  /** Stable code, `CARVE` + three digits; see catalogue.ts and docs/diagnostics.md. */
  code: string;
  severity: Severity;
  message: string;
  /** How to fix it, in one sentence. */
  help?: string;
  file: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** An example record showing the problem (static analysis findings). */
  witness?: Record<string, unknown>;
}
