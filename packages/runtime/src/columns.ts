// Column indexes: for one field and one kind of test (at most one atom per row), the rows that
// accept a record's value, answered with a lookup instead of testing rows one by one. A row
// without an atom in the column accepts every value. `missing` is the rows accepting no value.
import type { CAtom } from "./atoms.js";
import { type Bits, clearBit, fullBits, orInto, setBit, summarize, summaryWords, withSummary } from "./bitset.js";
import type { NormRecord } from "./normalize-record.js";
import type { ValueIds } from "./value-ids.js";

export interface Column {
  /** rows accepting the record's (present) value; may be a shared array: read it, never write it */
  mask(rec: NormRecord): Bits;
  /** rows accepting a missing value */
  readonly missing: Bits;
  /** the column as a WordColumn, for tables of one word (up to 32 rows) */
  word(): WordColumn;
}

const NO_CLASSES = new Int32Array(0);

export const WORD_EQ = 0;
export const WORD_RANGE = 1;
export const WORD_TEXT_RANGE = 2;
export const WORD_OTHER = 3;
/** WORD_EQ bound to ValueIds: rows by the record's value id */
export const WORD_EQ_ID = 4;

/**
 * A column of a table of at most 32 rows, in one monomorphic shape: the matcher's inner loop
 * switches on `kind` instead of calling a different class per column.
 */
export class WordColumn {
  /** WORD_EQ_ID: id → rows */
  private byId: Int32Array = NO_CLASSES;

  constructor(
    public kind: number,
    readonly slot: number,
    /** WORD_EQ: value → rows; other values give `other` */
    readonly eq: Map<unknown, number> | null,
    readonly other: number,
    /** WORD_RANGE / WORD_TEXT_RANGE: RangeColumn's points and classes */
    readonly points: readonly (number | string)[],
    readonly classes: Int32Array,
    readonly missing: number,
    /** WORD_OTHER: the column itself */
    readonly column: Column | null,
  ) {}

  /** Reads the record's value id instead of looking its value up (ids must be filled by `ids`). */
  bindIds(ids: ValueIds): void {
    if (this.kind !== WORD_EQ) return;
    const byId = new Int32Array(ids.size(this.slot)).fill(this.other);
    for (const [v, w] of this.eq!) byId[ids.id(this.slot, v)] = w;
    this.byId = byId;
    this.kind = WORD_EQ_ID;
  }

  mask(rec: NormRecord): number {
    switch (this.kind) {
      case WORD_EQ_ID:
        return this.byId[rec.ids[this.slot]];
      case WORD_EQ: {
        const w = this.eq!.get(rec.cmp[this.slot]);
        return w === undefined ? this.other : w;
      }
      case WORD_RANGE:
      case WORD_TEXT_RANGE: {
        const v = this.kind === WORD_TEXT_RANGE ? rec.txt[this.slot] : (rec.cmp[this.slot] as number | string | undefined);
        return v === undefined ? this.missing : this.classes[rangeClass(this.points, v)];
      }
      default:
        return this.column!.mask(rec)[0];
    }
  }
}

/**
 * The class of `v` among sorted breakpoints: 2i when strictly between points i-1 and i, 2i+1 when
 * exactly point i (one binary search, shared by the word and the multi-word range columns).
 */
function rangeClass(p: readonly (number | string)[], v: number | string): number {
  let lo = 0;
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < p.length && p[lo] === v ? 2 * lo + 1 : 2 * lo;
}

export function otherWord(c: Column): WordColumn {
  return new WordColumn(WORD_OTHER, -1, null, 0, [], NO_CLASSES, c.missing[0] | 0, c);
}

/** The atoms of one column, by row. */
export interface ColumnAtoms {
  rows: number;
  words: number;
  atoms: Map<number, CAtom>;
}

export function withoutAtom(c: ColumnAtoms): Bits {
  const b = fullBits(c.rows, c.words);
  for (const r of c.atoms.keys()) clearBit(b, r);
  return b;
}

/** Above this many words of precomputed masks, an equality column stores row lists instead. */
export const DENSE_LIMIT = 1 << 16;

