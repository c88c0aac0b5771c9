// Go to definition and find references, across every file of the program.
import type { Location, Position } from "vscode-languageserver";
import { toOffset, toRange, uriOf } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { allSymbols, occurrences, sameSymbol, targetAt } from "./lookup.js";

export function definition(ws: Workspace, file: string, position: Position): Location | null {
  const text = ws.readFile(file);
  if (text === undefined) return null;
  const program = ws.programFor(file);
  const found = targetAt(program, file, toOffset(text, position));
  if (!found) return null;
  const decl = allSymbols(program).find((s) => sameSymbol(s, found.symbol)) ?? found.symbol;
  return { uri: uriOf(decl.file), range: toRange(ws.readFile(decl.file) ?? "", decl.nameRange) };
}

export function references(ws: Workspace, file: string, position: Position, includeDeclaration: boolean): Location[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  const program = ws.programFor(file);
  const found = targetAt(program, file, toOffset(text, position));
  if (!found) return [];
  return occurrences(program, found.symbol, includeDeclaration).map((o) => ({
    uri: uriOf(o.file),
    range: toRange(ws.readFile(o.file) ?? "", o.range),
  }));
}
