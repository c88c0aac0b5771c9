// Diagnostics for every file of the programs of the open documents, as LSP diagnostics.
import type { Diagnostic as CarveDiagnostic } from "@carve/language";
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { toRange, uriOf } from "../positions.js";
import type { Workspace } from "../workspace.js";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/**
 * Every diagnostic of every file reachable from the open documents, by file path. Files of a
 * program without problems map to `[]`, so a client clears what it showed before.
 */
export function collectDiagnostics(ws: Workspace): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const seen = new Map<string, Set<string>>();
  const entries = new Set(ws.openPaths().map((p) => ws.entryFor(p)));
  for (const entry of entries) {
    const { program, diagnostics } = ws.analyze(entry);
    for (const f of program.files) if (!out.has(f.uri)) out.set(f.uri, []);
    if (!out.has(entry)) out.set(entry, []);
    for (const d of diagnostics) {
      // A file imported by two open rulesets gets each problem once.
      const key = `${d.code}:${d.range.start}:${d.range.end}:${d.message}`;
      const keys = seen.get(d.file) ?? new Set<string>();
      seen.set(d.file, keys);
      if (keys.has(key)) continue;
      keys.add(key);
      const text = ws.readFile(d.file) ?? "";
      const list = out.get(d.file) ?? [];
      out.set(d.file, list);
      list.push(toLspDiagnostic(d, text, (f) => ws.readFile(f) ?? ""));
    }
  }
  return out;
}

export function toLspDiagnostic(d: CarveDiagnostic, text: string, textOf: (file: string) => string): Diagnostic {
  let message = d.message;
  if (d.witness) message += `\nexample record: ${JSON.stringify(d.witness)}`;
  if (d.help) message += `\nhelp: ${d.help}`;
  const related: DiagnosticRelatedInformation[] = (d.related ?? []).map((r) => ({
    location: { uri: uriOf(r.file), range: toRange(textOf(r.file), r.range) },
    message: r.message,
  }));
  return {
    range: toRange(text, d.range),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: "carve",
    message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    // The structured parts, for code actions (fixes) and clients that show witnesses themselves.
    data: { fixes: d.fixes ?? [], witness: d.witness },
  };
}
