// `header { unit unit … }` blocks: one unit (clause, field, territory, expectation…) per line, or,
// for the kinds that allow it, all on one line with two spaces between units.
import type { Range } from "../ast/source.js";
import { dangling, separated, type Ctx } from "./comments.js";
import { group, indent, line, lineOr, type Doc } from "./doc.js";

/** A line-sized part of a block: its source range (the start is its flush point) and its printer. */
export interface Unit {
  range: Range;
  print: () => Doc;
}

/**
 * Prints a block. Units are printed in source order; blank lines between them are kept (at most
 * one). `oneLine` allows the flat form `header { a  b }` when it fits; otherwise the block is
 * always expanded. An empty block without comments is `header {}`.
 */
export function block(ctx: Ctx, header: Doc, units: Unit[], node: Range, oneLine: boolean): Doc {
  const sorted = [...units].sort((a, b) => a.range.start - b.range.start);
  const parts: Doc[] = [];
  let prevEnd: number | undefined;
  sorted.forEach((u, i) => {
    const cs = ctx.comments.take(u.range.start);
    const sep = i === 0 ? line : lineOr("  ");
    parts.push(...separated(ctx, cs, sep, { prevEnd, nextStart: u.range.start, blankLines: true }));
    parts.push(u.print());
    prevEnd = u.range.end;
  });
  const tail = dangling(ctx, ctx.comments.take(node.end), prevEnd, true);
  if (sorted.length === 0 && tail.length === 0) return [header, " {}"];
  parts.push(...tail);
  return group([header, " {", indent(parts), line, "}"], !oneLine);
}

/**
 * The canonical rule for blocks that may be written on one line (territory, override, rep, team):
 * the block stays on one line only if it was on one line in the source and holds no comment (the
 * caller adds kind-specific conditions; the layout adds "and it fits in the width").
 */
export function writtenOnOneLine(ctx: Ctx, node: Range): boolean {
  const { text } = ctx;
  for (let i = node.start; i < node.end && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return false;
  }
  return !ctx.comments.within(node);
}

/** The range of several units taken together (e.g. the members of a team). */
export function span(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}
