// Incremental re-parsing for editors: after an edit, only the innermost territory (or top-level
// declaration) around it is lexed and parsed again, on its own, and the rest of the previous tree
// is reused (splice.ts). The result is exactly what parse() gives for the new text (a property
// test holds it to that), because a region is re-parsed alone only when that provably changes
// nothing:
// * The region runs from the start of the declaration's first line to the end of its last line.
//   No token but skipped whitespace crosses a line break, so lexing the region alone yields the
//   very tokens lexing the whole file yields there.
// * The previous parse needed no error recovery, and neither does the region's. Without recovery
//   an LL(1) parser's path through a declaration depends only on its tokens and the lookahead past
//   them (gates look two tokens ahead), so the region is parsed followed by the two tokens that
//   follow it in the file, and must stop exactly before them. (One thing does depend on the
//   enclosing rules: when a repetition ends, Chevrotain scans ahead for an error to recover from
//   early, up to a token some enclosing rule could go on with. In the whole file there are more
//   such tokens, the first at the latest right after the declaration; alone, the scan only goes
//   further. So an error the whole file's parse would find this way, the region's finds too.)
// * Anything else (a syntax error, an edit across declarations, a declaration covering most of the
//   file, …) is parsed from scratch.
import type { IToken } from "chevrotain";
import type { Item, SourceFile, TerritoryDecl } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildDeclaration, buildTerritory } from "./build-decls.js";
import type { BuildContext } from "./cst.js";
import { lex } from "./lexer.js";
import { setMessageTokens } from "./messages.js";
import { limitNesting } from "./nesting.js";
import { markParsedWithoutRecovery, parse, parsedWithoutRecovery, type ParseResult } from "./parse.js";
import { carveParser } from "./parser.js";
import { NotSpliceable, spliceComments, spliceDiagnostics, spliceTree, type Splice } from "./splice.js";
import { scan } from "./tokens.js";

/** A declaration that can be re-parsed alone, with its region: whole lines of the old text. */
interface Unit {
  node: Item | TerritoryDecl;
  rule: "territory" | "declaration";
  /** brackets open before it: one per enclosing block or territory */
  depth: number;
  start: number;
  end: number;
}

interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The parse of `text`, a new version of the file `previous` was parsed from, reusing what the
 * edit did not touch. Always equal to `parse(previous.file.uri, text)`; `previous` is not modified.
 */
export function reparse(previous: ParseResult, text: string): ParseResult {
  const { uri, text: old } = previous.file;
  if (old === text) return previous;
  if (!parsedWithoutRecovery(previous.file)) return parse(uri, text);
  const change = changedSpan(old, text);
  for (const unit of unitsAround(previous.file, change)) {
    // Re-parsing most of the file alone saves nothing over parsing all of it.
    if (unit.end - unit.start > old.length / 2) break;
    try {
      const result = reparseUnit(previous, text, unit);
      if (result) return result;
    } catch (e) {
      if (!(e instanceof NotSpliceable)) throw e;
    }
  }
  return parse(uri, text);
}

/** Where the texts differ: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export function changedSpan(a: string, b: string): Change {
  const n = Math.min(a.length, b.length);
  // Whole blocks first: comparing substrings is a memory compare, while charCodeAt on an editor's
  // text (a string built by concatenation) costs a lookup per character.
  const BLOCK = 1024;
  let p = 0;
  while (p + BLOCK <= n && a.substring(p, p + BLOCK) === b.substring(p, p + BLOCK)) p += BLOCK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const room = n - p;
  while (s + BLOCK <= room && a.substring(a.length - s - BLOCK, a.length - s) === b.substring(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** The declarations whose region holds the whole change, innermost first. */
