// The state the semantic passes share while checking one program, and the small helpers every
// pass uses to report diagnostics and record references.
import type { DottedName, OverrideDecl, SetDecl, TerritoryDecl, SegmentDecl, SourceFile } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { makeDiagnostic, type CatalogueEntry, type DiagnosticExtras } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type {
  CarveSymbol, FieldSymbol, NormalizedLiteral, RecordSchema, Reference, ResolvedTarget, SetInfo,
} from "./types.js";

export interface Sema {
  files: SourceFile[];
  /** file text by uri, for quoting source in fixes */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
  symbols: Map<string, CarveSymbol>;
  record?: RecordSchema;
  /** a symbol per record field, for references */
  fieldSymbols: Map<string, FieldSymbol>;
  references: Reference[];
  literals: Map<object, NormalizedLiteral>;
  targets: Map<DottedName, ResolvedTarget>;
  sets: Map<SetDecl, SetInfo>;
  territoryPath: Map<TerritoryDecl, string>;
  territoryByPath: Map<string, TerritoryDecl>;
  overlayByPath: Map<string, TerritoryDecl>;
  overrides: OverrideDecl[];
  segmentOrder: SegmentDecl[];
  fileOf: Map<object, string>;
}

export function newSema(files: SourceFile[]): Sema {
  return {
    files,
    texts: new Map(files.map((f) => [f.uri, f.text ?? ""])),
    diagnostics: [],
    symbols: new Map(),
    fieldSymbols: new Map(),
    references: [],
    literals: new Map(),
    targets: new Map(),
    sets: new Map(),
    territoryPath: new Map(),
    territoryByPath: new Map(),
    overlayByPath: new Map(),
    overrides: [],
    segmentOrder: [],
    fileOf: new Map(),
  };
}

export function report(
  s: Sema, code: CatalogueEntry, file: string, range: Range, message: string, extras: DiagnosticExtras = {},
): void {
  s.diagnostics.push(makeDiagnostic(code, file, range, message, extras));
}

export function addReference(s: Sema, file: string, range: Range, symbol: CarveSymbol | FieldSymbol): void {
  s.references.push({ file, range, symbol });
}

/** The source text of a range. */
export function sourceText(s: Sema, file: string, range: Range): string {
  return (s.texts.get(file) ?? "").slice(range.start, range.end);
}

/** "a rep", "an override", … for messages. */
export function describeKind(kind: CarveSymbol["kind"] | "field"): string {
  return kind === "override" ? "an override" : kind === "record" ? "the record" : `a ${kind}`;
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`" */
export function orList(items: readonly string[], quote = true): string {
  const q = quote ? items.map((x) => `\`${x}\``) : [...items];
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}

/** Replacement fixes for "did you mean" suggestions. */
export function replaceFixes(file: string, range: Range, suggestions: readonly string[], render: (s: string) => string = (x) => x) {
  return suggestions.map((sug) => ({ label: `replace with \`${render(sug)}\``, file, range, newText: render(sug) }));
}

/** "did you mean `a`?" / "did you mean `a` or `b`?" */
export function didYouMeanText(suggestions: readonly string[], render: (s: string) => string = (x) => x): string {
  return `did you mean ${orList(suggestions.map(render))}?`;
}

/** Removes diagnostics reported twice (sets are checked once per use; the same element may fail each time). */
export function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}\u0000${d.file}\u0000${d.range.start}\u0000${d.range.end}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
