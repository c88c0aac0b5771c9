// Partitions of ordered fields. Integers (int, and dates as day numbers) are cut into closed
// integer intervals [lo, hi] at every bound the plan uses, after normalising exclusive and
// fractional bounds (`x > 5 and x < 6` is empty for an int: (5, 6) holds no whole number).
// Reals (number, money) are cut into points and the open intervals between them.
import type { Atom, FieldType } from "@carve/runtime";
import { emptyBits, type Bits } from "./bits.js";
import { fromDay, toDay } from "./dates.js";
import { evaluateAtom } from "./evaluate-atom.js";
import type { Partition } from "./partition.js";

const DEFAULT_DATE = "2027-01-01";

export function numericPartition(type: FieldType, atoms: readonly Atom[]): Partition {
  if (type === "date") {
    return integerPartition(type, atoms, (v) => (typeof v === "string" ? toDay(v) : undefined), fromDay, toDay(DEFAULT_DATE)!);
  }
  if (type === "int") {
    return integerPartition(type, atoms, (v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined), (n) => n, 0);
  }
  return realPartition(type, atoms);
}

interface Interval {
  lo: number; // may be -Infinity
  hi: number; // may be Infinity
}

function integerPartition(
  type: FieldType,
  atoms: readonly Atom[],
  toNum: (v: unknown) => number | undefined,
  fromNum: (n: number) => unknown,
  dflt: number,
): Partition {
  // Cuts: the first whole number of each class.
  const cuts = new Set<number>();
  for (const a of atoms) {
    if (a.op === "range") {
      const min = a.min === undefined ? undefined : toNum(a.min);
      const max = a.max === undefined ? undefined : toNum(a.max);
      if (min !== undefined) cuts.add(a.minInclusive ? Math.ceil(min) : Math.floor(min) + 1);
      if (max !== undefined) cuts.add((a.maxInclusive ? Math.floor(max) : Math.ceil(max) - 1) + 1);
    } else if (a.op === "in" || a.op === "notIn") {
      for (const v of a.values) {
        const n = toNum(v);
        if (n !== undefined && Number.isInteger(n)) {
          cuts.add(n);
          cuts.add(n + 1);
        }
      }
    }
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const classes: Interval[] = [];
  let lo = -Infinity;
  for (const c of sorted) {
    classes.push({ lo, hi: c - 1 });
    lo = c;
  }
  classes.push({ lo, hi: Infinity });
  const reps = classes.map((k) => Math.min(Math.max(dflt, k.lo), k.hi));
  const values = reps.map(fromNum);
  return {
    count: classes.length,
    value: (c) => values[c],
    classOf(v) {
      const n = toNum(v);
      if (n === undefined || !Number.isInteger(n)) return -1;
      return search(classes, n);
    },
    rank: (c) => Math.abs(reps[c] - dflt),
    atomSet: (atom) => evaluateOnValues(atom, type, values),
  };
}

/** The index of the interval holding n (intervals are sorted and cover the line). */
function search(classes: readonly Interval[], n: number): number {
  let lo = 0;
  let hi = classes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n > classes[mid].hi) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function realPartition(type: FieldType, atoms: readonly Atom[]): Partition {
  const points = new Set<number>();
  const add = (v: unknown) => {
    if (typeof v === "number" && Number.isFinite(v)) points.add(v);
  };
  for (const a of atoms) {
    if (a.op === "range") {
      add(a.min);
      add(a.max);
    } else if (a.op === "in" || a.op === "notIn") a.values.forEach(add);
  }
  const sorted = [...points].sort((x, y) => x - y);
  // Classes alternate: (-∞, p0), {p0}, (p0, p1), {p1}, …, {pn}, (pn, ∞).
  const reps: number[] = [];
  let prev = -Infinity;
  for (const p of sorted) {
    reps.push(inside(prev, p));
    reps.push(p);
    prev = p;
  }
  reps.push(inside(prev, Infinity));
  return {
    count: reps.length,
    value: (c) => reps[c],
    classOf(v) {
      if (typeof v !== "number" || !Number.isFinite(v)) return -1;
      // binary search over the points: class 2i+1 is the point sorted[i]
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo] === v ? 2 * lo + 1 : 2 * lo;
    },
    rank: (c) => Math.abs(reps[c]),
    atomSet: (atom) => evaluateOnValues(atom, type, reps),
  };
}

/** A plausible number strictly between a and b: 0 if possible, else a whole number near 0. */
function inside(a: number, b: number): number {
  if (a < 0 && 0 < b) return 0;
  if (a >= 0) {
    const n = Math.floor(a) + 1;
    return n < b ? n : (a + b) / 2;
  }
  const n = Math.ceil(b) - 1; // here b <= 0
  return n > a ? n : (a + b) / 2;
}

function evaluateOnValues(atom: Atom, type: FieldType, values: readonly unknown[]): Bits {
  const b = emptyBits(values.length);
  for (let c = 0; c < values.length; c++) if (evaluateAtom(atom, type, values[c])) b[c >>> 5] |= 1 << (c & 31);
  return b;
}
