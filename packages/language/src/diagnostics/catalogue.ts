// The diagnostic catalogue: every code the front end can emit, in one place.
// Codes are stable: never reuse or renumber one. CARVE070–CARVE099 are reserved for static analysis.
import type { CatalogueEntry } from "./catalogue-entry.js";
import { NameCodes } from "./catalogue-names.js";
import { SyntaxCodes } from "./catalogue-syntax.js";
import { TypeCodes } from "./catalogue-types.js";
import type { Diagnostic, Fix, RelatedInfo } from "./diagnostic.js";
import type { Range } from "../ast/source.js";

export { NameCodes, SyntaxCodes, TypeCodes };
export type { CatalogueEntry };

export const Codes = { ...SyntaxCodes, ...NameCodes, ...TypeCodes } as const;

/** Every catalogue entry, sorted by code (docs/diagnostics.md must list each one). */
export function allCatalogueEntries(extra: Iterable<CatalogueEntry> = []): CatalogueEntry[] {
  return [...Object.values(Codes), ...extra].sort((a, b) => a.code.localeCompare(b.code));
}

export interface DiagnosticExtras {
  help?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  witness?: Record<string, unknown>;
}

export function makeDiagnostic(
  code: CatalogueEntry,
  file: string,
  range: Range,
  message: string,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const d: Diagnostic = { code: code.code, severity: code.severity, message, file, range };
  if (extras.help !== undefined) d.help = extras.help;
  if (extras.related && extras.related.length > 0) d.related = extras.related;
  if (extras.fixes && extras.fixes.length > 0) d.fixes = extras.fixes;
  if (extras.witness !== undefined) d.witness = extras.witness;
  return d;
}
