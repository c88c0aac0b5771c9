// Comments are placed by position, not by node: the printers visit the tree in source order and,
// at each *flush point* (the start of a line-sized unit: a declaration, a clause, a list item, an
// `and`/`or` operand, a closing brace), take every comment that starts before that point.
//  * The first comment taken is *trailing* when code precedes it on its source line: it is printed
//    two spaces after the previous output line (a line suffix), never on a line of its own.
//  * Every other comment is *own-line*: printed on its own line, before the unit.
// Every flush point sits right before a line break that a comment forces, so a comment never
// moves past another flush point: formatting twice gives the same text. Comments that start
// inside a unit with no flush point (e.g. between `rep` and its name) go to the next flush point.
import type { Comment } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { breakParent, hardline, lineSuffix, type Doc } from "./doc.js";

export class CommentQueue {
  private readonly list: Comment[];
  private next = 0;

  constructor(comments: readonly Comment[]) {
    this.list = [...comments].sort((a, b) => a.range.start - b.range.start);
  }

  /** Removes and returns the pending comments that start before `bound`. */
  take(bound: number): Comment[] {
    const from = this.next;
    while (this.next < this.list.length && this.list[this.next].range.start < bound) this.next++;
    return this.list.slice(from, this.next);
  }

  /** Whether a comment (pending or not) starts inside `range`. */
  within(range: Range): boolean {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].range.start < range.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.list.length && this.list[lo].range.start < range.end;
  }
}

/** Whether only white space precedes the comment on its source line. */
export function isOwnLine(text: string, c: Comment): boolean {
  for (let i = c.range.start - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
    if (ch !== 32 && ch !== 9 && ch !== 0xfeff) return false;
  }
  return true;
}

/** Whether `text[from, to)` contains an empty line (two line breaks with only blanks between). */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = Math.max(0, from); i < to && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (++breaks === 2) return true;
    } else if (ch !== 32 && ch !== 9) breaks = 0;
  }
  return false;
}

/** The comment as printed: trailing blanks dropped. */
export function commentText(c: Comment): string {
  return c.text.trimEnd();
}

/** What a printer needs to place comments. */
export interface Ctx {
  text: string;
  comments: CommentQueue;
}

export interface FlushOptions {
  /** end of the previous unit at this level (undefined for the first one): blank lines count from here */
  prevEnd: number | undefined;
  /** where the next unit starts in the source */
  nextStart: number;
  /** keep (at most one) blank line where the source had one or more */
  blankLines: boolean;
  /** print even the first comment on its own line (nothing precedes it in the output) */
  noTrailing?: boolean;
}

/**
 * The separator before a unit, with the comments taken at its flush point: trailing comment, then
 * `sep` (the line break), then own-line comments, then a blank line when the source had one.
 */
export function separated(ctx: Ctx, cs: Comment[], sep: Doc, o: FlushOptions): Doc[] {
  const out: Doc[] = [];
  let last = o.prevEnd;
  let i = 0;
  if (cs.length > 0 && !o.noTrailing && !isOwnLine(ctx.text, cs[0])) {
    out.push(lineSuffix("  " + commentText(cs[0])), breakParent);
    last = cs[0].range.end;
    i = 1;
  }
  out.push(sep);
  for (; i < cs.length; i++) {
    if (o.blankLines && last !== undefined && hasBlankLine(ctx.text, last, cs[i].range.start)) out.push(hardline);
    out.push(commentText(cs[i]), hardline);
    last = cs[i].range.end;
  }
  if (o.blankLines && last !== undefined && hasBlankLine(ctx.text, last, o.nextStart)) out.push(hardline);
  return out;
}

/**
 * Comments taken before a closing bracket (or the end of the file): a trailing one, then own-line
 * ones, each on a new line. Printed inside the bracket's indentation.
 */
export function dangling(ctx: Ctx, cs: Comment[], prevEnd: number | undefined, blankLines: boolean): Doc[] {
  const out: Doc[] = [];
  let last = prevEnd;
  let i = 0;
  if (cs.length > 0 && !isOwnLine(ctx.text, cs[0])) {
    out.push(lineSuffix("  " + commentText(cs[0])), breakParent);
    last = cs[0].range.end;
    i = 1;
  }
  for (; i < cs.length; i++) {
    out.push(hardline);
    if (blankLines && last !== undefined && hasBlankLine(ctx.text, last, cs[i].range.start)) out.push(hardline);
    out.push(commentText(cs[i]));
    last = cs[i].range.end;
  }
  return out;
}