/** `in` / `notIn`, and `set` / `unset` (an equality column that lists no values). */
export class EqColumn implements Column {
  readonly missing: Bits;
  private readonly other: Bits;
  private readonly dense = new Map<unknown, Bits>();
  private readonly sparse = new Map<unknown, { add: number[]; remove: number[] }>();
  private readonly scratch: Bits;
  private readonly words: number;
  private readonly slot: number;
  /** bound to ValueIds (bindIds): value id → rows */
  private byId: Bits[] | null = null;

  constructor(c: ColumnAtoms, denseLimit = DENSE_LIMIT) {
    const none = withoutAtom(c);
    this.slot = firstSlot(c);
    this.missing = none.slice();
    this.other = none.slice();
    const lists = new Map<unknown, { add: number[]; remove: number[] }>();
    const list = (v: unknown) => {
      let l = lists.get(v);
      if (!l) lists.set(v, (l = { add: [], remove: [] }));
      return l;
    };
    for (const [r, a] of c.atoms) {
      if (a.kind === "eq") {
        if (a.negated) setBit(this.other, r);
        for (const v of a.set) (a.negated ? list(v).remove : list(v).add).push(r);
      } else if (a.kind === "set") setBit(this.other, r);
      else setBit(this.missing, r); // unset: accepts only a missing value
    }
    this.words = c.words;
    this.scratch = new Uint32Array(c.words + summaryWords(c.words));
    const dense = lists.size * c.words <= denseLimit;
    for (const [v, l] of lists) {
      if (!dense) {
        this.sparse.set(v, l);
        continue;
      }
      const m = this.other.slice();
      for (const r of l.add) setBit(m, r);
      for (const r of l.remove) clearBit(m, r);
      this.dense.set(v, withSummary(m, c.words));
    }
    this.missing = withSummary(this.missing, c.words);
    this.other = withSummary(this.other, c.words);
  }

  word(): WordColumn {
    if (this.sparse.size > 0) return otherWord(this);
    const eq = new Map<unknown, number>();
    for (const [v, m] of this.dense) eq.set(v, m[0] | 0);
    return new WordColumn(WORD_EQ, this.slot, eq, this.other[0] | 0, [], NO_CLASSES, this.missing[0] | 0, null);
  }

  /** Reads the record's value id instead of looking its value up (ids must be filled by `ids`). */
  bindIds(ids: ValueIds): void {
    if (this.sparse.size > 0) return;
    const byId: Bits[] = new Array<Bits>(ids.size(this.slot)).fill(this.other);
    for (const [v, m] of this.dense) byId[ids.id(this.slot, v)] = m;
    this.byId = byId;
  }

  mask(rec: NormRecord): Bits {
    if (this.byId !== null) return this.byId[rec.ids[this.slot]];
    const v = rec.cmp[this.slot];
    const d = this.dense.get(v);
    if (d !== undefined) return d;
    const l = this.sparse.size === 0 ? undefined : this.sparse.get(v);
    if (l === undefined) return this.other;
    const m = this.scratch;
    m.set(this.other);
    for (const r of l.add) setBit(m, r);
    for (const r of l.remove) clearBit(m, r);
    summarize(m, this.words);
    return m;
  }
}

