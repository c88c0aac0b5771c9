// Completion from the tokens before the cursor: a heuristic, good enough for the common places
// (keywords, fields in conditions, values after `==`/`in [`, owners after `assign`, sets after `in`).
import { CONTEXTUAL_KEYWORDS, KEYWORDS, tokenize, type CarveToken, type FieldInfo, type Program } from "@carve/language";
import { listCountries, listRegions, normalizeCountry } from "@carve/values";
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver";
import { toOffset } from "../positions.js";
import type { Workspace } from "../workspace.js";

const CONDITION_START = new Set(["when", "and", "or", "not", "(", "="]);
const OWNER_SLOT = new Set(["assign", "otherwise", "overflow"]);
/** Tokens that end a condition when scanning backwards for its start. */
const CONDITION_BOUNDARY = new Set(["when", "segment", "{", "}", "assign"]);

export function completion(ws: Workspace, file: string, position: Position): CompletionItem[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  const offset = toOffset(text, position);
  const tokens = tokenize(text.slice(0, offset)).filter((t) => t.kind !== "comment");
  // The word being typed is not context: drop it (the client filters by it).
  const last = tokens[tokens.length - 1];
  if (last && last.range.end === offset && /^[A-Za-z_]/.test(last.text)) tokens.pop();
  const { program } = ws.analysisFor(file);
  return itemsFor(program, tokens);
}

function itemsFor(program: Program, tokens: CarveToken[]): CompletionItem[] {
  const prev = tokens[tokens.length - 1]?.text;
  if (prev === undefined) return keywords();
  if (OWNER_SLOT.has(prev)) return [...owners(program, ["rep", "team", "queue"]), ...repFields(program)];
  if (prev === "members" || (prev === "," && inMembers(tokens))) return owners(program, ["rep"]);
  if (prev === "==" || prev === "!=") {
    const field = fieldBefore(program, tokens, tokens.length - 1);
    return field ? valuesFor(program, field, tokens) : [];
  }
  if (prev === "[" || prev === ",") {
    const open = openBracket(tokens);
    if (open !== undefined && tokens[open - 1]?.text === "in") {
      const field = fieldBefore(program, tokens, open - 1);
      return field ? valuesFor(program, field, tokens) : [];
    }
    if (open !== undefined) return [];
  }
  if (prev === "in") return sets(program);
  if (CONDITION_START.has(prev)) return [...fields(program), ...segments(program), ...keywords(["not"])];
  return keywords();
}

function keywords(only?: string[]): CompletionItem[] {
  const words = only ?? [...KEYWORDS, ...CONTEXTUAL_KEYWORDS];
  return [...new Set(words)].map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
}

function fields(program: Program): CompletionItem[] {
  return [...(program.record?.fields.values() ?? [])].map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Field,
    detail: `${f.type}${f.optional ? "?" : ""}`,
  }));
}

function repFields(program: Program): CompletionItem[] {
  return fields(program).filter((f) => f.detail?.startsWith("rep"));
}

function owners(program: Program, kinds: string[]): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const s of program.symbols.values()) {
    if (!kinds.includes(s.kind)) continue;
    const label = (s.decl as { label?: { value: string } }).label?.value;
    out.push({
      label: s.name,
      kind: s.kind === "rep" ? CompletionItemKind.Variable : s.kind === "team" ? CompletionItemKind.Class : CompletionItemKind.Module,
      detail: label ? `${s.kind} — ${label}` : s.kind,
    });
  }
  return out;
}

function segments(program: Program): CompletionItem[] {
  return [...program.symbols.values()].filter((s) => s.kind === "segment")
    .map((s) => ({ label: s.name, kind: CompletionItemKind.Function, detail: "segment" }));
}

function sets(program: Program): CompletionItem[] {
  return [...program.symbols.values()].filter((s) => s.kind === "set")
    .map((s) => ({ label: s.name, kind: CompletionItemKind.Constant, detail: "set" }));
}

/** The field name ending just before tokens[end] (a dotted name is several tokens). */
function fieldBefore(program: Program, tokens: CarveToken[], end: number): FieldInfo | undefined {
  let i = end - 1;
  const parts: string[] = [];
  while (i >= 0 && /^[A-Za-z_]/.test(tokens[i].text)) {
    parts.unshift(tokens[i].text);
    if (tokens[i - 1]?.text !== ".") break;
    i -= 2;
  }
  return program.record?.fields.get(parts.join("."));
}

function openBracket(tokens: CarveToken[]): number | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].text;
    if (t === "[") return i;
    if (t === "]" || t === "{" || t === "}") return undefined;
  }
  return undefined;
}

function inMembers(tokens: CarveToken[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.text === "members") return true;
    if (t.text !== "," && t.kind !== "identifier" && t.text !== "weight" && t.kind !== "number") return false;
  }
  return false;
}

function valuesFor(program: Program, field: FieldInfo, tokens: CarveToken[]): CompletionItem[] {
  switch (field.type) {
    case "enum":
      return (field.enumValues ?? []).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: field.name }));
    case "country":
      return listCountries().map((c) => ({ label: c.code, kind: CompletionItemKind.Value, detail: c.name }));
    case "region": {
      const country = countryInCondition(program, field, tokens);
      return listRegions(country).map((r) => ({ label: r.code, kind: CompletionItemKind.Value, detail: r.name }));
    }
    case "rep":
      return owners(program, ["rep"]);
    case "bool":
      return ["true", "false"].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
    default:
      return [];
  }
}

/** The country a region field is compared under in the same condition (`country == US and region == |`). */
function countryInCondition(program: Program, region: FieldInfo, tokens: CarveToken[]): string | undefined {
  const countryField = region.countryField;
  if (!countryField) return undefined;
  for (let i = tokens.length - 1; i >= 2; i--) {
    if (CONDITION_BOUNDARY.has(tokens[i].text)) break;
    if (tokens[i - 1].text !== "==") continue;
    if (fieldBefore(program, tokens, i - 1)?.name !== countryField) continue;
    const raw = tokens[i].kind === "string" ? tokens[i].text.slice(1, -1) : tokens[i].text;
    const n = normalizeCountry(raw);
    if (n.ok) return n.value;
  }
  return undefined;
}
