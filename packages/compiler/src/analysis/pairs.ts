// Which earlier siblings can share records with each child — without comparing all pairs. A group
// of thousands of children (a flat geography × segment × vertical plan) is indexed per field:
// for each class, the bitset of the children with a box holding it, and the children with a box
// free on that field. A child's candidates are the children passing every field its box narrows
// — country, region, postal prefix and industry each cut the list — ANDed first one bit per
// 32 children, then word by word where that left something; only those are compared box by box.
// Bucketing on one field alone left every US territory comparing with every earlier US
// territory: quadratic in the largest country.
import { count, members, type Bits } from "./bits.js";
import { meets, type CBox } from "./boxes.js";
import type { Model } from "./model.js";

/** A box's set on a field with more classes than this is not worth ORing: that field is skipped
 *  (the candidates are then a superset; the exact test below decides). */
const MAX_CLASSES_ORED = 16;

const memo = new WeakMap<Model, Map<number, { earlier: number[][]; position: Map<number, number> }>>();

function groupPairs(model: Model, group: number): { earlier: number[][]; position: Map<number, number> } {
  let byGroup = memo.get(model);
  if (byGroup === undefined) memo.set(model, (byGroup = new Map()));
  let entry = byGroup.get(group);
  if (entry === undefined) {
    const children = model.plan.groups[group].territories;
    const earlier = meetingEarlier(model, children.map((t) => model.territories[t].boxes));
    byGroup.set(group, (entry = { earlier, position: new Map(children.map((t, i) => [t, i])) }));
  }
  return entry;
}

/** meetingEarlier over a group's children (by position), computed once per group: the shadow and
 *  overlap checks use it, and so does the reach of every group nested under one of them. */
export function earlierMeeting(model: Model, group: number): readonly (readonly number[])[] {
  return groupPairs(model, group).earlier;
}

/** The position of territory t among its group's children. */
export function positionIn(model: Model, group: number, t: number): number {
  return groupPairs(model, group).position.get(t)!;
}

/** For each item i: the items j < i (ascending) with some box meeting one of i's boxes. */
export function meetingEarlier(model: Model, items: readonly (readonly CBox[])[]): number[][] {
  const { space, budget } = model;
  const n = items.length;
  const words = (n + 31) >>> 5;
  const index = new ItemIndex(space.dims.map((d) => d.size), words);
  items.forEach((boxes, i) => {
    for (const b of boxes) index.add(i, b);
  });
  index.finish();
  budget.spend(index.filled >>> 5);

  const out: number[][] = [];
  const cand = new Uint32Array(words);
  const touched = new Uint8Array(words);
  const box = new Uint32Array(words);
  const top = new Uint32Array((words + 31) >>> 5);
  const live = new Int32Array(words);
  const selections = space.dims.map(() => new Map<Bits, Selection | null>());
  items.forEach((boxes, i) => {
    const upto = (i + 31) >>> 5; // words holding items < i
    const tops = (upto + 31) >>> 5;
    const hit: number[] = []; // words of `cand` set for this item
    let ops = 0;
    for (const b of boxes) {
      const fields: Selection[] = [];
      for (let f = 0; f < b.length; f++) {
        const set = b[f];
        if (set === null) continue;
        // Boxes share their class sets (the same test in many territories): select once per set.
        let sel = selections[f].get(set);
        if (sel === undefined) selections[f].set(set, (sel = count(set) > MAX_CLASSES_ORED ? null : index.select(f, set)));
        if (sel !== null) fields.push(sel);
      }
      // First the words where every field has a candidate (one bit per word: each field's sets
      // are dense somewhere — the items free on it — but their AND rarely is), then the items.
      top.fill(0xffffffff, 0, tops);
      for (const { sets } of fields) {
        for (let k = 0; k < tops; k++) {
          let u = 0;
          for (const s of sets) u |= s.words[k];
          top[k] &= u;
        }
        ops += tops * sets.length;
      }
      let nLive = 0;
      for (let k = 0; k < tops; k++) {
        let word = top[k];
        while (word !== 0) {
          const low = word & -word;
          const w = (k << 5) + (31 - Math.clz32(low));
          word ^= low;
          if (w >= upto) break;
          box[w] = 0xffffffff;
          live[nLive++] = w;
        }
      }
      for (const { sets } of fields) {
        let kept = 0;
        for (let t = 0; t < nLive; t++) {
          const w = live[t];
          let u = 0;
          for (const s of sets) u |= s.bits[w];
          const v = box[w] & u;
          box[w] = v;
          if (v !== 0) live[kept++] = w;
        }
        ops += nLive * sets.length;
        nLive = kept;
        if (nLive === 0) break;
      }
      for (let t = 0; t < nLive; t++) {
        const w = live[t];
        if (touched[w] === 0) {
          touched[w] = 1;
          cand[w] = 0;
          hit.push(w);
        }
        cand[w] |= box[w];
      }
    }
    if ((i & 31) !== 0 && touched[upto - 1] === 1) cand[upto - 1] &= (1 << (i & 31)) - 1; // only items before i
    if (boxes.length > 1) hit.sort((x, y) => x - y);
    const found: number[] = [];
    let tested = 0;
    for (const w of hit) {
      touched[w] = 0;
      let word = cand[w];
      while (word !== 0) {
        const low = word & -word;
        const j = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
        tested++;
        if (items[j].some((x) => boxes.some((y) => meets(x, y)))) found.push(j);
      }
    }
    budget.spend(1 + tested + (ops >>> 5));
    out.push(found);
  });
  return out;
}

/** A bitset of items, and one bit per word of it telling whether that word has a member. */
interface ItemSet {
  bits: Uint32Array;
  words: Uint32Array;
}

/** The sets to OR for a box's classes on field f. */
interface Selection {
  f: number;
  sets: ItemSet[];
}

/** Per field: the items with a box free on it, and per class the items with a box holding it. */
class ItemIndex {
  private readonly free: ItemSet[];
  private readonly byClass: (ItemSet | undefined)[][];
  /** bits set while indexing (work) */
  filled = 0;

  constructor(sizes: readonly number[], private readonly words: number) {
    this.free = sizes.map(() => this.emptySet());
    this.byClass = sizes.map((s) => new Array<ItemSet | undefined>(s));
  }

  private emptySet(): ItemSet {
    return { bits: new Uint32Array(this.words), words: new Uint32Array((this.words + 31) >>> 5) };
  }

  add(item: number, box: CBox): void {
    const bit = 1 << (item & 31);
    const w = item >>> 5;
    for (let f = 0; f < box.length; f++) {
      const set = box[f];
      if (set === null) {
        this.free[f].bits[w] |= bit;
        this.filled++;
        continue;
      }
      const perClass = this.byClass[f];
      for (const c of members(set)) {
        (perClass[c] ??= this.emptySet()).bits[w] |= bit;
        this.filled++;
      }
    }
  }

  /** Once every item is added: the word summaries. */
  finish(): void {
    const summarise = (s: ItemSet) => {
      for (let w = 0; w < s.bits.length; w++) if (s.bits[w] !== 0) s.words[w >>> 5] |= 1 << (w & 31);
    };
    this.free.forEach(summarise);
    for (const perClass of this.byClass) for (const s of perClass) if (s !== undefined) summarise(s);
  }

  select(f: number, set: Bits): Selection {
    const sets: ItemSet[] = [this.free[f]];
    for (const c of members(set)) {
      const s = this.byClass[f][c];
      if (s !== undefined) sets.push(s);
    }
    return { f, sets };
  }
}
