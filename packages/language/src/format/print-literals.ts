// Literals as canonical text: strings re-escaped, numbers/dates/codes exactly as written, and the
// bracketed, comma-separated lists (`[…]`, `enum(…)`, `given { … }`) that break one item per line.
import type { ListLit, Literal, Scalar, StringLit } from "../ast/nodes.js";
import { dangling, separated, type Ctx } from "./comments.js";
import { group, ifBreak, indent, line, softline, type Doc } from "./doc.js";

// Characters a string shows as `\u{…}`: C0/C1 controls, line/paragraph separators, the byte-order
// mark and bidirectional controls (so no string can visually reorder the code around it), and
// lone surrogates (which the lexer never produces, but a hand-built tree might hold). The `u`
// flag makes the surrogate range match lone surrogates only, never a valid pair.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u;

/** A string literal for `value`: `\"`, `\\`, `\n`, `\t`, and `\u{…}` for the characters above. */
export function quote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (NEEDS_ESCAPE.test(ch)) out += `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`;
    else out += ch;
  }
  return out + '"';
}

export function printString(s: StringLit): string {
  return quote(s.value);
}

export function printScalar(s: Scalar): string {
  switch (s.kind) {
    case "String":
      return quote(s.value);
    case "Number":
      return s.raw;
    case "Bool":
      return s.value ? "true" : "false";
    case "Date":
    case "Code":
      return s.value;
    case "Ident":
      return s.name.text;
  }
}

export function printLiteral(ctx: Ctx, l: Literal): Doc {
  switch (l.kind) {
    case "List":
      return printList(ctx, l);
    case "Range":
      return `${printScalar(l.low)}..${printScalar(l.high)}`;
    default:
      return printScalar(l);
  }
}

export function printList(ctx: Ctx, l: ListLit): Doc {
  const pieces = l.items.map((it) => ({ range: it.range, print: () => printScalar(it) }));
  return bracketed(ctx, "[", "]", pieces, l.range.end, false);
}

/** One item of a bracketed list: where it is in the source, and how to print it. */
export interface Piece {
  range: { start: number; end: number };
  print: () => Doc;
}

/**
 * `open item, item close` on one line when it fits, otherwise one item per line (indented, with a
 * trailing comma) and `close` on its own line. `spaced` puts spaces inside the brackets when flat.
 * Items are printed lazily, in order, so the comments inside them are taken in source order.
 */
export function bracketed(ctx: Ctx, open: string, close: string, pieces: Piece[], closeBound: number, spaced: boolean): Doc {
  const pad = spaced ? line : softline;
  const parts: Doc[] = [];
  let prevEnd: number | undefined;
  pieces.forEach((p, i) => {
    if (i > 0) parts.push(",");
    const cs = ctx.comments.take(p.range.start);
    parts.push(...separated(ctx, cs, i === 0 ? pad : line, { prevEnd, nextStart: p.range.start, blankLines: false }));
    parts.push(p.print());
    prevEnd = p.range.end;
  });
  if (pieces.length > 0) parts.push(ifBreak(","));
  const tail = dangling(ctx, ctx.comments.take(closeBound), prevEnd, false);
  if (pieces.length === 0 && tail.length === 0) return open + close;
  parts.push(...tail);
  return group([open, indent(parts), pad, close]);
}
