// Completion: what may stand at the cursor (completion-context.ts), filled in from the program —
// keywords, fields, enum values of the field being compared, reps/teams/queues/sets/segments/
// overrides and territory paths where each may stand, country and region codes with their names
// (regions narrowed to the countries the same condition or `given` block names).
//
// It reads the most recently built program rather than waiting for a rebuild after each keystroke:
// the names and types it offers rarely change between two keystrokes.
import { TYPE_NAMES, type CarveToken, type FieldInfo, type Program } from "@carve/language";
import { listCountries, listRegions, normalizeCountry } from "@carve/values";
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from "vscode-languageserver";
import { toOffset, toRange } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { completionContext, dottedEndingAt, type Part } from "./completion-context.js";
import { scanBefore } from "./completion-scan.js";

/** Past this many items, only those matching what is typed are sent (the list is marked incomplete). */
const MAX_ITEMS = 500;
const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function completion(ws: Workspace, file: string, position: Position): CompletionList {
  const text = ws.readFile(file);
  if (text === undefined) return EMPTY;
  const offset = toOffset(text, position);
  const scan = scanBefore(text, offset);
  if (!scan) return EMPTY;
  const program = ws.recentProgramFor(file);
  const parts = completionContext(scan, (name) => program.record?.fields.has(name) ?? false);
  let items = dedupe(parts.flatMap((p) => itemsFor(program, p)));
  let isIncomplete = false;
  if (items.length > MAX_ITEMS) {
    const typed = text.slice(scan.partial.start, offset).toLowerCase();
    items = items.filter((i) => i.label.toLowerCase().startsWith(typed) || (i.detail ?? "").toLowerCase().startsWith(typed)).slice(0, MAX_ITEMS);
    isIncomplete = true;
  }
  // The whole word being typed is replaced, dots and dashes included (`account.ow`, `US-C`).
  const range = toRange(text, scan.partial);
  for (const item of items) item.textEdit = { range, newText: item.label };
  return { isIncomplete, items };
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label));
}

function itemsFor(program: Program, part: Part): CompletionItem[] {
  switch (part.kind) {
    case "keywords":
      return part.words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
    case "types":
      return TYPE_NAMES.map((t) => ({ label: t, kind: CompletionItemKind.TypeParameter, detail: "field type" }));
    case "fields":
      return fields(program).filter((f) => !part.exclude?.includes(f.name) && (!part.rep || f.type === "rep")).map(fieldItem);
    case "symbols":
      return symbols(program, part.kinds);
    case "values": {
      const field = program.record?.fields.get(part.field);
      return field ? values(program, field, part.scope) : [];
    }
    case "sets":
      return sets(program, part.field ? program.record?.fields.get(part.field) : undefined, part.pattern);
    case "paths": {
      const byPath = part.overlay ? program.overlayByPath : program.territoryByPath;
      return [...byPath].map(([path, t]) => ({
        label: path, kind: CompletionItemKind.Module, detail: t.label?.value ? `territory — ${t.label.value}` : "territory",
      }));
    }
  }
}

function fields(program: Program): FieldInfo[] {
  return [...(program.record?.fields.values() ?? [])];
}

function fieldItem(f: FieldInfo): CompletionItem {
  return { label: f.name, kind: CompletionItemKind.Field, detail: `${f.type}${f.optional ? "?" : ""}` };
}

const SYMBOL_KINDS = {
  rep: CompletionItemKind.Variable,
  team: CompletionItemKind.Class,
  queue: CompletionItemKind.Module,
  segment: CompletionItemKind.Function,
  override: CompletionItemKind.Event,
} as const;

function symbols(program: Program, kinds: readonly (keyof typeof SYMBOL_KINDS)[]): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const s of program.symbols.values()) {
    if (!(kinds as readonly string[]).includes(s.kind)) continue;
    const label = (s.decl as { label?: { value?: string } }).label?.value;
    out.push({ label: s.name, kind: SYMBOL_KINDS[s.kind as keyof typeof SYMBOL_KINDS], detail: label ? `${s.kind} — ${label}` : s.kind });
  }
  return out;
}

function sets(program: Program, field: FieldInfo | undefined, pattern: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const s of program.symbols.values()) {
    if (s.kind !== "set") continue;
    const info = program.sets.get(s.decl);
    // A set's type comes from its first use: a used set fits only fields of that type and use.
    if (info?.type && field && (info.type !== field.type || (info.mode === "pattern") !== pattern)) continue;
    out.push({ label: s.name, kind: CompletionItemKind.Constant, detail: info?.type ? `set of ${info.type}` : "set" });
  }
  return out;
}

function values(program: Program, field: FieldInfo, scope: readonly CarveToken[]): CompletionItem[] {
  switch (field.type) {
    case "enum":
      return (field.enumValues ?? []).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: field.name }));
    case "country":
      return listCountries().map((c) => codeItem(c.code, c.name));
    case "region": {
      const countries = field.countryField ? countriesIn(scope, field.countryField) : [];
      const regions = countries.length > 0 ? countries.flatMap((c) => listRegions(c)) : listRegions();
      return regions.map((r) => codeItem(r.code, r.name));
    }
    case "rep":
      return symbols(program, ["rep"]);
    case "bool":
      return ["true", "false"].map((v) => ({ label: v, kind: CompletionItemKind.Keyword }));
    default:
      return [];
  }
}

/** A code with its name; typing part of the name finds it too. */
function codeItem(code: string, name: string): CompletionItem {
  return { label: code, kind: CompletionItemKind.EnumMember, detail: name, filterText: `${code} ${name}` };
}

/** The countries `field == X`, `field in [X, …]` or `field: X` name in a condition or `given` block. */
function countriesIn(scope: readonly CarveToken[], field: string): string[] {
  const out = new Set<string>();
  const add = (t: CarveToken | undefined) => {
    if (!t) return;
    const n = normalizeCountry(t.kind === "string" ? t.text.slice(1, -1) : t.text);
    if (n.ok) out.add(n.value);
  };
  for (let i = 0; i < scope.length; i++) {
    // tokens[i] must be the last part of the name (`account . country`, not `account`).
    if (scope[i + 1]?.text === "." || dottedEndingAt(scope, i) !== field) continue;
    const op = scope[i + 1]?.text;
    if (op === "==" || op === ":") add(scope[i + 2]);
    else if (op === "in" && scope[i + 2]?.text === "[") {
      for (let j = i + 3; j < scope.length && scope[j].text !== "]"; j++) if (scope[j].text !== ",") add(scope[j]);
    }
  }
  return [...out];
}
