// Document symbols: the territory tree, plus the record, roster, sets, segments, overrides and tests.
import { parse, type Item, type TerritoriesBlock, type TerritoryDecl } from "@carve/language";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { toRange } from "../positions.js";
import type { Workspace } from "../workspace.js";

export function documentSymbols(ws: Workspace, file: string): DocumentSymbol[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  // Only this file's outline: parsing it alone is enough and works without a ruleset.
  const { file: ast } = parse(file, text);
  const sym = (name: string, detail: string | undefined, kind: SymbolKind, whole: { start: number; end: number }, sel: { start: number; end: number }, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || "(unnamed)",
    ...(detail ? { detail } : {}),
    kind,
    range: toRange(text, whole),
    selectionRange: toRange(text, sel),
    ...(children ? { children } : {}),
  });
  const territory = (t: TerritoryDecl): DocumentSymbol =>
    sym(t.name?.text ?? "", t.label?.value, SymbolKind.Namespace, t.range, t.name?.range ?? t.range, t.children ? block(t.children) : undefined);
  const block = (b: TerritoriesBlock): DocumentSymbol[] => (b.territories ?? []).filter(Boolean).map(territory);
  const out: DocumentSymbol[] = [];
  for (const item of (ast.items ?? []) as (Item | undefined)[]) {
    if (!item) continue;
    switch (item.kind) {
      case "Ruleset": out.push(sym(item.name?.text ?? "", item.label?.value, SymbolKind.Module, item.range, item.name?.range ?? item.range)); break;
      case "Record":
        out.push(sym(item.name?.text ?? "", "record", SymbolKind.Struct, item.range, item.name?.range ?? item.range,
          (item.fields ?? []).map((f) => sym(f.name?.text ?? "", f.type?.name, SymbolKind.Field, f.range, f.name?.range ?? f.range))));
        break;
      case "Rep": out.push(sym(item.name?.text ?? "", item.label?.value ?? "rep", SymbolKind.Object, item.range, item.name?.range ?? item.range)); break;
      case "Team": out.push(sym(item.name?.text ?? "", item.label?.value ?? "team", SymbolKind.Class, item.range, item.name?.range ?? item.range)); break;
      case "Queue": out.push(sym(item.name?.text ?? "", item.label?.value ?? "queue", SymbolKind.Object, item.range, item.name?.range ?? item.range)); break;
      case "Set": out.push(sym(item.name?.text ?? "", "set", SymbolKind.Array, item.range, item.name?.range ?? item.range)); break;
      case "Segment": out.push(sym(item.name?.text ?? "", "segment", SymbolKind.Boolean, item.range, item.name?.range ?? item.range)); break;
      case "Override": out.push(sym(item.name?.text ?? "", item.label?.value ?? "override", SymbolKind.Event, item.range, item.name?.range ?? item.range)); break;
      case "Territories": out.push(sym("territories", item.policy, SymbolKind.Package, item.range, item.range, block(item))); break;
      case "Overlays": out.push(sym("overlays", undefined, SymbolKind.Package, item.range, item.range, (item.territories ?? []).filter(Boolean).map(territory))); break;
      case "Test": out.push(sym(item.name?.value ?? "", "test", SymbolKind.Method, item.range, item.name?.range ?? item.range)); break;
      default: break;
    }
  }
  return out;
}
