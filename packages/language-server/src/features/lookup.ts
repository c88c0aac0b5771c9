// What is under the cursor: a use (from program.references) or a declaration's name.
import type { CarveSymbol, FieldSymbol, Program, Range } from "@carve/language";
import { contains } from "../positions.js";

export type Target = CarveSymbol | FieldSymbol;

export interface Found {
  symbol: Target;
  /** the range of the name under the cursor */
  range: Range;
  file: string;
}

export function fieldSymbols(program: Program): FieldSymbol[] {
  const record = program.record;
  if (!record) return [];
  return [...record.fields.values()].map((field) => ({
    kind: "field", name: field.name, file: field.file, nameRange: field.decl.name.range, decl: field.decl, field,
  }));
}

/** Every declaration: the namespace's symbols and the record's fields. */
export function allSymbols(program: Program): Target[] {
  return [...program.symbols.values(), ...fieldSymbols(program)];
}

export function sameSymbol(a: Target, b: Target): boolean {
  return a.decl === b.decl;
}

export function targetAt(program: Program, file: string, offset: number): Found | undefined {
  let best: Found | undefined;
  const consider = (symbol: Target, range: Range) => {
    if (!contains(range, offset)) return;
    // The innermost name wins (a territory path part over the whole path).
    if (!best || range.end - range.start < best.range.end - best.range.start) best = { symbol, range, file };
  };
  for (const r of program.references) if (r.file === file) consider(r.symbol, r.range);
  for (const s of allSymbols(program)) if (s.file === file) consider(s, s.nameRange);
  return best;
}

/** Uses and (optionally) the declaration of a symbol, across every file of the program. */
export function occurrences(program: Program, symbol: Target, includeDeclaration: boolean): { file: string; range: Range }[] {
  const decl = allSymbols(program).find((s) => sameSymbol(s, symbol)) ?? symbol;
  const out = includeDeclaration ? [{ file: decl.file, range: decl.nameRange }] : [];
  const seen = new Set(out.map((o) => `${o.file}:${o.range.start}`));
  for (const r of program.references) {
    const key = `${r.file}:${r.range.start}`;
    if (!sameSymbol(r.symbol, symbol) || seen.has(key)) continue;
    seen.add(key);
    out.push({ file: r.file, range: r.range });
  }
  return out;
}
