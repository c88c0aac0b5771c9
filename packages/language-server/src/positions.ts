// Offsets (the language's 0-based UTF-16 ranges) ↔ LSP positions, and file paths ↔ URIs.
import { pathToFileURL, fileURLToPath } from "node:url";
import { LineIndex, type Range as CarveRange } from "@carve/language";
import type { Position, Range } from "vscode-languageserver";

// LineIndex is built once per text: a document's text string is replaced on every edit, so the
// last few indexes by identity are all that is worth keeping.
const cache: { text: string; index: LineIndex }[] = [];

export function lineIndex(text: string): LineIndex {
  const hit = cache.find((c) => c.text === text);
  if (hit) return hit.index;
  const index = new LineIndex(text);
  cache.unshift({ text, index });
  if (cache.length > 16) cache.pop();
  return index;
}

export function toPosition(text: string, offset: number): Position {
  const p = lineIndex(text).position(offset);
  return { line: p.line, character: p.column };
}

export function toRange(text: string, r: CarveRange): Range {
  return { start: toPosition(text, r.start), end: toPosition(text, r.end) };
}

/** Clamps positions past the end of a line or of the file (never throws). */
export function toOffset(text: string, p: Position): number {
  const line = Number.isFinite(p?.line) ? p.line : 0;
  const character = Number.isFinite(p?.character) ? p.character : 0;
  return lineIndex(text).offset({ line, column: character });
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The file path of a `file:` URI; other schemes are kept as they are (they are never on disk). */
export function pathOf(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

/** The offset where the line holding `offset` starts. (`lastIndexOf` with a negative start would still look at 0.) */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
}

export function contains(r: CarveRange, offset: number): boolean {
  return r.start <= offset && offset <= r.end;
}
