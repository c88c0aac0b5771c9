// Peer (b): the hand-tuned bit-vector loop (Lakshman–Stiliadis), the "within 2×" yardstick.
// Per field: value → Uint32Array of the rows that accept it (rows that do not test the field
// included); numeric fields by binary search over elementary intervals, postal codes by their
// longest known prefix. Evaluation ANDs the fields' vectors one 32-bit word at a time and stops at
// the first non-zero word; its lowest set bit is the first matching row. Pre-normalised records only.
import { FIELD_KINDS } from "../gen/rows.mjs";

function bitsetFor(rows, words, accepts) {
  const b = new Uint32Array(words);
  rows.forEach((row, i) => {
    if (accepts(row)) b[i >>> 5] |= 1 << (i & 31);
  });
  return b;
}

const setBit = (b, i) => (b[i >>> 5] |= 1 << (i & 31));

function setField(rows, words, f) {
  const wild = bitsetFor(rows, words, (r) => !(f in r.cond));
  const map = new Map();
  rows.forEach((r, i) => {
    for (const v of r.cond[f] ?? []) {
      if (!map.has(v)) map.set(v, wild.slice());
      setBit(map.get(v), i);
    }
  });
  return (rec) => map.get(rec[f]) ?? wild;
}

function prefixField(rows, words, f) {
  const wild = bitsetFor(rows, words, (r) => !(f in r.cond));
  // byLen[L]: every length-L prefix of a rule prefix → the rows accepting any code that starts
  // with it. A rule prefix q is accepted by the keys that extend it (q included).
  const byLen = [new Map()];
  const extensions = new Map();
  for (const r of rows) {
    for (const p of r.cond[f] ?? []) {
      for (let L = 1; L <= p.length; L++) {
        const key = p.slice(0, L);
        while (byLen.length <= L) byLen.push(new Map());
        if (byLen[L].has(key)) continue;
        byLen[L].set(key, wild.slice());
        for (let k = 1; k <= L; k++) {
          const q = key.slice(0, k);
          if (!extensions.has(q)) extensions.set(q, []);
          extensions.get(q).push(key);
        }
      }
    }
  }
  rows.forEach((r, i) => {
    for (const q of r.cond[f] ?? []) for (const key of extensions.get(q)) setBit(byLen[key.length].get(key), i);
  });
  const maxLen = byLen.length - 1;
  return (rec) => {
    const v = rec[f];
    if (v === undefined) return wild;
    for (let L = Math.min(maxLen, v.length); L > 0; L--) {
      const b = byLen[L].get(v.slice(0, L));
      if (b !== undefined) return b;
    }
    return wild;
  };
}

function rangeField(rows, words, f) {
  const wild = bitsetFor(rows, words, (r) => !(f in r.cond));
  // Boundary points in the order a growing value passes them: at equal values `>= v` before `> v`.
  const key = (v, gt) => `${v}|${gt ? 1 : 0}`;
  const seen = new Map();
  for (const r of rows) {
    const c = r.cond[f];
    if (c?.min !== undefined) seen.set(key(c.min, false), [c.min, false]);
    if (c?.max !== undefined) seen.set(key(c.max, true), [c.max, true]);
  }
  const points = [...seen.values()].sort((a, b) => a[0] - b[0] || Number(a[1]) - Number(b[1]));
  const values = Float64Array.from(points, (p) => p[0]);
  const strict = points.map((p) => p[1]);
  const passed = (x) => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict[mid] ? x > values[mid] : x >= values[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A value in interval j has passed points 0..j-1: it is >= min iff (min, >=) is among them, and
  // <= max iff (max, >) is not.
  const index = new Map(points.map((p, i) => [key(p[0], p[1]), i]));
  const inRange = (c, j) => (c.min === undefined || index.get(key(c.min, false)) < j) && (c.max === undefined || index.get(key(c.max, true)) >= j);
  const intervals = Array.from({ length: points.length + 1 }, (_, j) => bitsetFor(rows, words, (r) => !(f in r.cond) || inRange(r.cond[f], j)));
  return (rec) => {
    const v = rec[f];
    return v === undefined ? wild : intervals[passed(v)];
  };
}

export function buildBitset(rows) {
  const words = Math.max(1, (rows.length + 31) >>> 5);
  const fields = Object.keys(FIELD_KINDS).filter((f) => rows.some((r) => f in r.cond));
  const lookups = fields.map((f) => ({ set: setField, prefix: prefixField, range: rangeField })[FIELD_KINDS[f]](rows, words, f));
  const ids = rows.map((r) => r.id);
  const ones = new Uint32Array(words).fill(0xffffffff);
  while (lookups.length < 7) lookups.push(() => ones);
  if (lookups.length > 7) throw new Error("bitset: at most 7 fields");
  const [l0, l1, l2, l3, l4, l5, l6] = lookups;
  return {
    evaluate(rec) {
      const a0 = l0(rec), a1 = l1(rec), a2 = l2(rec), a3 = l3(rec), a4 = l4(rec), a5 = l5(rec), a6 = l6(rec);
      for (let w = 0; w < words; w++) {
        const m = a0[w] & a1[w] & a2[w] & a3[w] & a4[w] & a5[w] & a6[w];
        if (m !== 0) return ids[(w << 5) + 31 - Math.clz32(m & -m)];
      }
      return null;
    },
  };
}
