// Safe access to a (possibly partial) Chevrotain CST. After error recovery any child may be
// missing, and tokens inserted by recovery have NaN offsets: those are treated as absent.
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Item, Name, TerritoryDecl } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import { tokenEnd } from "./lexer.js";
import { describeToken } from "./messages.js";

/** What the CST-to-AST functions share for one file. */
export interface BuildContext {
  uri: string;
  text: string;
  tokens: IToken[];
  diagnostics: Diagnostic[];
  /** territories and declarations already built while parsing (early-build.ts), by CST node */
  early?: Map<CstNode, EarlyBuild>;
}

/** What building one node early gave: the node, the diagnostics it reported, what it threw. */
export interface EarlyBuild {
  node: Item | TerritoryDecl | undefined;
  diagnostics: Diagnostic[];
  threw?: { error: unknown };
}

/** An early build, replayed where it would have run: its diagnostics are reported here, in order. */
export function replay(ctx: BuildContext, built: EarlyBuild): Item | TerritoryDecl | undefined {
  for (const d of built.diagnostics) ctx.diagnostics.push(d);
  if (built.threw) throw built.threw.error;
  return built.node;
}

export const isRealToken = (t: IToken | undefined): t is IToken =>
  t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset) && t.image.length > 0;

const isToken = (e: CstElement): e is IToken => (e as IToken).tokenType !== undefined;

// The accessors below run a few times per CST node (a million times on a 10,000-territory plan):
// plain loops, no closures or intermediate arrays.

/** The i-th token stored under `key`, if it was really in the source. */
export function tok(node: CstNode | undefined, key: string, i = 0): IToken | undefined {
  if (node === undefined) return undefined;
  const els = node.children[key];
  if (els === undefined || i >= els.length) return undefined;
  const el = els[i];
  return isToken(el) && isRealToken(el) ? el : undefined;
}

export function toks(node: CstNode | undefined, key: string): IToken[] {
  const out: IToken[] = [];
  const els = node?.children[key];
  if (els === undefined) return out;
  for (let i = 0; i < els.length; i++) {
    const e = els[i];
    if (isToken(e) && isRealToken(e)) out.push(e);
  }
  return out;
}

export function sub(node: CstNode | undefined, key: string, i = 0): CstNode | undefined {
  if (node === undefined) return undefined;
  const els = node.children[key];
  if (els === undefined || i >= els.length) return undefined;
  const el = els[i];
  return isToken(el) ? undefined : el;
}

const NO_NODES: CstNode[] = [];

/** The sub-nodes under `key`; the returned array may be shared: read it, do not keep or change it. */
export function subs(node: CstNode | undefined, key: string): CstNode[] {
  const els = node?.children[key];
  if (els === undefined) return NO_NODES;
  // Under a rule name Chevrotain stores only sub-nodes, so the array itself usually is the answer.
  let k = 0;
  while (k < els.length && !isToken(els[k])) k++;
  if (k === els.length) return els as CstNode[];
  const out = els.slice(0, k) as CstNode[];
  for (; k < els.length; k++) if (!isToken(els[k])) out.push(els[k] as CstNode);
  return out;
}

export const tokRange = (t: IToken): Range => ({ start: t.startOffset, end: tokenEnd(t) });

/** The source range a CST node covers, or undefined when it holds no real token. */
export function nodeRange(node: CstNode | undefined): Range | undefined {
  if (node === undefined) return undefined;
  const loc = node.location;
  if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset)) {
    // Chevrotain's endOffset is inclusive.
    return { start: loc.startOffset, end: (loc.endOffset as number) + 1 };
  }
  // Recovery left an inserted token (NaN offsets) at an edge: find the real tokens.
  const start = edge(node, true);
  const end = edge(node, false);
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end } : undefined;
}

/**
 * The start offset of a node's first real token (`first`), or the end offset of its last one.
 * Each child array is in source order, so only its ends need looking at.
 */
function edge(node: CstNode, first: boolean): number {
  let best = first ? Infinity : -Infinity;
  for (const key in node.children) {
    const els = node.children[key];
    for (let k = 0; k < els.length; k++) {
      const e = els[first ? k : els.length - 1 - k];
      const v = isToken(e) ? (isRealToken(e) ? (first ? e.startOffset : tokenEnd(e)) : NaN) : edge(e, first);
      if (Number.isFinite(v)) {
        best = first ? Math.min(best, v) : Math.max(best, v);
        break;
      }
    }
  }
  return best;
}

const startOf = (e: CstElement): number => {
  if (isToken(e)) return isRealToken(e) ? e.startOffset : NaN;
  return nodeRange(e)?.start ?? NaN;
};

/** The real tokens and sub-nodes of a node in source order (partial or inserted parts dropped). */
export function childrenInOrder(node: CstNode): CstElement[] {
  const all: { e: CstElement; s: number }[] = [];
  for (const key of Object.keys(node.children)) {
    for (const e of node.children[key]) {
      const s = startOf(e);
      if (Number.isFinite(s)) all.push({ e, s });
    }
  }
  return all.sort((a, b) => a.s - b.s).map((x) => x.e);
}

export function nameOf(t: IToken): Name {
  return { kind: "Name", text: t.image, range: tokRange(t) };
}

/** The real token that follows `offset` in the file, for "found …" in messages. */
export function tokenAfter(ctx: BuildContext, offset: number): IToken | undefined {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid].startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return ctx.tokens[lo];
}

/** Reports a clause written twice (CARVE052); the first one counts. */
export function duplicateClause(ctx: BuildContext, what: string, owner: string, dup: Range, first: Range): void {
  ctx.diagnostics.push(
    makeDiagnostic(Codes.DuplicateClause, ctx.uri, dup, `\`${what}\` is given more than once in ${owner}`,
      { help: `keep one \`${what}\` clause`, related: [{ file: ctx.uri, range: first, message: `first \`${what}\` here` }] }),
  );
}

/**
 * Comma-separated items are parsed with optional commas so one missing comma does not derail the
 * rest of the block; here each missing one is reported, pointing at the item after the gap.
 */
export function checkCommas(ctx: BuildContext, node: CstNode | undefined, itemKey: string, what: string, example: string): void {
  if (!node) return;
  const list = node.children[itemKey] ?? [];
  const commas = node.children.Comma ?? [];
  // Each item takes at most one comma after it, so when there is one per item, or one per gap
  // and none after the last item, nothing is missing (the common case: skip the sort below).
  if (list.length <= 1 || commas.length === list.length) return;
  if (commas.length === list.length - 1 && startOf(commas[commas.length - 1] ?? list[0]) < startOf(list[list.length - 1])) return;
  const items = new Set<CstElement>(list);
  let prevWasItem = false;
  for (const e of childrenInOrder(node)) {
    const isItem = items.has(e);
    if (isItem && prevWasItem) {
      const r = isToken(e) ? tokRange(e) : nodeRange(e);
      const first = r && tokenAfter(ctx, r.start);
      if (r && first) {
        ctx.diagnostics.push(
          makeDiagnostic(Codes.UnexpectedToken, ctx.uri, tokRange(first), `expected \`,\` between ${what}, found ${describeToken(first)}`,
            { help: `separate ${what} with commas, e.g. ${example}` }),
        );
      }
    }
    prevWasItem = isItem;
  }
}
