// Semantic tokens (full document): the language's tokens, with names classified by what the bound
// program says they are — declarations and uses of reps, teams, queues, sets, segments, overrides,
// territories and fields — so an editor colours `west_ae` as a team wherever it stands.
import { tokenize, type Program, type Range } from "@carve/language";
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import { lineIndex } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { allSymbols, type Target } from "./lookup.js";

// Standard LSP token types, so themes colour them without configuration. Dates are numbers with
// the `date` modifier (a client may style `number.date`).
const TYPES = [
  "keyword", "namespace", "variable", "class", "struct", "enum", "function", "event", "property", "type",
  "enumMember", "string", "number", "comment", "operator",
] as const;
const MODIFIERS = ["declaration", "date"] as const;

type TokenType = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_OF_SYMBOL: Record<Target["kind"], TokenType> = {
  territory: "namespace",
  rep: "variable",
  team: "class",
  queue: "struct",
  set: "enum",
  segment: "function",
  override: "event",
  field: "property",
  record: "type",
};
const DECLARATION = 1 << MODIFIERS.indexOf("declaration");
const DATE = 1 << MODIFIERS.indexOf("date");

interface Span {
  range: Range;
  type: TokenType;
  modifiers: number;
}

export function semanticTokens(ws: Workspace, file: string): SemanticTokens {
  const text = ws.readFile(file);
  if (text === undefined) return { data: [] };
  const spans = nameSpans(ws.programFor(file), file);
  const index = lineIndex(text);
  const builder = new SemanticTokensBuilder();
  let s = 0;
  let previous: string | undefined;
  for (const t of tokenize(text)) {
    let type: TokenType | undefined;
    let modifiers = 0;
    switch (t.kind) {
      case "comment": type = "comment"; break;
      case "string": type = "string"; break;
      case "number": type = "number"; break;
      case "date": type = "number"; modifiers = DATE; break;
      case "code": type = "enumMember"; break;
      case "operator": type = "operator"; break;
      case "keyword": type = "keyword"; break;
      case "identifier":
      case "contextualKeyword": {
        while (s < spans.length && spans[s].range.end < t.range.end) s++;
        const span = spans[s];
        if (span && span.range.start <= t.range.start && t.range.end <= span.range.end) {
          type = span.type;
          modifiers = span.modifiers;
        } else if (t.kind === "contextualKeyword") type = "keyword";
        else if (previous === "ruleset") {
          type = "namespace";
          modifiers = DECLARATION;
        } else type = "enumMember"; // a value written bare: an enum value, a country code
        break;
      }
      default: break;
    }
    if (t.kind !== "comment") previous = t.text;
    if (type === undefined) continue;
    const p = index.position(t.range.start);
    builder.push(p.line, p.column, t.range.end - t.range.start, TYPES.indexOf(type), modifiers);
  }
  return builder.build();
}

/** Every declared or used name in the file, sorted by position. */
function nameSpans(program: Program, file: string): Span[] {
  const out: Span[] = [];
  for (const s of allSymbols(program)) {
    if (s.file === file) out.push({ range: s.nameRange, type: TYPE_OF_SYMBOL[s.kind], modifiers: DECLARATION });
  }
  for (const r of program.references) {
    if (r.file === file) out.push({ range: r.range, type: TYPE_OF_SYMBOL[r.symbol.kind], modifiers: 0 });
  }
  if (program.record?.file === file) {
    for (const f of program.record.decl.fields ?? []) {
      for (const v of f?.type?.values ?? []) if (v?.range) out.push({ range: v.range, type: "enumMember", modifiers: DECLARATION });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
