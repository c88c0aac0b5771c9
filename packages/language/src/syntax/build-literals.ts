// CST → AST for names and literals.
import { tokenMatcher, type CstNode, type IToken } from "chevrotain";
import type { DateLit, DottedName, ListLit, Literal, Name, NumberLit, RangeLit, Scalar, StringLit } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import { type BuildContext, checkCommas, nameOf, nodeRange, sub, tok, toks, tokRange } from "./cst.js";
import { decodeString, parseNumber } from "./literals.js";
import * as T from "./tokens.js";

/** A declared name (`declName`); a reserved word used as one is reported (CARVE005) but kept. */
export function buildDeclName(ctx: BuildContext, node: CstNode | undefined): Name | undefined {
  const id = tok(node, "Identifier");
  if (id) return nameOf(id);
  const kw = tok(node, "Keyword");
  if (!kw) return undefined;
  ctx.diagnostics.push(
    makeDiagnostic(Codes.KeywordAsName, ctx.uri, tokRange(kw),
      `\`${kw.image}\` is a keyword and cannot be used as a name`,
      { help: `rename it, e.g. \`${kw.image}_1\`` }),
  );
  return nameOf(kw);
}

/** `a.b.c` from a `dottedName` node; undefined when not even the first part is there. */
export function buildDotted(node: CstNode | undefined): DottedName | undefined {
  return dottedFrom(toks(node, "Identifier"));
}

export function dottedFrom(parts: IToken[], first?: Name): DottedName | undefined {
  const n = parts.length + (first ? 1 : 0);
  if (n === 0) return undefined;
  const names: Name[] = [];
  if (first) names.push(first);
  for (let i = 0; i < parts.length; i++) names.push(nameOf(parts[i]));
  let text = names[0].text;
  for (let i = 1; i < n; i++) text += `.${names[i].text}`;
  return {
    kind: "DottedName",
    parts: names,
    text,
    range: { start: names[0].range.start, end: names[n - 1].range.end },
  };
}

export function stringLit(t: IToken): StringLit {
  return { kind: "String", value: decodeString(t.image).value, range: tokRange(t) };
}

/** A malformed number (already reported by the lexer) gets the value NaN; `raw` keeps the text. */
export function numberLit(t: IToken): NumberLit {
  return { kind: "Number", value: parseNumber(t.image) ?? NaN, raw: t.image, range: tokRange(t) };
}

export function dateLit(t: IToken): DateLit {
  return { kind: "Date", value: t.image, range: tokRange(t) };
}

/** A literal from a value token (category `Scalar`). */
export function scalarOf(t: IToken | undefined): Scalar | undefined {
  if (t === undefined) return undefined;
  switch (t.tokenType) {
    case T.StringLit: return stringLit(t);
    case T.NumberLit: return numberLit(t);
    case T.DateLit: return dateLit(t);
    case T.CodeLit: return { kind: "Code", value: t.image, range: tokRange(t) };
    case T.True: return { kind: "Bool", value: true, range: tokRange(t) };
    case T.False: return { kind: "Bool", value: false, range: tokRange(t) };
    default: return tokenMatcher(t, T.Identifier) ? { kind: "Ident", name: nameOf(t), range: tokRange(t) } : undefined;
  }
}

export function buildList(ctx: BuildContext, node: CstNode | undefined): ListLit | undefined {
  const range = nodeRange(node);
  if (!node || !range) return undefined;
  checkCommas(ctx, node, "Scalar", "list items", "`[US, CA]`");
  const items: Scalar[] = [];
  for (const t of toks(node, "Scalar")) {
    const v = scalarOf(t);
    if (v !== undefined) items.push(v);
  }
  return { kind: "List", items, range };
}

/** `rangeOrScalar`: a scalar, or `LOW..HIGH` when the `..` is there. */
export function buildRangeOrScalar(node: CstNode | undefined): Scalar | RangeLit | undefined {
  const low = scalarOf(tok(node, "Scalar", 0));
  if (!tok(node, "DotDot")) return low;
  const high = scalarOf(tok(node, "Scalar", 1));
  if (!low || !high) return undefined;
  return { kind: "Range", low, high, range: { start: low.range.start, end: high.range.end } };
}

/** `literal`: a list, a range or a scalar. */
export function buildLiteral(ctx: BuildContext, node: CstNode | undefined): Literal | undefined {
  const list = sub(node, "list");
  return list ? buildList(ctx, list) : buildRangeOrScalar(sub(node, "rangeOrScalar"));
}

/** A `dateRange` node (`away D..D`). */
export function buildDateRange(node: CstNode | undefined): RangeLit | undefined {
  const a = tok(node, "DateLit", 0);
  const b = tok(node, "DateLit", 1);
  if (!a || !b) return undefined;
  return { kind: "Range", low: dateLit(a), high: dateLit(b), range: { start: a.startOffset, end: tokRange(b).end } };
}
