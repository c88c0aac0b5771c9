// SARIF 2.1.0 (the format GitHub code scanning and other review tools upload): one run, the
// catalogue entries that occur as rules, every diagnostic as a result with its exact region.
import type { CatalogueEntry } from "./catalogue-entry.js";
import type { Severity } from "./diagnostic.js";
import type { JsonDiagnostic } from "./render.js";

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/**
 * `diagnostics` carry display paths (relative to where the tool ran, which for code scanning is
 * the repository root); they become relative URIs against %SRCROOT%.
 */
export function toSarif(diagnostics: readonly JsonDiagnostic[], catalogue: readonly CatalogueEntry[], tool: SarifTool): object {
  const byCode = new Map(catalogue.map((e) => [e.code, e]));
  const used = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(used.map((c, i) => [c, i]));
  const rules = used.map((code) => {
    const e = byCode.get(code);
    const rule: Record<string, unknown> = { id: code, shortDescription: { text: e?.title ?? code } };
    if (e) rule.defaultConfiguration = { level: LEVEL[e.severity] };
    return rule;
  });
  const results = diagnostics.map((d) => {
    const r: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.help ? `${d.message}\n${d.help}` : d.message },
      locations: [location(d, d.file)],
      // Stable across runs that do not move the finding, so the scanner can track it.
      partialFingerprints: { carveFinding: `${d.code}:${d.file}:${d.line}:${d.column}` },
    };
    if (d.related?.length) {
      r.relatedLocations = d.related.map((rel, i) => ({ id: i + 1, ...location(rel, rel.file), message: { text: rel.message } }));
    }
    if (d.witness) r.properties = { witness: d.witness };
    return r;
  });
  const driver: Record<string, unknown> = { name: tool.name, version: tool.version, rules };
  if (tool.informationUri) driver.informationUri = tool.informationUri;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver }, columnKind: "utf16CodeUnits", results }],
  };
}

interface Spanned {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function location(s: Spanned, file: string): object {
  const uri = fileUri(file);
  return {
    physicalLocation: {
      artifactLocation: uri.startsWith("file:") ? { uri } : { uri, uriBaseId: "%SRCROOT%" },
      region: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn },
    },
  };
}

/** A display path as a relative URI reference: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  const absolute = file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(file);
  const parts = file.split(/[\\/]/).map((p, i) => (i === 0 && /^[A-Za-z]:$/.test(p) ? p : encodeURIComponent(p)));
  return absolute ? `file://${file.startsWith("/") ? "" : "/"}${parts.join("/")}` : parts.join("/");
}
