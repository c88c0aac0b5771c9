// Subtraction: A minus the union of boxes, as disjoint boxes — the core of gap, shadow and overlap
// checks. It splits A one field at a time (the sweep of Calvanese et al., "Semantics and Analysis
// of DMN Decision Tables"): on the chosen field, A's classes are grouped by the covers that hold
// them, and each group is explored with only those covers (plus the ones not restricted on that
// field). A part no cover meets is uncovered — if it holds a valid record. Covers that meet a part
// keep meeting its sub-parts, so no cover is ever re-tested for intersection.
import { bitsOf, has, members } from "./bits.js";
import { Budget, BudgetExceeded } from "./budget.js";
import { containsOn, feasible, meets, setOf, type CBox } from "./boxes.js";
import type { Space } from "./domains.js";

interface Node {
  box: CBox;
  /** indexes of the covers meeting `box`, ascending */
  covers: number[];
}

/** Disjoint boxes whose valid records are exactly those of `a` outside every cover. */
export function subtract(space: Space, a: CBox, covers: readonly CBox[], budget: Budget): CBox[] {
  return run(space, a, covers, budget, false);
}

/** One box of `a` minus the covers, or null when the covers hold every valid record of `a`. */
export function findUncovered(space: Space, a: CBox, covers: readonly CBox[], budget: Budget): CBox | null {
  return run(space, a, covers, budget, true)[0] ?? null;
}

function run(space: Space, a: CBox, covers: readonly CBox[], budget: Budget, first: boolean): CBox[] {
  const dims = space.dims.length;
  const out: CBox[] = [];
  const start: number[] = [];
  for (let j = 0; j < covers.length; j++) if (meets(a, covers[j])) start.push(j);
  budget.spend(covers.length * dims);
  const stack: Node[] = [{ box: a, covers: start }];
  let visited = 0;
  const restricted = new Int32Array(dims);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++visited > budget.maxBoxes) throw new BudgetExceeded("boxes");
    budget.spend(1 + node.covers.length * dims); // each cover is compared field by field
    const { box } = node;
    if (node.covers.length === 0) {
      if (feasible(space, box)) {
        out.push(box);
        if (first) return out;
      }
      continue;
    }
    // Is the box inside one cover? Else count, per field, the covers narrower than the box.
    restricted.fill(0);
    let covered = false;
    for (const j of node.covers) {
      const c = covers[j];
      let narrower = false;
      for (let i = 0; i < dims; i++) {
        if (!containsOn(c[i], box[i])) {
          restricted[i]++;
          narrower = true;
        }
      }
      if (!narrower) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    let d = 0;
    for (let i = 1; i < dims; i++) if (restricted[i] > restricted[d]) d = i;
    for (const child of split(space, node, d, covers).reverse()) stack.push(child);
  }
  return out;
}

/** Splits the box on field d into parts whose classes are held by the same covers. */
function split(space: Space, node: Node, d: number, covers: readonly CBox[]): Node[] {
  const dim = space.dims[d];
  const mine = node.box[d];
  // The box's classes in witness preference order, so that parts come out ordered by their best
  // class. Sorting the few classes a narrow box holds beats walking all of `order` (a postal
  // field has hundreds of prefix classes).
  const classes = mine === null ? dim.order : members(mine).sort((x, y) => dim.position[x] - dim.position[y]);
  const wide: number[] = [];
  const narrow: number[] = [];
  for (const j of node.covers) (containsOn(covers[j][d], mine) ? wide : narrow).push(j);
  // Partition refinement: each narrow cover moves the classes it holds out of their part into a
  // new one. Only the classes a cover holds are touched (a postal prefix test holds a handful of
  // hundreds of classes); a class's final part is the set of narrow covers holding it.
  const part = new Int32Array(dim.size);
  let parts = 1;
  for (const j of narrow) {
    const moved = new Map<number, number>();
    for (const c of members(covers[j][d]!)) {
      if (mine !== null && !has(mine, c)) continue;
      const from = part[c];
      let to = moved.get(from);
      if (to === undefined) moved.set(from, (to = parts++));
      part[c] = to;
    }
  }
  // Parts numbered by their best class.
  const rank = new Int32Array(parts).fill(-1);
  let count = 0;
  for (const c of classes) if (rank[part[c]] < 0) rank[part[c]] = count++;
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (const c of classes) groups[rank[part[c]]].push(c);
  return groups.map((cs) => ({
    box: node.box.map((s, i) => (i === d ? bitsOf(dim.size, cs) : s)),
    covers: mergeSorted(wide, narrow.filter((j) => has(covers[j][d]!, cs[0]))),
  }));
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
