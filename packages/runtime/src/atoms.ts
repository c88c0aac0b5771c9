// Atoms compiled against the schema (field slot, values in comparison form), their meaning as a
// plain predicate (the reference semantics every faster path must agree with) and their text.
import { foldString, postalDigits } from "@carve/values";
import type { Atom, AtomRef, Box, Scalar } from "./artifact-types.js";
import type { Model } from "./model.js";
import type { NormRecord } from "./normalize-record.js";

interface Base {
  slot: number;
  /** index into Artifact.conditions */
  condition: number;
  atom: Atom;
}
export type CAtom =
  | (Base & { kind: "eq"; negated: boolean; values: readonly unknown[]; set: ReadonlySet<unknown> })
  | (Base & { kind: "range"; text: boolean; min?: number | string; minInc: boolean; max?: number | string; maxInc: boolean })
  | (Base & { kind: "prefix" | "suffix" | "contains"; negated: boolean; values: readonly string[] })
  | (Base & { kind: "set" | "unset" });

export type CBox = readonly CAtom[];

/** Compiles a box; values are put in the record keys' form (idempotent on a well-formed artifact). */
export function compileBoxes(boxes: readonly Box[], model: Model): CBox[] {
  return boxes.map((b) => b.atoms.map((ref) => compileAtom(ref, model)));
}

function compileAtom(ref: AtomRef, model: Model): CAtom {
  const a = ref.atom;
  const slot = model.fieldByName.get(a.field)!;
  const type = model.fields[slot].type;
  const base = { slot, condition: ref.condition, atom: a };
  const eqKey = (v: Scalar): unknown => (type === "string" && typeof v === "string" ? foldString(v) : v);
  const textKey = (v: string): string => (type === "postal" ? postalDigits(v) : type === "string" ? foldString(v) : v);
  switch (a.op) {
    case "in":
    case "notIn": {
      const values = a.values.map(eqKey);
      return { ...base, kind: "eq", negated: a.op === "notIn", values, set: new Set(values) };
    }
    case "range": {
      const text = type !== "int" && type !== "number" && type !== "money";
      const key = (v: number | string | undefined) => (typeof v === "string" ? textKey(v) : v);
      return {
        ...base, kind: "range", text,
        ...(a.min !== undefined ? { min: key(a.min) } : {}), minInc: a.minInclusive,
        ...(a.max !== undefined ? { max: key(a.max) } : {}), maxInc: a.maxInclusive,
      };
    }
    case "startsWith":
    case "endsWith":
    case "contains": {
      const kind = a.op === "startsWith" ? "prefix" : a.op === "endsWith" ? "suffix" : "contains";
      return { ...base, kind, negated: a.negated, values: a.values.map(textKey) };
    }
    default:
      return { ...base, kind: a.op };
  }
}

/** The reference meaning of an atom. Every atom is false on a missing value, except `unset`. */
export function testAtom(a: CAtom, rec: NormRecord): boolean {
  if (rec.values[a.slot] === undefined) return a.kind === "unset";
  switch (a.kind) {
    case "set":
      return true;
    case "unset":
      return false;
    case "eq":
      return a.set.has(rec.cmp[a.slot]) !== a.negated;
    case "range":
      return a.text ? inTextRange(a, rec.txt[a.slot]) : inNumberRange(a, rec.cmp[a.slot] as number);
    default: {
      const t = rec.txt[a.slot];
      if (t === undefined) return false;
      let hit = false;
      for (const v of a.values) {
        if (a.kind === "prefix" ? t.startsWith(v) : a.kind === "suffix" ? t.endsWith(v) : t.includes(v)) {
          hit = true;
          break;
        }
      }
      return hit !== a.negated;
    }
  }
}

function inNumberRange(a: { min?: number | string; minInc: boolean; max?: number | string; maxInc: boolean }, v: number): boolean {
  if (a.min !== undefined && !(a.minInc ? v >= (a.min as number) : v > (a.min as number))) return false;
  if (a.max !== undefined && !(a.maxInc ? v <= (a.max as number) : v < (a.max as number))) return false;
  return true;
}

/** A string bound compares the key cut to the bound's length (artifact contract, `range`). */
function inTextRange(a: { min?: number | string; minInc: boolean; max?: number | string; maxInc: boolean }, t: string | undefined): boolean {
  if (t === undefined) return false;
  if (a.min !== undefined) {
    const min = a.min as string;
    const cut = t.slice(0, min.length);
    if (!(a.minInc ? cut >= min : cut > min)) return false;
  }
  if (a.max !== undefined) {
    const max = a.max as string;
    const cut = t.slice(0, max.length);
    if (!(a.maxInc ? cut <= max : cut < max)) return false;
  }
  return true;
}

export function testBox(box: CBox, rec: NormRecord): boolean {
  for (const a of box) if (!testAtom(a, rec)) return false;
  return true;
}

export function testBoxes(boxes: readonly CBox[], rec: NormRecord): boolean {
  for (const b of boxes) if (testBox(b, rec)) return true;
  return false;
}

/** The atom as a test a person reads: `employees >= 1000`, `region not in [US-CA, US-OR]`. */
export function describeAtom(a: Atom): string {
  const list = (vs: readonly Scalar[]) => `[${vs.map(show).join(", ")}]`;
  switch (a.op) {
    case "in":
      return a.values.length === 1 ? `${a.field} == ${show(a.values[0])}` : `${a.field} in ${list(a.values)}`;
    case "notIn":
      return a.values.length === 1 ? `${a.field} != ${show(a.values[0])}` : `${a.field} not in ${list(a.values)}`;
    case "range": {
      if (a.min !== undefined && a.max !== undefined && a.minInclusive && a.maxInclusive) {
        return `${a.field} in ${show(a.min)}..${show(a.max)}`;
      }
      const parts: string[] = [];
      if (a.min !== undefined) parts.push(`${a.field} ${a.minInclusive ? ">=" : ">"} ${show(a.min)}`);
      if (a.max !== undefined) parts.push(`${a.field} ${a.maxInclusive ? "<=" : "<"} ${show(a.max)}`);
      return parts.length > 0 ? parts.join(" and ") : `${a.field} is set`;
    }
    case "startsWith":
    case "endsWith":
    case "contains": {
      const verb = a.op === "startsWith" ? "starts with" : a.op === "endsWith" ? "ends with" : "contains";
      return `${a.field} ${a.negated ? "not " : ""}${verb} ${a.values.length === 1 ? show(a.values[0]) : list(a.values)}`;
    }
    case "set":
      return `${a.field} is set`;
    case "unset":
      return `${a.field} is not set`;
  }
}

const BARE = /^[A-Za-z0-9_-]+$/;

function show(v: Scalar): string {
  return typeof v === "string" && !BARE.test(v) ? JSON.stringify(v) : String(v);
}
