// Conditions (SPEC 2.4): fields resolve, operators fit the field's type, values fit and are
// normalised. Walking down, each `and` adds the countries it pins (`country == US`,
// `country in [US, CA]`) to the scope that bare region codes below it are resolved against; a
// nested territory starts from its ancestors' scope (a record only reaches it through them).
import type { Cond, ListLit, RangeLit, Scalar, SegmentRef, Test } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { normalizeCountry } from "@carve/values";
import { report, type Sema } from "./context.js";
import { checkPattern, checkScalar, type ValueCtx } from "./check-literals.js";
import { checkRange } from "./check-range.js";
import { useSet } from "./check-sets.js";
import { ORDERED, OP_TEXT, RANGED, STRING_OPS, reportOperator } from "./operators.js";
import { resolveField, resolveName } from "./resolve-names.js";
import type { FieldInfo, LiteralValue } from "./types.js";

/** Per `country` field, the ISO codes records are limited to at this point of a condition. */
export type CountryScope = ReadonlyMap<string, readonly string[]>;
export const NO_SCOPE: CountryScope = new Map();

export function checkCondition(s: Sema, file: string, cond: Cond | undefined, scope: CountryScope): void {
  if (!cond) return;
  switch (cond.kind) {
    case "Or":
      for (const op of cond.operands ?? []) checkCondition(s, file, op, scope);
      return;
    case "And": {
      const inner = narrow(s, scope, cond);
      for (const op of cond.operands ?? []) checkCondition(s, file, op, inner);
      return;
    }
    case "Not":
      return checkCondition(s, file, cond.operand, scope);
    case "Paren":
      return checkCondition(s, file, cond.inner, scope);
    case "SegmentRef":
      return checkSegmentRef(s, file, cond);
    default:
      return checkTest(s, file, cond, scope);
  }
}

function checkSegmentRef(s: Sema, file: string, ref: SegmentRef): void {
  const name = ref.name?.text;
  if (!name) return;
  const field = s.record?.fields.get(name);
  if (!s.symbols.has(name) && field) {
    const example = field.type === "bool" ? `${name} == true` : `${name} is set`;
    report(s, Codes.WrongKind, file, ref.name.range, `\`${name}\` is a field, but a condition needs a test or a segment here`, {
      help: `compare the field, e.g. \`${example}\``,
      fixes: [{ label: `write \`${example}\``, file, range: ref.name.range, newText: example }],
    });
    return;
  }
  resolveName(s, file, ref.name, { kinds: ["segment"], noun: "segment", needs: "a condition can only name a segment" });
}

/**
 * Checks a territory's `when` and returns the scope inside it, which its children start from:
 * the same as checkCondition and then narrow, without working out the `and`'s scope twice.
 */
export function checkWhen(s: Sema, file: string, cond: Cond | undefined, scope: CountryScope): CountryScope {
  const inner = narrow(s, scope, cond);
  let c = cond;
  while (c?.kind === "Paren") c = c.inner;
  if (c?.kind === "And") for (const op of c.operands ?? []) checkCondition(s, file, op, inner);
  else checkCondition(s, file, cond, scope);
  return inner;
}

/** The scope inside a condition: the outer scope narrowed by what the condition's `and` pins. */
export function narrow(s: Sema, scope: CountryScope, cond: Cond | undefined): CountryScope {
  const operands = conjuncts(cond);
  let out: Map<string, readonly string[]> | undefined;
  for (const op of operands) {
    const pinned = pinnedCountries(s, op);
    if (!pinned) continue;
    out ??= new Map(scope);
    const before = out.get(pinned.field);
    const both = before ? pinned.codes.filter((c) => before.includes(c)) : pinned.codes;
    // An empty intersection is an unsatisfiable condition (analysis reports it); keep the local pin.
    out.set(pinned.field, both.length > 0 ? both : pinned.codes);
  }
  return out ?? scope;
}

function conjuncts(cond: Cond | undefined, out: Cond[] = []): Cond[] {
  // A loop rather than flatMap: this runs for every territory on every rebuild.
  if (!cond) return out;
  if (cond.kind === "Paren") return conjuncts(cond.inner, out);
  if (cond.kind !== "And") {
    out.push(cond);
    return out;
  }
  for (const c of cond.operands ?? []) {
    if (c?.kind === "Paren") conjuncts(c.inner, out);
    else if (c) out.push(c);
  }
  return out;
}

