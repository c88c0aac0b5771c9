// Test helpers: an in-memory Disk, the acme example as a workspace, cursor markers in text, and
// positions/edits written independently of the server's own conversions.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { Workspace, type Disk } from "../src/index.js";
// One client-side implementation of positions and edits, shared with the protocol tests.
import { applyEdits, offsetAt, positionAt, positionOf, rangeOf } from "../../../test/lsp/text-positions.js";

export { applyEdits, offsetAt, positionAt, positionOf, rangeOf };

export class MemoryDisk implements Disk {
  readonly files: Map<string, string>;
  constructor(files: Record<string, string>) {
    this.files = new Map(Object.entries(files));
  }
  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
  listCarveFiles(dir: string): string[] {
    return [...this.files.keys()].filter((p) => dirname(p) === dir && p.endsWith(".carve")).sort();
  }
}

const exampleDir = join(import.meta.dirname, "..", "..", "..", "examples", "acme");
export const ACME = "/ws/acme.carve";
export const ROSTER = "/ws/roster.carve";
export const acmeText = readFileSync(join(exampleDir, "acme.carve"), "utf8");
export const rosterText = readFileSync(join(exampleDir, "roster.carve"), "utf8");
export const ACME_URI = "file:///ws/acme.carve";
export const ROSTER_URI = "file:///ws/roster.carve";

/** A workspace over the acme example (entry and roster on the in-memory disk), with `open` files opened. */
export function acmeWorkspace(acme = acmeText, roster = rosterText, open: string[] = [ACME]): Workspace {
  const ws = new Workspace(new MemoryDisk({ [ACME]: acme, [ROSTER]: roster }));
  for (const p of open) ws.open(p, p === ACME ? acme : roster, 1);
  return ws;
}

/** Text with one `|` marking the cursor: the text without it, and the cursor's position and offset. */
export function cursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) throw new Error("mark exactly one cursor with |");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: positionAt(text, offset), offset };
}

/** `acme.carve` with the cursor placed by replacing `needle` with `marked` (which holds the `|`). */
export function acmeWith(needle: string, marked: string): { text: string; position: Position } {
  if (!acmeText.includes(needle)) throw new Error(`not in acme.carve: ${needle}`);
  return cursor(acmeText.replace(needle, marked));
}

/** The text a range covers. */
export function textAt(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

/** The edits of a WorkspaceEdit for one URI. */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}
