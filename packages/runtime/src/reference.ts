// The reference matcher: every row, atom by atom, exactly as SPEC 2.4 reads. Slow and obvious on
// purpose: tests check the indexed matcher against it, and explanations are built from it.
import { testBox } from "./atoms.js";
import { type Bits, hasBit, setBit } from "./bitset.js";
import type { NormRecord } from "./normalize-record.js";
import { ActiveRows, type Matcher, type TableLayout } from "./table.js";

export class ReferenceMatcher implements Matcher {
  private readonly active: ActiveRows;

  constructor(readonly layout: TableLayout) {
    this.active = new ActiveRows(layout);
  }

  match(rec: NormRecord, asOf: string, out: Bits): void {
    const active = this.active.get(asOf);
    out.fill(0);
    for (let r = 0; r < this.layout.rows; r++) {
      if (hasBit(active, r) && testBox(this.layout.rowBox[r], rec)) setBit(out, r);
    }
  }

  firstRow(rec: NormRecord, asOf: string): number {
    const active = this.active.get(asOf);
    for (let r = 0; r < this.layout.rows; r++) if (hasBit(active, r) && testBox(this.layout.rowBox[r], rec)) return r;
    return -1;
  }
}
