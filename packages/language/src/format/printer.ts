// The canonical format of a Carve file. One layout, no options; every rule aims at small diffs.
//
//  * Width 100 columns, 2-space indentation, `\n` line ends, one final newline, no trailing spaces.
//  * Top level: one declaration per line group, in source order. A blank line is kept between two
//    declarations (or clauses, fields, comments) where the source had one or more, and never added
//    where it had none. Blank lines at the start and end of a block are dropped.
//  * Blocks print one unit per line: record fields, clauses of a territory/override/team/rep,
//    territories and `otherwise`, the clauses of a test. Clauses keep their source order (a team's
//    several `members` clauses are merged into the first).
//  * One-line blocks: a `territory` (without nested `territories`), `override`, `rep` or `team`
//    stays on one line — `territory west_ent "West Enterprise" { when enterprise  assign west_ae }`,
//    two spaces between clauses — only if it was written on one line, holds no comment and fits in
//    100 columns. Otherwise it is expanded. Records, `territories`, `overlays` and tests always are.
//  * Record fields: `name:` then the type, types aligned in one column two past the longest name
//    of the record; `?` follows the type, then ` key`.
//  * Lists `[a, b]`, `enum(a, b)` and `given { a: 1, b: 2 }` stay on one line when they fit,
//    otherwise one item per line with a trailing comma and the closing bracket on its own line.
//    A team's `members` break after commas with a hanging indent (no trailing comma).
//  * Conditions: single spaces around operators and `and`/`or`/`not`; a condition that does not fit
//    breaks before `or`/`and` (see print-conditions.ts). Parentheses are kept as written.
//  * Literals: strings re-escaped canonically (print-literals.ts); numbers, dates and codes exactly
//    as written (`250M` stays `250M`).
//  * Comments: all kept, in order (comments.ts). A comment that followed code on its line stays at
//    the end of a line, two spaces after the code; one on its own line stays on its own line, at
//    the indentation of what follows. Trailing blanks in comments are dropped.
import type { SourceFile } from "../ast/nodes.js";
import { CommentQueue, dangling, separated, type Ctx } from "./comments.js";
import { hardline, type Doc } from "./doc.js";
import { layout } from "./layout.js";
import { printItem } from "./print-decls.js";

export const WIDTH = 100;

/** The canonical text of a parsed file (meant for files without syntax errors; see formatText). */
export function format(file: SourceFile): string {
  const ctx: Ctx = { text: file.text, comments: new CommentQueue(file.comments) };
  const parts: Doc[] = [];
  let prevEnd: number | undefined;
  file.items.forEach((item, i) => {
    const cs = ctx.comments.take(item.range.start);
    const first = i === 0;
    parts.push(...separated(ctx, cs, first ? "" : hardline, { prevEnd, nextStart: item.range.start, blankLines: true, noTrailing: first }));
    parts.push(printItem(ctx, item));
    prevEnd = item.range.end;
  });
  const rest = ctx.comments.take(Infinity);
  if (file.items.length > 0) {
    parts.push(...dangling(ctx, rest, prevEnd, true), hardline);
  } else if (rest.length > 0) {
    const end = rest[rest.length - 1].range.end;
    parts.push(...separated(ctx, rest, "", { prevEnd: undefined, nextStart: end, blankLines: true, noTrailing: true }));
  }
  return layout(parts, WIDTH);
}
