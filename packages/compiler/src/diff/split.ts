// Answering a decision procedure's questions on a box of records: either every record of the box
// satisfies the condition, or none does, or the box is split into disjoint parts that each answer
// one way (Fork). Parts are exact — built with the analysis's subtraction — and hold at least one
// valid record, so every leaf of the exploration is a non-empty set of records decided alike.
import { bitsOf, has } from "../analysis/bits.js";
import { contains, feasible, intersect, meets, type CBox } from "../analysis/boxes.js";
import type { Budget } from "../analysis/budget.js";
import type { Space } from "../analysis/domains.js";
import { subtract } from "../analysis/subtract.js";
import type { Question } from "./decide.js";

/** Answers by question id: unknown, true, false. */
const UNKNOWN = 0;
const TRUE = 1;
const FALSE = 2;

/** A box and the answers known for all its records (a part inherits its parent's answers). */
export interface Item {
  box: CBox;
  answers: Uint8Array;
}

/** Thrown by a question that splits the box: explore the children instead. */
export class Fork {
  constructor(readonly children: Item[]) {}
}

export class BoxQuestion implements Question {
  constructor(
    private readonly space: Space,
    private readonly budget: Budget,
    private readonly item: Item,
  ) {}

  holds(id: number, cond: readonly CBox[]): boolean {
    const known = this.item.answers[id];
    if (known !== UNKNOWN) return known === TRUE;
    const { box, answers } = this.item;
    const covers = cond.filter((c) => meets(box, c));
    this.budget.spend(1 + covers.length * this.space.dims.length);
    let answer: boolean | undefined;
    const inside: CBox[] = [];
    let outside: CBox[] = [];
    if (covers.length === 0) answer = false;
    else if (covers.some((c) => contains(c, box))) answer = true;
    else {
      outside = subtract(this.space, box, covers, this.budget);
      if (outside.length === 0) answer = true;
      else {
        // The records inside, as disjoint parts: each cover minus the covers before it.
        covers.forEach((c, i) => {
          const z = intersect(box, c);
          if (z !== null) inside.push(...subtract(this.space, z, covers.slice(0, i), this.budget));
        });
        if (inside.length === 0) answer = false;
      }
    }
    if (answer !== undefined) {
      answers[id] = answer ? TRUE : FALSE;
      return answer;
    }
    const child = (b: CBox, a: boolean): Item => {
      const known = answers.slice();
      known[id] = a ? TRUE : FALSE;
      return { box: b, answers: known };
    };
    throw new Fork([...inside.map((b) => child(b, true)), ...outside.map((b) => child(b, false))]);
  }

  /** The box's single class on dimension d, splitting the box per class when it has several. */
  single(d: number): number {
    const dim = this.space.dims[d];
    const set = this.item.box[d];
    const classes = set === null ? [...dim.order] : dim.order.filter((c) => has(set, c));
    if (classes.length === 1) return classes[0];
    this.budget.spend(classes.length);
    const children: Item[] = [];
    for (const c of classes) {
      const box = this.item.box.map((s, i) => (i === d ? bitsOf(dim.size, [c]) : s));
      if (feasible(this.space, box)) children.push({ box, answers: this.item.answers.slice() });
    }
    throw new Fork(children);
  }
}
