// LSP positions in a text (UTF-16 code units, as the protocol counts them by default) and applying
// TextEdits the way a client does, written independently of the server's own conversions.
import type { Position, Range, TextEdit } from "vscode-languageserver-protocol";

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

export function offsetAt(text: string, p: Position): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
  return offset + p.character;
}

/** The position `delta` code units into the `nth` (0-based) occurrence of `needle`. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  return positionAt(text, at + delta);
}

/** The range of the `nth` occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, 0, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** Applies non-overlapping edits (all computed against `text`), last first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end > sorted[i - 1].start) throw new Error("overlapping edits");
  }
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
