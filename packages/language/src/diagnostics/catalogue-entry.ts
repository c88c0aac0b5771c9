import type { Severity } from "./diagnostic.js";

/** One line of the diagnostic catalogue: a stable code with its default severity and a title. */
export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
}

export function entry(code: number, severity: Severity, title: string): CatalogueEntry {
  return { code: `CARVE${String(code).padStart(3, "0")}`, severity, title };
}