/** The smallest string greater than every string starting with `p`; undefined: there is none. */
export function prefixEnd(p: string): string | undefined {
  let s = p;
  while (s.length > 0 && s.charCodeAt(s.length - 1) === 0xffff) s = s.slice(0, -1);
  if (s.length === 0) return undefined;
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

interface Interval {
  lo?: number | string;
  loInc: boolean;
  hi?: number | string;
  hiInc: boolean;
  never: boolean;
}

/** A range atom as a plain interval on the key (string bounds rewritten: see atoms.ts inTextRange). */
function interval(a: Extract<CAtom, { kind: "range" }>): Interval {
  if (!a.text) return { lo: a.min, loInc: a.minInc, hi: a.max, hiInc: a.maxInc, never: false };
  const out: Interval = { loInc: true, hiInc: false, never: false };
  if (a.min !== undefined) {
    const min = a.min as string;
    if (a.minInc) out.lo = min;
    else {
      out.lo = prefixEnd(min); // cut > min ⟺ key ≥ the end of min's prefix block
      if (out.lo === undefined) out.never = true;
    }
  }
  if (a.max !== undefined) {
    const max = a.max as string;
    out.hi = a.maxInc ? prefixEnd(max) : max; // cut ≤ max ⟺ key < the end of max's prefix block
  }
  return out;
}

/** Ranges: the bounds cut the line into elementary intervals, each with its precomputed rows. */
export class RangeColumn implements Column {
  readonly missing: Bits;
  private readonly slot: number;
  private readonly text: boolean;
  private readonly points: (number | string)[];
  /** class 2i: strictly between points i-1 and i; class 2i+1: exactly point i */
  private readonly classes: Bits[];

  constructor(c: ColumnAtoms) {
    const none = withoutAtom(c);
    this.slot = firstSlot(c);
    const first = c.atoms.values().next().value as Extract<CAtom, { kind: "range" }>;
    this.text = first.text;
    const rows = [...c.atoms].map(([r, a]) => ({ r, iv: interval(a as Extract<CAtom, { kind: "range" }>) }));
    const set = new Set<number | string>();
    for (const { iv } of rows) {
      if (iv.lo !== undefined) set.add(iv.lo);
      if (iv.hi !== undefined) set.add(iv.hi);
    }
    this.points = [...set].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const n = this.points.length;
    this.classes = [];
    for (let k = 0; k <= 2 * n; k++) {
      const m = none.slice();
      for (const { r, iv } of rows) if (!iv.never && this.covers(iv, k)) setBit(m, r);
      this.classes.push(withSummary(m, c.words));
    }
    this.missing = withSummary(none, c.words);
  }

  private covers(iv: Interval, k: number): boolean {
    const p = this.points;
    if (k % 2 === 1) {
      const v = p[(k - 1) / 2];
      if (iv.lo !== undefined && !(iv.loInc ? v >= iv.lo : v > iv.lo)) return false;
      if (iv.hi !== undefined && !(iv.hiInc ? v <= iv.hi : v < iv.hi)) return false;
      return true;
    }
    const i = k / 2; // the open interval (p[i-1], p[i]); bounds are points, so it is all in or all out
    if (iv.lo !== undefined && (i === 0 || iv.lo > p[i - 1])) return false;
    if (iv.hi !== undefined && (i === p.length || iv.hi < p[i])) return false;
    return true;
  }

  word(): WordColumn {
    const kind = this.text ? WORD_TEXT_RANGE : WORD_RANGE;
    return new WordColumn(kind, this.slot, null, 0, this.points, Int32Array.from(this.classes, (m) => m[0] | 0), this.missing[0] | 0, null);
  }

  mask(rec: NormRecord): Bits {
    const v = this.text ? rec.txt[this.slot] : (rec.cmp[this.slot] as number | string | undefined);
    return v === undefined ? this.missing : this.classes[rangeClass(this.points, v)];
  }
}

/** contains: each needle is looked for in the value. */
export class ContainsColumn implements Column {
  readonly missing: Bits;
  private readonly slot: number;
  private readonly needles: [string, Bits][];
  private readonly words: number;
  private readonly neg: Bits;
  private readonly hits: Bits;
  private readonly out: Bits;

  constructor(c: ColumnAtoms) {
    this.missing = withSummary(withoutAtom(c), c.words);
    this.words = c.words;
    this.slot = firstSlot(c);
    this.neg = new Uint32Array(c.words);
    const byNeedle = new Map<string, Bits>();
    for (const [r, a] of c.atoms) {
      if (a.kind !== "contains") continue;
      if (a.negated) setBit(this.neg, r);
      for (const v of a.values) {
        let h = byNeedle.get(v);
        if (!h) byNeedle.set(v, (h = new Uint32Array(c.words)));
        setBit(h, r);
      }
    }
    this.needles = [...byNeedle];
    this.hits = new Uint32Array(c.words);
    this.out = new Uint32Array(c.words + summaryWords(c.words));
  }

  word(): WordColumn {
    return otherWord(this);
  }

  mask(rec: NormRecord): Bits {
    const t = rec.txt[this.slot];
    if (t === undefined) return this.missing;
    const hits = this.hits;
    hits.fill(0);
    for (const [needle, rows] of this.needles) if (t.includes(needle)) orInto(hits, rows);
    const out = this.out;
    for (let i = 0; i < this.words; i++) out[i] = this.missing[i] | (hits[i] ^ this.neg[i]);
    summarize(out, this.words);
    return out;
  }
}

export function firstSlot(c: ColumnAtoms): number {
  return (c.atoms.values().next().value as CAtom).slot;
}
