// The text before the cursor as completion reads it: the word being typed (replaced by the chosen
// item) and the tokens before it, back to the start of the innermost open `{ … }` block and its
// header. Tokens never span lines, so any line start is a safe place to start lexing: a window of
// lines is lexed, and widened only when the enclosing block starts above it (large files stay fast).
import { tokenize, type CarveToken, type Range } from "@carve/language";
import { lineStartAt } from "../positions.js";

export interface Scan {
  /** the tokens before the word being typed (comments left out), in a window ending there */
  tokens: CarveToken[];
  /** index into tokens of the innermost unclosed `{`; -1 at the top level */
  open: number;
  /** the word being typed: a dotted name (`account.ow`) or a region code (`US-C`); may be empty */
  partial: Range;
}

const DOTTED = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.?$/;
const CODE = /[A-Za-z]{2}-[A-Za-z0-9]*$/;
const FIRST_WINDOW_LINES = 60;
const MAX_WORD = 256;
/** Tokens a block header needs before its `{` (`territory NAME "label" {`). */
const HEADER_TOKENS = 3;

/** Undefined when the cursor is inside a comment or a string: nothing to complete there. */
export function scanBefore(text: string, offset: number): Scan | undefined {
  const lineStart = lineStartAt(text, offset);
  const line = tokenize(text.slice(lineStart, offset));
  const last = line[line.length - 1];
  if (last && last.range.end === offset - lineStart) {
    if (last.kind === "comment") return undefined;
    if (last.kind === "string" && (last.text.length === 1 || !last.text.endsWith('"'))) return undefined;
  }
  // A word is short: looking back a bounded stretch keeps the patterns below linear on huge lines.
  const before = text.slice(Math.max(lineStart, offset - MAX_WORD), offset);
  const dotted = DOTTED.exec(before)?.[0] ?? "";
  const code = CODE.exec(before)?.[0] ?? "";
  let word = code.length > dotted.length ? code : dotted;
  // `12ab`: not a name being typed.
  if (word && /[A-Za-z0-9_]/.test(before[before.length - word.length - 1] ?? "")) word = "";
  const partial = { start: offset - word.length, end: offset };

  for (let lines = FIRST_WINDOW_LINES; ; lines *= 4) {
    const start = lineStartAbove(text, partial.start, lines);
    const tokens = tokenize(text.slice(start, partial.start)).filter((t) => t.kind !== "comment");
    const open = innermostOpen(tokens);
    if (start === 0 || open >= HEADER_TOKENS) return { tokens, open, partial };
    if (open >= 0) continue;
    if (atTopLevel(text.slice(start, partial.start), tokens)) return { tokens, open, partial };
    const block = headerByIndentation(text, start, tokens);
    if (block) return { ...block, partial };
  }
}

/**
 * In a formatted file, the block around a window that shows none is opened by the nearest line
 * above with less indentation that ends in `{` — e.g. the `territories first {` of a plan with
 * thousands of territories. Its line and the window's tokens after the last `}` that closes
 * something opened above the window are enough to read the context (lexing the block would not be).
 */
function headerByIndentation(text: string, start: number, tokens: CarveToken[]): { tokens: CarveToken[]; open: number } | undefined {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text === "{") depth++;
    else if (tokens[i].text === "}" && --depth < 0) {
      depth = 0;
      cut = i + 1;
    }
  }
  // The indentation of the block's children: the line of the last such `}`, or the window's first line.
  const childAt = cut > 0 ? start + tokens[cut - 1].range.start : start;
  const child = indentation(text, lineStartAt(text, childAt));
  if (child === 0) return undefined;
  for (let end = start - 1; end > 0; ) {
    const lineStart = lineStartAt(text, end);
    const line = text.slice(lineStart, end);
    end = lineStart - 1;
    if (line.trim() === "" || indentation(line, 0) >= child) continue;
    const header = tokenize(line).filter((t) => t.kind !== "comment");
    if (header[header.length - 1]?.text !== "{") return undefined;
    return { tokens: [...header, ...tokens.slice(cut)], open: header.length - 1 };
  }
  return undefined;
}

function indentation(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === " " || text[i] === "\t") i++;
  return i - lineStart;
}

/** A line starting with a top-level declaration, at column 0 (`territories` can also be nested). */
const DECLARATION_LINE = /^(?:ruleset|import|record|rep|queue|team|set|segment|override|overlays|test)\b/gm;

/**
 * True when the window shows the end is at the top level: it has a declaration line that no later
 * `}` closes a block around (so the window need not grow to the start of a large file).
 */
function atTopLevel(window: string, tokens: CarveToken[]): boolean {
  let last = -1;
  for (const m of window.matchAll(DECLARATION_LINE)) last = m.index;
  if (last < 0) return false;
  let depth = 0;
  for (const t of tokens) {
    if (t.range.start < last) continue;
    if (t.text === "{") depth++;
    else if (t.text === "}" && --depth < 0) return false;
  }
  return true;
}

/** The start of the line `lines` lines above the one holding `offset` (0 at the top). */
function lineStartAbove(text: string, offset: number, lines: number): number {
  let at = lineStartAt(text, offset);
  for (let i = 0; i < lines && at > 0; i++) at = lineStartAt(text, at - 1);
  return at;
}

/** The index of the innermost `{` not closed before the end; -1 when there is none. */
export function innermostOpen(tokens: CarveToken[], end = tokens.length): number {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const t = tokens[i].text;
    if (t === "}") depth++;
    else if (t === "{") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The tokens of a block from `from` to the end, with every nested `{ … }` left out. */
export function ownTokens(tokens: CarveToken[], from: number): CarveToken[] {
  const out: CarveToken[] = [];
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === "{") depth++;
    else if (t === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(tokens[i]);
  }
  return out;
}