function pinnedCountries(s: Sema, cond: Cond): { field: string; codes: string[] } | undefined {
  if (cond.kind !== "Compare" && cond.kind !== "In") return undefined;
  const field = s.record?.fields.get(cond.field?.text ?? "");
  if (field?.type !== "country") return undefined;
  let raws: string[];
  if (cond.kind === "Compare") {
    if (cond.op !== "==" || !cond.value) return undefined;
    raws = [rawText(cond.value)];
  } else {
    if (cond.negated || !cond.value) return undefined;
    if (cond.value.kind === "List") raws = (cond.value.items ?? []).map(rawText);
    else if (cond.value.kind === "Ident") {
      const sym = s.symbols.get(cond.value.name?.text ?? "");
      if (sym?.kind !== "set") return undefined;
      raws = (sym.decl.value?.items ?? []).map(rawText);
    } else return undefined;
  }
  const codes: string[] = [];
  for (const r of raws) {
    const c = normalizeCountry(r);
    if (!c.ok) return undefined; // reported where the literal is checked
    if (!codes.includes(c.value)) codes.push(c.value);
  }
  return codes.length > 0 ? { field: field.name, codes } : undefined;
}

function rawText(lit: Scalar | undefined): string {
  if (!lit) return "";
  return lit.kind === "Ident" ? lit.name?.text ?? "" : lit.kind === "Number" || lit.kind === "Bool" ? String(lit.value) : lit.value ?? "";
}

function checkTest(s: Sema, file: string, test: Test, scope: CountryScope): void {
  const field = resolveField(s, file, test.field);
  const ctx: ValueCtx = { file, countries: scope };
  if (!field) {
    // Still resolve a set name, so it is referenced (and reported when unknown); no type checks.
    if ((test.kind === "In" || test.kind === "StringTest") && test.value?.kind === "Ident") {
      useSet(s, test.value, undefined, test.kind === "In" ? "value" : "pattern", ctx, test.kind === "In" ? "in" : OP_TEXT[test.op]);
    }
    return;
  }
  switch (test.kind) {
    case "Compare":
      if (test.op !== "==" && test.op !== "!=" && !ORDERED.has(field.type)) {
        return reportOperator(s, file, test.opRange ?? test.range, test.op, field, "compare");
      }
      checkScalar(s, field, test.value, ctx);
      return;
    case "In":
      return checkIn(s, field, test.value, ctx, test.negated ? "not in" : "in");
    case "StringTest": {
      if (!STRING_OPS[test.op]?.has(field.type)) return reportOperator(s, file, test.opRange ?? test.range, test.op, field, "string");
      const v = test.value;
      if (!v) return;
      if (v.kind === "Ident") return useSet(s, v, field, "pattern", ctx, OP_TEXT[test.op]);
      if (v.kind === "List") return checkList(s, field, v, ctx, true);
      checkPattern(s, field, v, ctx);
      return;
    }
    default:
      return; // `is set` / `is not set` apply to every field
  }
}

function checkIn(s: Sema, field: FieldInfo, value: ListLit | RangeLit | Scalar | undefined, ctx: ValueCtx, opText: string): void {
  if (!value) return;
  if (value.kind === "Ident") return useSet(s, value, field, "value", ctx, opText);
  if (value.kind === "List") return checkList(s, field, value, ctx, false);
  if (value.kind === "Range") {
    if (!RANGED.has(field.type)) return reportOperator(s, ctx.file, value.range, "..", field, "range");
    checkRange(s, field, value, ctx);
    return;
  }
  checkScalar(s, field, value, ctx);
}

export function checkList(s: Sema, field: FieldInfo, list: ListLit, ctx: ValueCtx, pattern: boolean): void {
  const values: LiteralValue[] = [];
  for (const item of list.items ?? []) {
    const v = pattern ? checkPattern(s, field, item, ctx) : checkScalar(s, field, item, ctx);
    if (v !== undefined) values.push(v);
  }
  s.literals.set(list, { kind: "list", type: field.type, values });
}
