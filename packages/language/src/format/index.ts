// Barrel for format/: the canonical formatter (rules at the top of printer.ts).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parse } from "../syntax/index.js";
import { format } from "./printer.js";

export { format } from "./printer.js";
export { quote as quoteString } from "./print-literals.js";

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Formats source text. A file with syntax errors is refused (never rewritten): the result carries
 * the parse diagnostics instead, so a half-understood file is never reshaped.
 */
export function formatText(uri: string, text: string): FormatResult {
  const { file, diagnostics } = parse(uri, text);
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  return { ok: true, text: format(file) };
}
