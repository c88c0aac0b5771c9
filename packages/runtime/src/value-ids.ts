// Small integer ids for the values equality tests list, per field. A record's value gets its id
// once (one lookup per field); every equality column of a small table then reads its rows from an
// array by that id instead of looking the value up in its own map.
import type { NormRecord } from "./normalize-record.js";
import type { TableLayout } from "./table.js";

export class ValueIds {
  /** per slot: listed value (comparison form) → id ≥ 1; undefined: no equality test lists values */
  private readonly bySlot: (Map<unknown, number> | undefined)[];
  /** the slots that have ids */
  readonly slots: Int32Array;

  constructor(fields: number, layouts: readonly TableLayout[]) {
    this.bySlot = new Array(fields).fill(undefined);
    for (const l of layouts) {
      for (const box of l.rowBox) {
        for (const a of box) {
          if (a.kind !== "eq") continue;
          const m = (this.bySlot[a.slot] ??= new Map());
          for (const v of a.set) if (!m.has(v)) m.set(v, m.size + 1);
        }
      }
    }
    this.slots = Int32Array.from(this.bySlot.flatMap((m, s) => (m ? [s] : [])));
  }

  /** ids in use for `slot`, 0 (any value not listed) included */
  size(slot: number): number {
    return (this.bySlot[slot]?.size ?? 0) + 1;
  }

  /** The id of a comparison value: 0 when no test lists it. */
  id(slot: number, cmp: unknown): number {
    return this.bySlot[slot]?.get(cmp) ?? 0;
  }

  /** Sets rec.ids for every slot with ids (a missing value gets 0; matchers test missing first). */
  fill(rec: NormRecord): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      rec.ids[s] = rec.values[s] === undefined ? 0 : (this.bySlot[s]!.get(rec.cmp[s]) ?? 0);
    }
  }
}
