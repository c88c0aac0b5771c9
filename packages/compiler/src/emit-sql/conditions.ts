// Conditions (boxes of atoms, in disjunctive normal form) as SQL, with the runtime's meaning
// (runtime atoms.ts): every atom is false on a missing value except `unset`. SQL gets that from
// NULL: a test on a NULL column is NULL, and a condition built only from AND and OR of such tests
// is NULL or false exactly when the runtime says false, which CASE WHEN treats alike.
// Values are put in the form the record's keys have, as the runtime does at load.
import { foldString, postalDigits } from "@carve/values";
import type { Atom, Box, Scalar } from "@carve/runtime";
import type { Fields } from "./columns.js";
import { and, type Bool, or } from "./expr.js";

export function boxesSql(boxes: readonly Box[], f: Fields): Bool {
  return or(boxes.map((b) => and(b.atoms.map((r) => atomSql(r.atom, f)))));
}

function atomSql(a: Atom, f: Fields): Bool {
  const type = f.field(a.field).type;
  const value = f.value(a.field);
  switch (a.op) {
    case "set":
      return `${value} IS NOT NULL`;
    case "unset":
      return `${value} IS NULL`;
    case "in":
    case "notIn": {
      const negated = a.op === "notIn";
      if (a.values.length === 0) return negated ? `${value} IS NOT NULL` : false;
      const col = f.eqKey(a.field);
      const vs = a.values.map((v) => literal(f, a.field, type === "string" && typeof v === "string" ? foldString(v) : v));
      if (vs.length === 1) return `${col} ${negated ? "<>" : "="} ${vs[0]}`;
      return f.d.inList(col, vs, negated);
    }
    case "range":
      return type === "int" || type === "number" || type === "money" || type === "date" ? plainRange(a, f) : textRange(a, f);
    default: {
      const t = f.textKey(a.field);
      const d = f.d;
      const key = (v: string) => (type === "postal" ? postalDigits(v) : type === "string" ? foldString(v) : v);
      const test = (p: string): Bool => {
        // Every text starts with, ends with and contains the empty text.
        if (p.length === 0) return true;
        return a.op === "startsWith" ? d.startsWith(t, p) : a.op === "endsWith" ? d.endsWith(t, p) : d.contains(t, p);
      };
      const any = or(a.values.map((v) => test(key(v))));
      // `any` is NULL for a missing value, and so is its negation: false either way.
      if (!a.negated) return any === true ? `${t} IS NOT NULL` : any;
      return any === true ? false : any === false ? `${t} IS NOT NULL` : `(NOT ${any})`;
    }
  }
}

type RangeAtom = Extract<Atom, { op: "range" }>;

/** Numbers, and dates (whose bounds are whole dates, so the cut of the artifact contract is the date itself). */
function plainRange(a: RangeAtom, f: Fields): Bool {
  const col = f.value(a.field);
  const parts: Bool[] = [];
  if (a.min !== undefined) parts.push(`${col} ${a.minInclusive ? ">=" : ">"} ${literal(f, a.field, a.min)}`);
  if (a.max !== undefined) parts.push(`${col} ${a.maxInclusive ? "<=" : "<"} ${literal(f, a.field, a.max)}`);
  return parts.length === 0 ? `${col} IS NOT NULL` : and(parts);
}

/**
 * A string bound compares the key cut to the bound's length (artifact-types.ts, `range`). As plain
 * comparisons on the whole key, which a warehouse can use for pruning: cut ≥ min ⟺ key ≥ min;
 * cut > min ⟺ key ≥ end(min); cut ≤ max ⟺ key < end(max); cut < max ⟺ key < max — where end(p)
 * is the least text above every text starting with p (the runtime's RangeColumn does the same).
 */
function textRange(a: RangeAtom, f: Fields): Bool {
  const type = f.field(a.field).type;
  const key = (v: string) => (type === "postal" ? postalDigits(v) : type === "string" ? foldString(v) : v);
  const col = f.d.binaryText(f.textKey(a.field));
  const parts: Bool[] = [];
  if (a.min !== undefined) {
    const min = key(String(a.min));
    const lo = a.minInclusive ? min : prefixEnd(min);
    if (lo === undefined) return false;
    parts.push(`${col} >= ${f.d.str(lo)}`);
  }
  if (a.max !== undefined) {
    const max = key(String(a.max));
    const hi = a.maxInclusive ? prefixEnd(max) : max;
    if (hi !== undefined) parts.push(`${col} < ${f.d.str(hi)}`);
  }
  return parts.length === 0 ? `${f.textKey(a.field)} IS NOT NULL` : and(parts);
}

/**
 * The least text greater than every text starting with `p`, by code point (the order of UTF-8
 * bytes, which is how the warehouses compare text without a collation); undefined: none.
 */
export function prefixEnd(p: string): string | undefined {
  const cps = [...p].map((c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    let last = cps.pop()! + 1;
    if (last >= 0xd800 && last <= 0xdfff) last = 0xe000; // no text holds a lone surrogate
    if (last <= 0x10ffff) return String.fromCodePoint(...cps, last);
  }
  return undefined;
}

/** A value of the field's type as a SQL literal. */
export function literal(f: Fields, field: string, v: Scalar): string {
  const type = f.field(field).type;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`the artifact holds a number SQL cannot write: ${v}`);
    return v < 0 ? `(${String(v)})` : String(v);
  }
  if (type === "date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`the artifact holds a date that is not YYYY-MM-DD: ${JSON.stringify(v)}`);
    return `DATE '${v}'`;
  }
  return f.d.str(v);
}
