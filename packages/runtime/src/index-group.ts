// The indexed matcher: per field, a few column lookups give the rows that accept the record's
// value; the AND over fields is the set of matching rows. Cost per table: one lookup and one
// AND of `words` words per column, whatever the number of values listed in the rules.
import type { CAtom } from "./atoms.js";
import { type Bits, andInto, summaryWords } from "./bitset.js";
import { AffixColumn } from "./affix-column.js";
import { type Column, type ColumnAtoms, ContainsColumn, EqColumn, RangeColumn, type WordColumn } from "./columns.js";
import type { NormRecord } from "./normalize-record.js";
import type { ValueIds } from "./value-ids.js";
import { ActiveRows, type Matcher, type TableLayout } from "./table.js";

interface FieldIndex {
  slot: number;
  /** rows accepting a missing value: the AND of the columns' `missing` */
  missing: Bits;
  columns: Column[];
}

const FAMILY: Record<CAtom["kind"], string> = {
  eq: "eq", set: "eq", unset: "eq", range: "range", prefix: "prefix", suffix: "suffix", contains: "contains",
};

export class IndexedMatcher implements Matcher {
  private readonly active: ActiveRows;
  private readonly fields: FieldIndex[];
  /** Tables of one word (most nested groups): the fields and columns flattened, see matchWord */
  private readonly wordSlots: Int32Array;
  private readonly wordMissing: Int32Array;
  /** field i's columns are wordColumns[wordStart[i] .. wordStart[i + 1]) */
  private readonly wordStart: Int32Array;
  private readonly wordColumns: WordColumn[];
  /** the rows in effect when no item has a window */
  private readonly allWord: number;
  /** firstRow's scratch: the active rows and one mask per column (a field's `missing` at most one per field) */
  private readonly masks: Bits[];

  /**
   * `denseLimit`: see EqColumn (tests lower it to exercise the sparse form). `ids`: equality tests
   * read the record's value ids (the records must come from a normaliser given the same ValueIds).
   */
  constructor(readonly layout: TableLayout, denseLimit?: number, ids?: ValueIds) {
    this.active = new ActiveRows(layout);
    // A row with two atoms of one family on one field (employees >= 10 and employees < 50) puts
    // them in two columns, so that every column holds at most one atom per row.
    const columns = new Map<string, ColumnAtoms & { slot: number; family: string }>();
    layout.rowBox.forEach((box, r) => {
      const seen = new Map<string, number>();
      for (const a of box) {
        const family = FAMILY[a.kind];
        const base = `${a.slot}:${family}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        const key = `${base}:${n}`;
        let col = columns.get(key);
        if (!col) columns.set(key, (col = { rows: layout.rows, words: layout.words, atoms: new Map(), slot: a.slot, family }));
        col.atoms.set(r, a);
      }
    });
    const bySlot = new Map<number, FieldIndex>();
    for (const col of columns.values()) {
      const column = makeColumn(col.family, col, denseLimit);
      if (ids && column instanceof EqColumn) column.bindIds(ids);
      let f = bySlot.get(col.slot);
      if (!f) bySlot.set(col.slot, (f = { slot: col.slot, missing: column.missing.slice(), columns: [] }));
      else andInto(f.missing, column.missing);
      f.columns.push(column);
    }
    this.fields = [...bySlot.values()].sort((x, y) => x.slot - y.slot);
    const single = layout.words === 1;
    this.wordSlots = Int32Array.from(single ? this.fields : [], (f) => f.slot);
    this.wordMissing = Int32Array.from(single ? this.fields : [], (f) => f.missing[0] | 0);
    this.wordStart = new Int32Array(this.wordSlots.length + 1);
    this.wordColumns = [];
    if (single) {
      this.fields.forEach((f, i) => {
        for (const c of f.columns) {
          const w = c.word();
          if (ids) w.bindIds(ids);
          this.wordColumns.push(w);
        }
        this.wordStart[i + 1] = this.wordColumns.length;
      });
    }
    this.allWord = this.active.windowed ? 0 : this.active.get("")[0] | 0;
    this.masks = new Array(1 + this.fields.reduce((n, f) => n + Math.max(1, f.columns.length), 0));
  }

  match(rec: NormRecord, asOf: string, out: Bits): void {
    const values = rec.values;
    if (out.length === 1) {
      out[0] = this.matchWord(rec, asOf);
      return;
    }
    const active = this.active.get(asOf);
    for (let i = 0; i < out.length; i++) out[i] = active[i]; // out has no summary
    for (const f of this.fields) {
      if (values[f.slot] === undefined) andInto(out, f.missing);
      else for (const c of f.columns) andInto(out, c.mask(rec));
    }
  }

  firstRow(rec: NormRecord, asOf: string): number {
    if (this.layout.words === 1) return lowestBit(this.matchWord(rec, asOf));
    // Gather the field masks, then AND them a word at a time, stopping at the first word with a
    // match: a first-match group whose winner sits early never touches the later words.
    const masks = this.masks;
    const values = rec.values;
    let n = 0;
    // Without windows every row is in effect: no mask to AND (column masks never set a bit past the last row).
    if (this.active.windowed) masks[n++] = this.active.get(asOf);
    for (const f of this.fields) {
      if (values[f.slot] === undefined) masks[n++] = f.missing;
      else for (const c of f.columns) masks[n++] = c.mask(rec);
    }
    if (n === 0) return this.layout.rows > 0 ? 0 : -1;
    // The AND of the masks' summaries names the words where every mask has rows (a superset of
    // the words of the answer): only those are ANDed, in order, until one has a match.
    const words = this.layout.words;
    const end = words + summaryWords(words);
    for (let s = words; s < end; s++) {
      let candidates = masks[0][s];
      for (let k = 1; k < n && candidates !== 0; k++) candidates &= masks[k][s];
      while (candidates !== 0) {
        const w = ((s - words) << 5) + lowestBit(candidates);
        let x = masks[0][w];
        for (let k = 1; k < n && x !== 0; k++) x &= masks[k][w];
        if (x !== 0) return w * 32 + lowestBit(x);
        candidates &= candidates - 1;
      }
    }
    return -1;
  }

  /** Up to 32 rows: one machine word, flat arrays, one column shape. */
  private matchWord(rec: NormRecord, asOf: string): number {
    let m = this.active.windowed ? this.active.get(asOf)[0] | 0 : this.allWord;
    const values = rec.values;
    const slots = this.wordSlots;
    const start = this.wordStart;
    const columns = this.wordColumns;
    for (let i = 0; i < slots.length && m !== 0; i++) {
      if (values[slots[i]] === undefined) m &= this.wordMissing[i];
      else for (let j = start[i]; j < start[i + 1]; j++) m &= columns[j].mask(rec);
    }
    return m;
  }
}

function makeColumn(family: string, c: ColumnAtoms, denseLimit: number | undefined): Column {
  switch (family) {
    case "eq":
      return new EqColumn(c, denseLimit);
    case "range":
      return new RangeColumn(c);
    case "contains":
      return new ContainsColumn(c);
    default:
      return new AffixColumn(c);
  }
}

/** The index of the lowest set bit of a 32-bit word, or -1 for 0. */
function lowestBit(x: number): number {
  return x === 0 ? -1 : 31 - Math.clz32(x & -x);
}
