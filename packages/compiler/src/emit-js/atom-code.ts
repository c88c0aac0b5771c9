// One atom as a JavaScript expression over the normalised record, meaning exactly what the
// runtime's reference predicate `testAtom` (packages/runtime/src/atoms.ts) means. The atoms are
// the runtime's own compiled form (values already in comparison form), so no key is derived here.
// In the emitted code `v`, `c` and `t` are the record's values, comparison keys and text keys.
import type { CAtom, NormRecord, Window } from "@carve/runtime";
import type { Hoisted } from "./hoisted.js";
import { jsLiteral } from "./js-literal.js";

/** The NormRecord members the compiled code reads (a rename in the runtime fails to compile here). */
export const RECORD_ARRAYS = { v: "values", c: "cmp", t: "txt" } as const satisfies Record<string, keyof NormRecord>;

/** Up to this many values an `in` test is a chain of `===`; beyond, a hoisted Set. */
const INLINE_VALUES = 4;

/** `(a || b)`: an expression that is safe as an operand of `&&`. */
function group(parts: readonly string[], op: "||" | "&&"): string {
  if (parts.length === 0) return op === "||" ? "false" : "true";
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${op} `)})`;
}

export function atomCode(a: CAtom, h: Hoisted): string {
  const v = `v[${a.slot}]`;
  const c = `c[${a.slot}]`;
  const t = `t[${a.slot}]`;
  switch (a.kind) {
    case "set":
      return `${v} !== undefined`;
    case "unset":
      return `${v} === undefined`;
    case "eq": {
      // A present value always has a key, and no key is undefined: `c === k` is false on a missing value.
      if (a.values.length > INLINE_VALUES) {
        const set = h.set(a.values);
        return a.negated ? `(${v} !== undefined && !${set}.has(${c}))` : `${set}.has(${c})`;
      }
      if (!a.negated) return group(a.values.map((k) => `${c} === ${jsLiteral(k)}`), "||");
      return group([`${v} !== undefined`, ...a.values.map((k) => `${c} !== ${jsLiteral(k)}`)], "&&");
    }
    case "range":
      return a.text ? textRange(a, t) : numberRange(a, v, c);
    case "prefix":
    case "suffix":
    case "contains": {
      const method = a.kind === "prefix" ? "startsWith" : a.kind === "suffix" ? "endsWith" : "includes";
      const helper = a.kind === "prefix" ? "anyPrefix" : a.kind === "suffix" ? "anySuffix" : "anyInfix";
      const hit =
        a.values.length <= INLINE_VALUES
          ? group(a.values.map((x) => `${t}.${method}(${jsLiteral(x)})`), "||")
          : `${h.helper(helper)}(${t}, ${h.list(a.values)})`;
      // A text key exists only beside a value; a value without one (a number) fails even negated.
      return `(${t} !== undefined && ${a.negated ? `!${hit}` : hit})`;
    }
  }
}

type RangeAtom = Extract<CAtom, { kind: "range" }>;

function numberRange(a: RangeAtom, v: string, c: string): string {
  const parts: string[] = [];
  // Comparisons with a missing value (undefined) are false, as the reference's are.
  if (a.min !== undefined) parts.push(`${c} ${a.minInc ? ">=" : ">"} ${jsLiteral(a.min)}`);
  if (a.max !== undefined) parts.push(`${c} ${a.maxInc ? "<=" : "<"} ${jsLiteral(a.max)}`);
  return parts.length === 0 ? `${v} !== undefined` : group(parts, "&&");
}

/**
 * A string bound compares the key cut to the bound's length. Without cutting: cut >= min is
 * t >= min, and cut < max is t < max (the first difference lies inside the bound or t is shorter);
 * cut > min is t > min unless t starts with min, and cut <= max is t <= max or t starts with max.
 */
function textRange(a: RangeAtom, t: string): string {
  const parts = [`${t} !== undefined`];
  const bound = (b: number | string, op: string): string => {
    const lit = jsLiteral(b);
    if (typeof b !== "string") return `${t}.slice(0, ${lit}.length) ${op} ${lit}`; // the reference, literally (not produced by the compiler)
    if (op === ">=" || op === "<") return `${t} ${op} ${lit}`;
    return op === ">" ? `(${t} > ${lit} && !${t}.startsWith(${lit}))` : `(${t} <= ${lit} || ${t}.startsWith(${lit}))`;
  };
  if (a.min !== undefined) parts.push(bound(a.min, a.minInc ? ">=" : ">"));
  if (a.max !== undefined) parts.push(bound(a.max, a.maxInc ? "<=" : "<"));
  return group(parts, "&&");
}

/** The window test on the decision date `d` (inclusive ends; ISO dates compare as strings), or "" for none. */
export function windowCode(w: Window | undefined): string {
  const parts: string[] = [];
  if (w?.from !== undefined) parts.push(`d >= ${jsLiteral(w.from)}`);
  if (w?.until !== undefined) parts.push(`d <= ${jsLiteral(w.until)}`);
  return parts.join(" && ");
}
