// Rename: every declaration and use of a name, in every file of the program.
import { KEYWORDS, type Program } from "@carve/language";
import { ResponseError, ErrorCodes, type Position, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import { toOffset, toRange, uriOf } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { allSymbols, occurrences, sameSymbol, targetAt } from "./lookup.js";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A refused rename: the message tells the user why the new name cannot be used. */
export class RenameRefused extends ResponseError<void> {
  constructor(message: string) {
    super(ErrorCodes.InvalidRequest, message);
  }
}

export function prepareRename(ws: Workspace, file: string, position: Position): { range: Range; placeholder: string } | null {
  const text = ws.readFile(file);
  if (text === undefined) return null;
  const found = targetAt(ws.programFor(file), file, toOffset(text, position));
  if (!found) return null;
  return { range: toRange(text, found.range), placeholder: text.slice(found.range.start, found.range.end) };
}

/** The edits, or throws RenameRefused with a message for the user. Returns null when nothing is under the cursor. */
export function rename(ws: Workspace, file: string, position: Position, newName: string): WorkspaceEdit | null {
  const text = ws.readFile(file);
  if (text === undefined) return null;
  const program = ws.programFor(file);
  const found = targetAt(program, file, toOffset(text, position));
  if (!found) return null;
  const symbol = found.symbol;
  const name = newName.trim();
  // Fields are dotted (`account.owner`); every other name is one identifier.
  const parts = symbol.kind === "field" ? name.split(".") : [name];
  const bad = parts.find((p) => !IDENT.test(p));
  if (bad !== undefined) throw new RenameRefused(`\`${name}\` is not a valid name: use letters, digits and \`_\`, not starting with a digit`);
  const keyword = parts.find((p) => KEYWORDS.includes(p));
  if (keyword !== undefined) throw new RenameRefused(`\`${keyword}\` is a keyword and cannot be used as a name`);
  if (name === symbol.name) return { changes: {} };
  const clash = allSymbols(program).find((s) => s.name === name && !sameSymbol(s, symbol) && (s.kind === "field") === (symbol.kind === "field"));
  if (clash) throw new RenameRefused(`\`${name}\` is already the name of a ${clash.kind}; choose another name`);
  if (symbol.kind === "field") refuseFieldPrefix(program, symbol.name, name);

  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences(program, symbol, true)) {
    const uri = uriOf(o.file);
    (changes[uri] ??= []).push({ range: toRange(ws.readFile(o.file) ?? "", o.range), newText: name });
  }
  return { changes };
}

/** A field may not also be the prefix of a dotted field (`account` next to `account.owner`). */
function refuseFieldPrefix(program: Program, old: string, name: string): void {
  for (const other of program.record?.fields.keys() ?? []) {
    if (other === old) continue;
    if (other.startsWith(`${name}.`) || name.startsWith(`${other}.`)) {
      throw new RenameRefused(`\`${name}\` would clash with the field \`${other}\`: a field cannot also be the prefix of a dotted field`);
    }
  }
}
