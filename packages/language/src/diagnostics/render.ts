// Renders diagnostics for terminals, rustc/Elm style:
//
//   error[CARVE025]: unknown name `wset_states`
//     --> acme.carve:12:30
//      |
//   12 |     when country == US and region in wset_states
//      |                                      ^^^^^^^^^^^
//      = help: did you mean `west_states`?
//
// Colour is injected (the CLI passes picocolors) so this package stays free of terminal concerns.
import { LineIndex, type Range } from "../ast/source.js";
import type { Diagnostic, Severity } from "./diagnostic.js";

export interface Style {
  error(s: string): string;
  warning(s: string): string;
  info(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
}

const identity = (s: string): string => s;
export const plainStyle: Style = {
  error: identity, warning: identity, info: identity, bold: identity, dim: identity, accent: identity,
};

export interface SourceLookup {
  /** The text of a file named in a diagnostic, when it is known. */
  text(file: string): string | undefined;
  /** How to show the file's name (e.g. relative to the working directory). */
  displayName?(file: string): string;
}

/** 1-based line/column span of a range, the convention of terminals and JSON output. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const indexCache = new WeakMap<object, Map<string, LineIndex>>();

function lineIndexFor(lookup: SourceLookup, file: string): LineIndex | undefined {
  let cache = indexCache.get(lookup);
  if (!cache) indexCache.set(lookup, (cache = new Map()));
  let idx = cache.get(file);
  if (!idx) {
    const text = lookup.text(file);
    if (text === undefined) return undefined;
    idx = new LineIndex(text);
    cache.set(file, idx);
  }
  return idx;
}

export function spanOf(index: LineIndex, r: Range): Span {
  const s = index.position(r.start);
  const e = index.position(Math.max(r.start, r.end));
  return { line: s.line + 1, column: s.column + 1, endLine: e.line + 1, endColumn: e.column + 1 };
}

function severityWord(s: Severity): string {
  return s === "info" ? "info" : s;
}

function paint(style: Style, s: Severity, text: string): string {
  return s === "error" ? style.error(text) : s === "warning" ? style.warning(text) : style.info(text);
}

/** Expands tabs so carets line up with what the terminal shows. */
function visual(text: string): string {
  return text.replace(/\t/g, "    ");
}

function caretLine(lineText: string, from: number, to: number): { pad: string; carets: string } {
  const before = visual(lineText.slice(0, from));
  const under = visual(lineText.slice(from, Math.max(from, to)));
  return { pad: " ".repeat(before.length), carets: "^".repeat(Math.max(1, under.length)) };
}

/** The code frame: every line the range touches (at most 6, eliding the middle), with carets. */
function codeFrame(index: LineIndex, r: Range, style: Style, severity: Severity, gutterWidth: number): string[] {
  const start = index.position(r.start);
  const end = index.position(Math.max(r.start, r.end));
  const out: string[] = [];
  const gutter = (n?: number) => style.accent(`${n === undefined ? "" : String(n)}`.padStart(gutterWidth) + " |");
  out.push(gutter());
  const lines: number[] = [];
  for (let l = start.line; l <= end.line; l++) lines.push(l);
  const shown = lines.length > 6 ? [...lines.slice(0, 3), -1, ...lines.slice(-2)] : lines;
  for (const l of shown) {
    if (l === -1) {
      out.push(style.accent("...".padStart(gutterWidth + 2)));
      continue;
    }
    const text = index.lineText(l);
    out.push(`${gutter(l + 1)} ${visual(text)}`);
    const from = l === start.line ? start.column : 0;
    const to = l === end.line ? end.column : text.length;
    if (to > from || l === start.line) {
      const { pad, carets } = caretLine(text, from, to);
      out.push(`${gutter()} ${pad}${paint(style, severity, carets)}`);
    }
  }
  return out;
}

export function renderDiagnostic(d: Diagnostic, lookup: SourceLookup, style: Style = plainStyle): string {
  const name = lookup.displayName ? lookup.displayName(d.file) : d.file;
  const index = lineIndexFor(lookup, d.file);
  const head = `${paint(style, d.severity, `${severityWord(d.severity)}[${d.code}]`)}${style.bold(`: ${d.message}`)}`;
  const out = [head];
  if (!index) {
    out.push(`  ${style.accent("-->")} ${name}`);
  } else {
    const span = spanOf(index, d.range);
    const gutterWidth = String(Math.min(index.lineCount, span.endLine)).length;
    out.push(`${" ".repeat(gutterWidth)}${style.accent("-->")} ${name}:${span.line}:${span.column}`);
    out.push(...codeFrame(index, d.range, style, d.severity, gutterWidth));
    for (const rel of d.related ?? []) {
      const relIndex = lineIndexFor(lookup, rel.file);
      const relName = lookup.displayName ? lookup.displayName(rel.file) : rel.file;
      const where = relIndex ? `${relName}:${spanOf(relIndex, rel.range).line}:${spanOf(relIndex, rel.range).column}` : relName;
      out.push(`${" ".repeat(gutterWidth)} ${style.accent("=")} note: ${rel.message} (${where})`);
    }
    if (d.help) out.push(`${" ".repeat(gutterWidth)} ${style.accent("=")} ${style.bold("help")}: ${d.help}`);
    return out.join("\n");
  }
  for (const rel of d.related ?? []) out.push(`  = note: ${rel.message}`);
  if (d.help) out.push(`  = help: ${d.help}`);
  return out.join("\n");
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countDiagnostics(ds: readonly Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of ds) {
    if (d.severity === "error") c.errors++;
    else if (d.severity === "warning") c.warnings++;
    else c.infos++;
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "2 errors, 1 warning" or "no problems". */
export function summarize(c: Counts): string {
  const parts: string[] = [];
  if (c.errors) parts.push(plural(c.errors, "error"));
  if (c.warnings) parts.push(plural(c.warnings, "warning"));
  if (c.infos) parts.push(`${c.infos} info`);
  return parts.length === 0 ? "no problems" : parts.join(", ");
}

/** The machine form used by `--format json`: 1-based lines and columns. */
export interface JsonDiagnostic extends Span {
  code: string;
  severity: Severity;
  message: string;
  help?: string;
  file: string;
  related?: ({ message: string; file: string } & Span)[];
  witness?: Record<string, unknown>;
}

export function toJsonDiagnostic(d: Diagnostic, lookup: SourceLookup): JsonDiagnostic {
  const index = lineIndexFor(lookup, d.file);
  const span = index ? spanOf(index, d.range) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const name = lookup.displayName ? lookup.displayName(d.file) : d.file;
  const j: JsonDiagnostic = { code: d.code, severity: d.severity, message: d.message, file: name, ...span };
  if (d.help !== undefined) j.help = d.help;
  if (d.related?.length) {
    j.related = d.related.map((r) => {
      const ri = lineIndexFor(lookup, r.file);
      const rs = ri ? spanOf(ri, r.range) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
      return { message: r.message, file: lookup.displayName ? lookup.displayName(r.file) : r.file, ...rs };
    });
  }
  if (d.witness) j.witness = d.witness;
  return j;
}
