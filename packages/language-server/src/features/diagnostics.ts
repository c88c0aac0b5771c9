// Diagnostics of the rulesets of the open documents, in the two phases the server publishes them:
// the front end's (parse, bind, type check) as you type, and those of the static analysis
// (overlaps, gaps, shadowing, roster checks) once typing stops.
import type { Diagnostic as CarveDiagnostic, Program } from "@carve/language";
import { CompilerCodes } from "@carve/compiler";
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation,
} from "vscode-languageserver";
import { toRange, uriOf } from "../positions.js";
import type { Workspace } from "../workspace.js";

export type Phase = "frontEnd" | "analysis";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** Findings about code that has no effect: editors fade it. */
const UNNECESSARY = new Set([CompilerCodes.Unused.code, CompilerCodes.Shadowed.code, CompilerCodes.ShadowedOverride.code]);

/** One ruleset's diagnostics: every file of it (so files without problems get cleared) and the problems. */
export interface EntryDiagnostics {
  files: string[];
  diagnostics: CarveDiagnostic[];
}

/** The front end's diagnostics of a ruleset, or (phase "analysis") those plus the static analysis'. */
export function entryDiagnostics(ws: Workspace, entry: string, phase: Phase): EntryDiagnostics {
  if (phase === "frontEnd") {
    const program = ws.program(entry);
    return { files: filesOf(entry, program), diagnostics: program.diagnostics };
  }
  const { program, result } = ws.compile(entry);
  return { files: filesOf(entry, program), diagnostics: result.diagnostics };
}

function filesOf(entry: string, program: Program): string[] {
  return [...new Set([entry, ...program.files.map((f) => f.uri)])];
}

/** The static analysis' own diagnostics (without the front end's) of a ruleset. */
export function analysisOnly(ws: Workspace, entry: string): CarveDiagnostic[] {
  const { program, result } = ws.compile(entry);
  const front = new Set(program.diagnostics);
  return result.diagnostics.filter((d) => !front.has(d));
}

/** Per file, merged over rulesets; a file imported by two open rulesets gets each problem once. */
export function byFile(results: Iterable<EntryDiagnostics>): Map<string, CarveDiagnostic[]> {
  const out = new Map<string, CarveDiagnostic[]>();
  const seen = new Map<string, Set<string>>();
  for (const r of results) {
    for (const f of r.files) if (!out.has(f)) out.set(f, []);
    for (const d of r.diagnostics) {
      const key = `${d.code}:${d.range.start}:${d.range.end}:${d.message}`;
      const keys = seen.get(d.file) ?? new Set<string>();
      seen.set(d.file, keys);
      if (keys.has(key)) continue;
      keys.add(key);
      const list = out.get(d.file) ?? [];
      out.set(d.file, list);
      list.push(d);
    }
  }
  return out;
}

/** Every diagnostic of every file of the open documents' rulesets, as LSP diagnostics by file path. */
export function collectDiagnostics(ws: Workspace, phase: Phase = "analysis"): Map<string, Diagnostic[]> {
  const merged = byFile(ws.openEntries().map((e) => entryDiagnostics(ws, e, phase)));
  const textOf = (f: string) => ws.readFile(f) ?? "";
  return new Map([...merged].map(([file, ds]) => [file, ds.map((d) => toLspDiagnostic(d, textOf))]));
}

export function toLspDiagnostic(d: CarveDiagnostic, textOf: (file: string) => string): Diagnostic {
  // Analysis messages already quote their witness record (`records like {country: FR, …}`).
  const message = d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
  const related: DiagnosticRelatedInformation[] = (d.related ?? []).map((r) => ({
    location: { uri: uriOf(r.file), range: toRange(textOf(r.file), r.range) },
    message: r.message,
  }));
  return {
    range: toRange(textOf(d.file), d.range),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: "carve",
    message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(UNNECESSARY.has(d.code) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    // The structured parts, for clients that show witnesses themselves.
    ...(d.witness ? { data: { witness: d.witness } } : {}),
  };
}
