// Which earlier siblings can share records with each child — without comparing all pairs. Children
// are bucketed by their classes on the field most of them restrict (typically geography); only
// children sharing a bucket, or leaving that field free, are compared box by box.
import { members } from "./bits.js";
import { meets, type CBox } from "./boxes.js";
import type { Model } from "./model.js";

/** For each item i: the items j < i (ascending) with some box meeting one of i's boxes. */
export function meetingEarlier(model: Model, items: readonly (readonly CBox[])[]): number[][] {
  const { space, budget } = model;
  const dims = space.dims.length;
  const narrow = new Int32Array(dims);
  for (const boxes of items) for (const b of boxes) for (let i = 0; i < dims; i++) if (b[i] !== null) narrow[i]++;
  let d = 0;
  for (let i = 1; i < dims; i++) if (narrow[i] > narrow[d]) d = i;
  const indexed = dims > 0 && narrow[d] > 0;

  const buckets = new Map<number, number[]>();
  const wide: number[] = []; // items with some box free on field d
  const stamp = new Int32Array(items.length).fill(-1);
  const out: number[][] = [];
  items.forEach((boxes, i) => {
    const isWide = !indexed || boxes.some((b) => b[d] === null);
    let candidates: number[];
    if (isWide) candidates = [...Array(i).keys()];
    else {
      candidates = [];
      const take = (j: number) => {
        if (stamp[j] !== i) {
          stamp[j] = i;
          candidates.push(j);
        }
      };
      wide.forEach(take);
      for (const b of boxes) for (const c of members(b[d]!)) buckets.get(c)?.forEach(take);
      candidates.sort((x, y) => x - y);
    }
    budget.spend(1 + candidates.length);
    out.push(candidates.filter((j) => items[j].some((x) => boxes.some((y) => meets(x, y)))));
    if (isWide) wide.push(i);
    else {
      for (const b of boxes) {
        for (const c of members(b[d]!)) {
          let list = buckets.get(c);
          if (list === undefined) buckets.set(c, (list = []));
          if (list[list.length - 1] !== i) list.push(i);
        }
      }
    }
  });
  return out;
}
