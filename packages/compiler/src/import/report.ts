// What an import did: for each kind of input element, how many were read, translated and left
// out (read = translated + untranslated, always), everything left out with its file and line, the
// decisions a reader should know, and the static analysis of the imported plan.
import { LineIndex, type Diagnostic, type Severity } from "@carve/language";
import type { Artifact } from "@carve/runtime";

export interface Count {
  read: number;
  translated: number;
  untranslated: number;
}

export interface Untranslated {
  /** the kind of element: `ruleItems`, `booleanFilter`, `rules`, `territories`, `criteriaItems`, `formula`, `ruleEntry` */
  kind: string;
  file: string;
  line: number;
  /** the element, briefly (`Account.Location__c within 10`) */
  what: string;
  reason: string;
}

export interface Note {
  file: string;
  line?: number;
  message: string;
}

export interface FieldMap {
  carve: string;
  type: string;
  salesforce: string[];
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based line in the imported ruleset */
  line: number;
}

export interface ImportReport {
  importer: "salesforce-territories" | "salesforce-assignment-rules";
  source: string;
  ruleset: string;
  counts: Record<string, Count>;
  untranslated: Untranslated[];
  notes: Note[];
  fields: FieldMap[];
  /** what the check of the imported ruleset found; `analyzed` false when the static analysis was skipped */
  findings: { analyzed: boolean; errors: number; warnings: number; infos: number; items: Finding[] };
}

/** An importer's output: the formatted ruleset, the report, and the ruleset's diagnostics. */
export interface ImportResult<R extends ImportReport = ImportReport> {
  text: string;
  report: R;
  diagnostics: Diagnostic[];
  /** the compiled ruleset, when it has no errors */
  artifact?: Artifact;
}

/** Counts per kind, built as elements are read and judged. */
export class Tally {
  readonly counts: Record<string, Count> = {};
  readonly untranslated: Untranslated[] = [];

  private count(kind: string): Count {
    return (this.counts[kind] ??= { read: 0, translated: 0, untranslated: 0 });
  }

  /** Declares a kind that may have no elements, so the report lists it with zeros. */
  declare(...kinds: string[]): void {
    for (const k of kinds) this.count(k);
  }

  translated(kind: string): void {
    const c = this.count(kind);
    c.read++;
    c.translated++;
  }

  left(u: Untranslated): void {
    const c = this.count(u.kind);
    c.read++;
    c.untranslated++;
    this.untranslated.push(u);
  }
}

/** The findings of the imported ruleset's check, with lines in its text. */
export function findingsOf(diagnostics: readonly Diagnostic[], text: string, analyzed: boolean): ImportReport["findings"] {
  const lines = new LineIndex(text);
  const items = diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: lines.position(d.range.start).line + 1 }));
  return {
    analyzed,
    errors: items.filter((f) => f.severity === "error").length,
    warnings: items.filter((f) => f.severity === "warning").length,
    infos: items.filter((f) => f.severity === "info").length,
    items,
  };
}
