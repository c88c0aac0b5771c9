// Which operators apply to which field types (SPEC 2.4), and the CARVE040 report when one does not.
import type { FieldTypeName, StringOp } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { Codes } from "../diagnostics/catalogue.js";
import { orList, report, type Sema } from "./context.js";
import type { FieldInfo } from "./types.js";
import { typeWithArticle } from "./value-kinds.js";

/** `<`, `<=`, `>`, `>=` */
export const ORDERED: ReadonlySet<FieldTypeName> = new Set(["int", "number", "money", "date"]);
/** `in LOW..HIGH`: ordered types, and text and postal codes (`"94000".."94999"`) */
export const RANGED: ReadonlySet<FieldTypeName> = new Set(["int", "number", "money", "date", "string", "postal"]);
export const STRING_OPS: Readonly<Record<StringOp, ReadonlySet<FieldTypeName>>> = {
  starts_with: new Set(["string", "postal", "domain"]),
  ends_with: new Set(["string", "domain"]),
  contains: new Set(["string"]),
};
export const OP_TEXT: Readonly<Record<StringOp, string>> = { starts_with: "starts with", ends_with: "ends with", contains: "contains" };

/** The operators a field of this type supports, for help lines. */
export function operatorsFor(type: FieldTypeName): string[] {
  const ops = ["==", "!=", "in"];
  if (ORDERED.has(type)) ops.push("<", "<=", ">", ">=");
  for (const op of ["starts_with", "ends_with", "contains"] as const) if (STRING_OPS[op].has(type)) ops.push(OP_TEXT[op]);
  ops.push("is set");
  return ops;
}

const ORDERED_WHAT = "numbers, amounts and dates";
const STRING_WHAT: Readonly<Record<StringOp, string>> = {
  starts_with: "text, postal codes and domains",
  ends_with: "text and domains",
  contains: "text",
};

export function reportOperator(s: Sema, file: string, range: Range, op: string, field: FieldInfo, kind: "compare" | "string" | "range"): void {
  const what = kind === "compare" ? ORDERED_WHAT : kind === "range" ? "numbers, amounts, dates, text and postal codes" : STRING_WHAT[op as StringOp];
  const shown = kind === "string" ? OP_TEXT[op as StringOp] : kind === "range" ? "a range" : op;
  const subject = kind === "range" ? "a range" : `\`${shown}\``;
  const help = kind === "range" && (field.type === "enum" || field.type === "country" || field.type === "region")
    ? "list the values instead, e.g. `in [a, b]`"
    : `\`${field.name}\` supports ${orList(operatorsFor(field.type))}`;
  report(s, Codes.OperatorMismatch, file, range,
    `${subject} applies to ${what}, but \`${field.name}\` is ${typeWithArticle(field.type)}`, { help });
}
