// CST → AST for conditions (SPEC 2.4).
import type { CstNode } from "chevrotain";
import type { CompareOp, Cond, DottedName, IdentLit, ListLit, RangeLit, StringLit, StringOp, Test } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import { type BuildContext, nameOf, nodeRange, sub, subs, tok, tokenAfter, toks, tokRange } from "./cst.js";
import { dottedFrom, buildList, buildRangeOrScalar, scalarOf, stringLit } from "./build-literals.js";
import { describeToken } from "./messages.js";

export function buildCondition(ctx: BuildContext, node: CstNode | undefined): Cond | undefined {
  return nary(ctx, node, "conjunction", "Or", buildConjunction);
}

function buildConjunction(ctx: BuildContext, node: CstNode | undefined): Cond | undefined {
  return nary(ctx, node, "negation", "And", buildNegation);
}

function nary(
  ctx: BuildContext,
  node: CstNode | undefined,
  key: string,
  kind: "Or" | "And",
  build: (ctx: BuildContext, n: CstNode) => Cond | undefined,
): Cond | undefined {
  const operands: Cond[] = [];
  for (const n of subs(node, key)) {
    const c = build(ctx, n);
    if (c !== undefined) operands.push(c);
  }
  if (operands.length <= 1) return operands[0];
  const range = { start: operands[0].range.start, end: operands[operands.length - 1].range.end };
  return kind === "Or" ? { kind, operands, range } : { kind, operands, range };
}

function buildNegation(ctx: BuildContext, node: CstNode): Cond | undefined {
  const not = tok(node, "Kw_not");
  if (not) {
    const inner = sub(node, "negation");
    const operand = inner && buildNegation(ctx, inner);
    return operand && { kind: "Not", operand, range: { start: not.startOffset, end: operand.range.end } };
  }
  if (node.children.LParen) {
    const inner = buildCondition(ctx, sub(node, "condition"));
    const range = nodeRange(node);
    return inner && range && { kind: "Paren", inner, range };
  }
  const field = dottedFrom(toks(node, "Identifier"));
  if (!field) return undefined;
  const test = sub(node, "fieldTest");
  if (test) return buildTest(ctx, field, test);
  if (field.parts.length === 1) return { kind: "SegmentRef", name: field.parts[0], range: field.range };
  // `account.status` alone: a field needs a test; only a plain name can be a segment.
  const next = tokenAfter(ctx, field.range.end);
  ctx.diagnostics.push(
    makeDiagnostic(Codes.UnexpectedToken, ctx.uri, field.range,
      `expected a test such as \`==\` or \`in\` after the field \`${field.text}\`, found ${describeToken(next)}`,
      { help: `compare the field, e.g. \`${field.text} == …\` or \`${field.text} is set\`` }),
  );
  return undefined;
}

const STRING_OPS: [string, string | undefined, StringOp][] = [
  ["Kw_starts", "Kw_with", "starts_with"],
  ["Kw_ends", "Kw_with", "ends_with"],
  ["Kw_contains", undefined, "contains"],
];

function buildTest(ctx: BuildContext, field: DottedName, node: CstNode): Test | undefined {
  const negated = tok(node, "Kw_not") !== undefined;
  const op = tok(node, "CompareOp");
  if (op) {
    const value = scalarOf(tok(node, "Scalar"));
    if (!value) return undefined;
    const range = { start: field.range.start, end: value.range.end };
    return { kind: "Compare", field, op: op.image as CompareOp, opRange: tokRange(op), value, range };
  }
  const is = tok(node, "Kw_is");
  if (is) {
    const set = tok(node, "Kw_set");
    if (!set) return undefined;
    return { kind: "IsSet", field, negated, range: { start: field.range.start, end: tokRange(set).end } };
  }
  const inTok = tok(node, "Kw_in");
  if (inTok) {
    const value = buildInValue(ctx, sub(node, "inValue"));
    if (!value) return undefined;
    return { kind: "In", field, negated, value, range: { start: field.range.start, end: value.range.end } };
  }
  for (const [first, second, kind] of STRING_OPS) {
    const a = tok(node, first);
    if (!a) continue;
    const b = second ? tok(node, second) : a;
    const value = buildStringValue(ctx, sub(node, "stringValue"));
    if (!b || !value) return undefined;
    const opRange = { start: a.startOffset, end: tokRange(b).end };
    return { kind: "StringTest", field, negated, op: kind, opRange, value, range: { start: field.range.start, end: value.range.end } };
  }
  return undefined;
}

/** After `in`: a list, a range, or a set name. */
function buildInValue(ctx: BuildContext, node: CstNode | undefined): ListLit | RangeLit | IdentLit | undefined {
  const list = sub(node, "list");
  if (list) return buildList(ctx, list);
  const v = buildRangeOrScalar(sub(node, "rangeOrScalar"));
  if (!v || v.kind === "Range" || v.kind === "Ident") return v;
  ctx.diagnostics.push(
    makeDiagnostic(Codes.UnexpectedToken, ctx.uri, v.range,
      "expected a list, a range or a set name after `in`, found a single value",
      { help: "write a list such as `[US, CA]`, a range such as `200..999`, or use `==` for a single value" }),
  );
  return undefined;
}

/** After `starts with` / `ends with` / `contains`: a string, a list, or a set name. */
function buildStringValue(ctx: BuildContext, node: CstNode | undefined): StringLit | ListLit | IdentLit | undefined {
  const s = tok(node, "StringLit");
  if (s) return stringLit(s);
  const list = sub(node, "list");
  if (list) return buildList(ctx, list);
  const id = tok(node, "Identifier");
  return id && { kind: "Ident", name: nameOf(id), range: tokRange(id) };
}