function unitsAround(file: SourceFile, change: Change): Unit[] {
  const text = file.text;
  const around = (node: Item | TerritoryDecl, rule: Unit["rule"], depth: number): Unit | undefined => {
    const start = text.lastIndexOf("\n", node.range.start - 1) + 1;
    const nl = text.indexOf("\n", node.range.end);
    const end = nl < 0 ? text.length : nl + 1;
    return start <= change.start && change.oldEnd <= end ? { node, rule, depth, start, end } : undefined;
  };
  const chain: Unit[] = [];
  let unit: Unit | undefined;
  for (const item of file.items) if ((unit = around(item, "declaration", 0))) break;
  if (!unit) return chain;
  chain.push(unit);
  const top = unit.node;
  let list = top.kind === "Territories" || top.kind === "Overlays" ? top.territories : undefined;
  let depth = 1;
  while (list) {
    unit = undefined;
    for (const t of list) if ((unit = around(t, "territory", depth))) break;
    if (!unit) break;
    chain.push(unit);
    list = (unit.node as TerritoryDecl).children?.territories;
    depth += 2; // the territory's `{` and its `territories {`
  }
  return chain.reverse();
}

/** The re-parse with `unit` parsed alone, or undefined when that would not give parse()'s result. */
function reparseUnit(previous: ParseResult, text: string, unit: Unit): ParseResult | undefined {
  const { uri, text: old } = previous.file;
  const delta = text.length - old.length;
  const start = unit.start;
  const end = unit.end + delta;
  // The region must still end with a line break (or the file): the edit may have joined two lines.
  if (end !== text.length && text.charCodeAt(end - 1) !== 10) return undefined;

  const lexed = lex(uri, text.slice(start, end));
  for (const t of lexed.tokens) moveToken(t, start);
  for (const c of lexed.comments) c.range = { start: c.range.start + start, end: c.range.end + start };
  const diagnostics: Diagnostic[] = lexed.diagnostics.map((d) => ({ ...d, range: { start: d.range.start + start, end: d.range.end + start } }));
  const follow = followingTokens(text, end);
  const input = [...lexed.tokens, ...follow];
  const tokens = limitNesting(uri, input, diagnostics, unit.depth);
  if (tokens !== input) return undefined;

  const parser = carveParser();
  setMessageTokens(tokens);
  let cst;
  try {
    cst = parser.parseUnit(tokens, unit.rule);
  } finally {
    setMessageTokens([]);
  }
  const errors = parser.errors;
  const stoppedBeforeFollow = follow.length === 0
    ? errors.length === 0
    : errors.length === 1 && errors[0].name === "NotAllInputParsedException" && errors[0].token === follow[0];
  if (!stoppedBeforeFollow) return undefined;

  // With the two tokens that follow: a message about the region's last token names the next one
  // ("expected a test … after the field `x`, found `segment`"), as parse() does.
  const ctx: BuildContext = { uri, text, tokens, diagnostics };
  const node = unit.rule === "territory" ? buildTerritory(ctx, cst) : buildDeclaration(ctx, cst);
  if (!node) return undefined;

  const s: Splice = { start, end: unit.end, delta };
  const items = spliceTree(previous.file.items, s, unit.node, node);
  const comments = spliceComments(previous.file.comments, s);
  const kept = spliceDiagnostics(previous.diagnostics, s);
  // parse() sorts its diagnostics by range, stably; the region's come between the others.
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const file: SourceFile = {
    kind: "File", uri, text, items,
    comments: [...comments.before, ...lexed.comments, ...comments.after],
    range: { start: 0, end: text.length },
  };
  markParsedWithoutRecovery(file);
  return { file, diagnostics: [...kept.before, ...diagnostics, ...kept.after] };
}

function moveToken(t: IToken, by: number): void {
  t.startOffset += by;
  if (t.endOffset !== undefined) t.endOffset += by;
}

/** The first two tokens at or after `from` (a line start), lexing a few lines at a time. */
function followingTokens(text: string, from: number): IToken[] {
  for (let size = 256; ; size *= 4) {
    const nl = text.indexOf("\n", from + size);
    const to = nl < 0 ? text.length : nl + 1;
    const tokens = scan(text.slice(from, to)).tokens;
    if (tokens.length >= 2 || to === text.length) {
      const out = tokens.slice(0, 2);
      for (const t of out) moveToken(t, from);
      return out;
    }
  }
}
