// A rule table: the items of one territory group (or the overrides) in priority order, one row per
// box of each item's `when`. A matcher fills a row bitset for a record; the first matching item is
// the item of the lowest set row. The indexed and the reference matchers share this layout, so
// their results can be compared bit for bit.
import type { Window } from "./artifact-types.js";
import type { CBox } from "./atoms.js";
import { type Bits, fullBits, nextSetBit, setBit, withSummary, wordsFor } from "./bitset.js";
import { inWindow } from "./dates.js";
import type { NormRecord } from "./normalize-record.js";

export interface TableItem {
  when: readonly CBox[];
  window?: Window;
}

export interface TableLayout {
  readonly items: readonly TableItem[];
  readonly rows: number;
  readonly words: number;
  /** row → item */
  readonly rowItem: Int32Array;
  /** item → its first row; entry items.length = rows */
  readonly itemFirstRow: Int32Array;
  /** row → its box */
  readonly rowBox: readonly CBox[];
}

export function layoutTable(items: readonly TableItem[]): TableLayout {
  const rowItem: number[] = [];
  const rowBox: CBox[] = [];
  const itemFirstRow = new Int32Array(items.length + 1);
  items.forEach((item, i) => {
    itemFirstRow[i] = rowItem.length;
    for (const box of item.when) {
      rowItem.push(i);
      rowBox.push(box);
    }
  });
  itemFirstRow[items.length] = rowItem.length;
  return { items, rows: rowItem.length, words: wordsFor(rowItem.length), rowItem: Int32Array.from(rowItem), itemFirstRow, rowBox };
}

/** Fills `out` with the rows that match `rec` and are in effect on `asOf`. */
export interface Matcher {
  readonly layout: TableLayout;
  match(rec: NormRecord, asOf: string, out: Bits): void;
  /**
   * The lowest row that matches `rec` and is in effect, or -1. What a `first` group needs: a
   * matcher may stop at the first word with a set bit. `out` is scratch of `layout.words` words.
   */
  firstRow(rec: NormRecord, asOf: string, out: Bits): number;
}

/** The rows whose item's window contains `asOf` (with a summary: bitset.ts), cached for the last date asked. */
export class ActiveRows {
  private readonly all: Bits;
  /** some item has a window: the rows in effect depend on the date */
  readonly windowed: boolean;
  private asOf = "";
  private bits: Bits;

  constructor(private readonly layout: TableLayout) {
    this.all = withSummary(fullBits(layout.rows, layout.words), layout.words);
    this.windowed = layout.items.some((it) => it.window !== undefined);
    this.bits = this.all;
  }

  get(asOf: string): Bits {
    if (!this.windowed) return this.all;
    if (asOf !== this.asOf) {
      const b = new Uint32Array(this.layout.words);
      this.layout.items.forEach((it, i) => {
        if (!inWindow(it.window, asOf)) return;
        for (let r = this.layout.itemFirstRow[i]; r < this.layout.itemFirstRow[i + 1]; r++) setBit(b, r);
      });
      this.bits = withSummary(b, this.layout.words);
      this.asOf = asOf;
    }
    return this.bits;
  }
}

/** The first item after `after` (-1: from the start) with a set row in `rows`, or -1. */
export function nextItem(layout: TableLayout, rows: Bits, after: number): number {
  if (after + 1 >= layout.items.length) return -1;
  const r = nextSetBit(rows, layout.itemFirstRow[after + 1]);
  return r < 0 ? -1 : layout.rowItem[r];
}
