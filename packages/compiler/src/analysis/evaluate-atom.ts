// Direct evaluation of one atom on one normalised value (undefined = the field has no value),
// mirroring the runtime's reference semantics (@carve/runtime atoms.ts): equality compares the
// value (strings folded); string tests and text ranges read the value's *text* — folded for
// strings, the letters and digits of postal codes, the value itself otherwise; a text range
// compares the text cut to the bound's length. Every atom is false on a missing value except `unset`.
import type { Atom, FieldType, Scalar } from "@carve/runtime";
import { foldString, postalDigits } from "@carve/values";

const NUMERIC: ReadonlySet<FieldType> = new Set(["int", "number", "money"]);

export function isNumericType(type: FieldType): boolean {
  return NUMERIC.has(type);
}

/** The text string tests read, or undefined for numbers and booleans. */
export function textOf(type: FieldType, value: unknown): string | undefined {
  if (typeof value !== "string" || NUMERIC.has(type) || type === "bool") return undefined;
  return textKey(type, value);
}

/** Atom values of string tests and text ranges in the text's form (as the runtime compiles them). */
export function textKey(type: FieldType, s: string): string {
  return type === "postal" ? postalDigits(s) : type === "string" ? foldString(s) : s;
}

export function eqKey(type: FieldType, v: unknown): unknown {
  return type === "string" && typeof v === "string" ? foldString(v) : v;
}

export function evaluateAtom(atom: Atom, type: FieldType, value: unknown): boolean {
  if (atom.op === "unset") return value === undefined;
  if (value === undefined) return false;
  switch (atom.op) {
    case "set":
      return true;
    case "in":
    case "notIn": {
      const key = eqKey(type, value);
      const hit = atom.values.some((v: Scalar) => eqKey(type, v) === key);
      return hit === (atom.op === "in");
    }
    case "range":
      return NUMERIC.has(type) ? inNumberRange(atom, value) : inTextRange(atom, type, textOf(type, value));
    case "startsWith":
    case "endsWith":
    case "contains": {
      const t = textOf(type, value);
      if (t === undefined) return false;
      const hit = atom.values.some((p) => {
        const k = textKey(type, p);
        return atom.op === "startsWith" ? t.startsWith(k) : atom.op === "endsWith" ? t.endsWith(k) : t.includes(k);
      });
      return hit !== atom.negated;
    }
  }
}

type Range = Extract<Atom, { op: "range" }>;

function inNumberRange(a: Range, v: unknown): boolean {
  if (typeof v !== "number") return false;
  if (a.min !== undefined && !(a.minInclusive ? v >= (a.min as number) : v > (a.min as number))) return false;
  if (a.max !== undefined && !(a.maxInclusive ? v <= (a.max as number) : v < (a.max as number))) return false;
  return true;
}

function inTextRange(a: Range, type: FieldType, t: string | undefined): boolean {
  if (t === undefined) return false;
  if (a.min !== undefined) {
    const min = textKey(type, String(a.min));
    const cut = t.slice(0, min.length);
    if (!(a.minInclusive ? cut >= min : cut > min)) return false;
  }
  if (a.max !== undefined) {
    const max = textKey(type, String(a.max));
    const cut = t.slice(0, max.length);
    if (!(a.maxInclusive ? cut <= max : cut < max)) return false;
  }
  return true;
}
