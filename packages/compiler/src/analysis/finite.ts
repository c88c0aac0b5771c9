// Partitions of fields compared only by equality: declared finite domains (enum, bool, rep over a
// known roster) and open ones (country, strings, postal codes and domains without string tests,
// reps without a roster). Classes: each value the plan mentions, then one "any other value"
// class when the domain has other values.
import type { Atom, FieldType, Scalar } from "@carve/runtime";
import { bitsOf, emptyBits, fullBits, type Bits } from "./bits.js";
import { evaluateAtom } from "./evaluate-atom.js";
import type { Partition } from "./partition.js";

/** The values named by in/notIn atoms, first appearance order. */
export function mentionedValues(atoms: readonly Atom[]): Scalar[] {
  const seen = new Set<Scalar>();
  for (const a of atoms) if (a.op === "in" || a.op === "notIn") for (const v of a.values) seen.add(v);
  return [...seen];
}

/**
 * `declared` lists the whole domain in its natural order. Mentioned values get a class each (in
 * declared order); all the others share one class, represented by the first of them — unless
 * `fine`, when every value is its own class (text tests can tell unmentioned values apart).
 */
export function declaredPartition(type: FieldType, declared: readonly Scalar[], atoms: readonly Atom[], fine = false): Partition {
  const mentioned = fine ? new Set(declared) : new Set(mentionedValues(atoms));
  const own = declared.filter((v) => mentioned.has(v));
  const rest = declared.filter((v) => !mentioned.has(v));
  const values: Scalar[] = rest.length > 0 ? [...own, rest[0]] : own;
  const restClass = rest.length > 0 ? own.length : -1;
  const index = new Map<Scalar, number>(own.map((v, i) => [v, i]));
  const restSet = new Set(rest);
  const defaultValue = declared[0];
  return equalityPartition(type, values, index, (v) => (restSet.has(v as Scalar) ? restClass : -1), (c) =>
    (c === restClass ? restSet.has(defaultValue) : values[c] === defaultValue) ? 0 : 1 + c,
  (c) => (c === restClass ? rest : [values[c]]));
}

/**
 * An open domain (infinite, or too large to list): mentioned values sorted, then "other".
 * `others` yields candidate values for the "other" class in order of preference; the first that
 * is not mentioned represents it (none: the mentioned values exhaust the domain).
 */
export function openPartition(
  type: FieldType,
  atoms: readonly Atom[],
  others: Iterable<Scalar>,
  isValue: (v: unknown) => boolean,
  defaultValue: Scalar,
): Partition {
  const own = mentionedValues(atoms).sort(compareScalars);
  const index = new Map<Scalar, number>(own.map((v, i) => [v, i]));
  let other: Scalar | undefined;
  for (const v of others) {
    if (!index.has(v)) {
      other = v;
      break;
    }
  }
  const values: Scalar[] = other === undefined ? own : [...own, other];
  const otherClass = other === undefined ? -1 : own.length;
  const defaultClass = index.get(defaultValue) ?? otherClass;
  return equalityPartition(type, values, index, (v) => (isValue(v) ? otherClass : -1), (c) => (c === defaultClass ? 0 : 1 + c),
    (c) => (c === otherClass ? filterOthers(others, index) : [values[c]]));
}

function* filterOthers(others: Iterable<Scalar>, index: ReadonlyMap<Scalar, number>): Iterable<Scalar> {
  let n = 0;
  for (const v of others) {
    if (index.has(v)) continue;
    yield v;
    if (++n >= 50) return; // enough plausible candidates; the class representative is the fallback
  }
}

function equalityPartition(
  type: FieldType,
  values: readonly Scalar[],
  index: ReadonlyMap<Scalar, number>,
  otherOf: (v: unknown) => number,
  rank: (c: number) => number,
  candidates: (c: number) => Iterable<unknown>,
): Partition {
  const count = values.length;
  return {
    count,
    value: (c) => values[c],
    classOf: (v) => index.get(v as Scalar) ?? otherOf(v),
    rank,
    candidates: (c) => candidates(c),
    atomSet(atom: Atom): Bits {
      if (atom.op === "in" || atom.op === "notIn") {
        const hits = bitsOf(count, atom.values.map((v) => index.get(v) ?? -1).filter((i) => i >= 0));
        if (atom.op === "in") return hits;
        const all = fullBits(count);
        for (let i = 0; i < hits.length; i++) all[i] &= ~hits[i];
        return all;
      }
      // Other tests on equality-only types are rejected by the checker; evaluate them on the
      // representatives rather than guess.
      const b = emptyBits(count);
      for (let c = 0; c < count; c++) if (evaluateAtom(atom, type, values[c])) b[c >>> 5] |= 1 << (c & 31);
      return b;
    },
  };
}

export function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  return typeof a < typeof b ? -1 : 1;
}
