// Conditions: single spaces around operators and `and`/`or`. A chain that does not fit breaks
// before each `and`/`or` with a hanging indent of one level, so in `a and b or c` the `or` lines
// sit at +2 and the `and` lines at +4 (the layout shows the precedence). Parentheses are kept as
// written; a parenthesised condition that does not fit opens its own indented block, in which its
// operands line up (no hanging indent: the parentheses already show the grouping).
import type { Cond, StringOp } from "../ast/nodes.js";
import { separated, type Ctx } from "./comments.js";
import { group, indent, line, softline, type Doc } from "./doc.js";
import { printLiteral, printScalar } from "./print-literals.js";

const STRING_OPS: Record<StringOp, string> = {
  starts_with: "starts with",
  ends_with: "ends with",
  contains: "contains",
};

export function printCond(ctx: Ctx, c: Cond, hanging = true): Doc {
  switch (c.kind) {
    case "Or":
      return chain(ctx, "or", c.operands, hanging);
    case "And":
      return chain(ctx, "and", c.operands, hanging);
    case "Not":
      return ["not ", printCond(ctx, c.operand)];
    case "Paren":
      return group(["(", indent([softline, printCond(ctx, c.inner, false)]), softline, ")"]);
    case "SegmentRef":
      return c.name.text;
    case "Compare":
      return `${c.field.text} ${c.op} ${printScalar(c.value)}`;
    case "In":
      return [c.field.text, c.negated ? " not in " : " in ", printLiteral(ctx, c.value)];
    case "StringTest":
      return [c.field.text, c.negated ? " not " : " ", STRING_OPS[c.op], " ", printLiteral(ctx, c.value)];
    case "IsSet":
      return c.field.text + (c.negated ? " is not set" : " is set");
  }
}

/** `a kw b kw c`: flat when it fits, else one operand per line; each operand is a flush point. */
function chain(ctx: Ctx, kw: "and" | "or", operands: Cond[], hanging: boolean): Doc {
  if (operands.length === 0) return "";
  const [first, ...rest] = operands;
  const head = printCond(ctx, first);
  const tail: Doc[] = [];
  let prevEnd = first.range.end;
  for (const op of rest) {
    const cs = ctx.comments.take(op.range.start);
    tail.push(...separated(ctx, cs, line, { prevEnd, nextStart: op.range.start, blankLines: false }));
    tail.push(kw + " ", printCond(ctx, op));
    prevEnd = op.range.end;
  }
  // The head is indented too: its own continuation lines (a nested chain, a broken list) then line
  // up with those of the other operands.
  return hanging ? group([indent(head), indent(tail)]) : group([head, tail]);
}
