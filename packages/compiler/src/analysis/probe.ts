// "Does some valid record of A lie outside every cover?" — for the checks that need only the
// answer (shadowing, reachability, shadowed overrides). Most children of a large group keep some
// of their records (a shadowed child is the exception), and such a record is usually found by a
// short greedy walk: take A's witness point; while a cover holds it, narrow A to the part outside
// that cover on one field and take the new part's point. Each step leaves a cover behind for good,
// so the walk is short; a point it ends on is a valid record of A outside every cover, so a "yes"
// is exact. When the walk gets stuck the full sweep (subtract.ts) decides. At 10,000 territories
// the walk answered all but a few of the 10,000 questions, each in a few cover comparisons instead
// of a sweep allocating boxes at every split.
import { andNot, has, isEmpty } from "./bits.js";
import type { Budget } from "./budget.js";
import { feasible, setOf, type CBox } from "./boxes.js";
import type { Space } from "./domains.js";
import { findUncovered } from "./subtract.js";
import { pointOf } from "./witness.js";

/** Steps of the walk before the sweep takes over. */
const MAX_STEPS = 24;

export function hasUncovered(space: Space, a: CBox, covers: readonly CBox[], budget: Budget): boolean {
  return walk(space, a, covers, budget) || findUncovered(space, a, covers, budget) !== null;
}

function walk(space: Space, a: CBox, covers: readonly CBox[], budget: Budget): boolean {
  if (!feasible(space, a)) return false;
  const box = [...a];
  let point = pointOf(space, box);
  for (let step = 0; step < MAX_STEPS; step++) {
    budget.spend(1 + covers.length);
    const c = covers.find((cover) => holdsPoint(cover, point));
    if (c === undefined) return true;
    // Leave c on the first field where the box has classes outside it (and a valid record there).
    let moved = false;
    for (let i = 0; i < box.length && !moved; i++) {
      const set = c[i];
      if (set === null) continue;
      const rest = andNot(setOf(space, box, i), set);
      if (isEmpty(rest)) continue;
      const before = box[i];
      box[i] = rest;
      if (feasible(space, box)) moved = true;
      else box[i] = before;
    }
    if (!moved) return false;
    point = pointOf(space, box);
  }
  return false;
}

function holdsPoint(box: CBox, point: readonly number[]): boolean {
  for (let i = 0; i < box.length; i++) {
    const set = box[i];
    if (set !== null && !has(set, point[i])) return false;
  }
  return true;
}
