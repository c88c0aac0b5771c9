// Small integer ids for the values equality tests list, per field. A record's value gets its id
// once, with its normalisation (normalize-record.ts caches it with the value); every equality
// column then reads its rows from an array by that id instead of looking the value up itself.
import type { TableLayout } from "./table.js";

export class ValueIds {
  /** per slot: listed value (comparison form) → id ≥ 1; undefined: no equality test lists values */
  private readonly bySlot: (Map<unknown, number> | undefined)[];

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
  }

  /** Some equality test lists values of `slot`: records get ids for it. */
  has(slot: number): boolean {
    return this.bySlot[slot] !== undefined;
  }

  /** ids in use for `slot`, 0 (any value not listed) included */
  size(slot: number): number {
    return (this.bySlot[slot]?.size ?? 0) + 1;
  }

  /** The id of a comparison value: 0 when no test lists it. */
  id(slot: number, cmp: unknown): number {
    return this.bySlot[slot]?.get(cmp) ?? 0;
  }
}
