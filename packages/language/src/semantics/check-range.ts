// Ranges `LOW..HIGH` (inclusive): both ends fit the field, and LOW is not above HIGH (CARVE045).
import type { Literal, RangeLit } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { foldString, postalDigits } from "@carve/values";
import { report, sourceText, type Sema } from "./context.js";
import { checkDate, checkScalar, type ValueCtx } from "./check-literals.js";
import type { FieldInfo, LiteralValue } from "./types.js";

/** Orders two normalised values of one type the way the compiled range test compares them. */
function order(type: string, a: LiteralValue, b: LiteralValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  let x = String(a);
  let y = String(b);
  if (type === "postal") [x, y] = [postalDigits(x), postalDigits(y)];
  else if (type === "string") [x, y] = [foldString(x), foldString(y)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function reportOutOfOrder(s: Sema, file: string, lit: RangeLit): void {
  const low = sourceText(s, file, lit.low.range);
  const high = sourceText(s, file, lit.high.range);
  const swapped = `${high}..${low}`;
  report(s, Codes.RangeOutOfOrder, file, lit.range,
    `\`${low}..${high}\` is empty: its low end is above its high end`, {
      help: `write the lower value first: \`${swapped}\``,
      fixes: [{ label: `swap to ${swapped}`, file, range: lit.range, newText: swapped }],
    });
}

export function checkRange(s: Sema, field: FieldInfo, lit: RangeLit, ctx: ValueCtx): void {
  const low = checkScalar(s, field, lit.low, ctx);
  const high = checkScalar(s, field, lit.high, ctx);
  if (low === undefined || high === undefined) return;
  if (order(field.type, low, high) > 0) return reportOutOfOrder(s, ctx.file, lit);
  s.literals.set(lit, { kind: "range", type: field.type, low, high });
}

/** A date range such as `away 2026-12-20..2027-01-04`. */
export function checkDateRange(s: Sema, file: string, lit: Literal | undefined): void {
  if (!lit) return;
  if (lit.kind !== "Range") {
    report(s, Codes.ValueTypeMismatch, file, lit.range, "expected a date range here", {
      help: "write the first and last day, e.g. `2026-12-20..2027-01-04`",
    });
    return;
  }
  const low = checkDate(s, file, lit.low);
  const high = checkDate(s, file, lit.high);
  if (low === undefined || high === undefined) return;
  if (low > high) return reportOutOfOrder(s, file, lit);
  s.literals.set(lit, { kind: "range", type: "date", low, high });
}
