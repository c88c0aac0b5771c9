// The joint exploration: run both versions' decision procedures on the whole record space,
// splitting it wherever either version's answer differs within a box, until every box (leaf) is
// decided alike by each version. The leaves cover every valid record of the joint space, so the
// pairs found are all the ways the versions differ — or, when the budget runs out first, the
// exploration says it is incomplete and nothing is claimed about the rest.
import { count, members } from "../analysis/bits.js";
import { feasible, universe, type CBox } from "../analysis/boxes.js";
import { Budget, BudgetExceeded } from "../analysis/budget.js";
import type { Space } from "../analysis/domains.js";
import { decide, type SideModel } from "./decide.js";
import { BoxQuestion, Fork, type Item } from "./split.js";
import type { Outcome, StaticOwner } from "./types.js";

/** Boxes kept per pair for describing it; the others are only counted. */
const KEPT_BOXES = 64;

export interface PairLeaves {
  from: Outcome;
  to: Outcome;
  boxes: CBox[];
  /** leaves beyond `boxes` */
  more: number;
}

export interface Exploration {
  pairs: Map<string, PairLeaves>;
  /** per version: each distinct outcome it gives, with the first box that gets it */
  outcomes: [Map<string, { outcome: Outcome; box: CBox }>, Map<string, { outcome: Outcome; box: CBox }>];
  complete: boolean;
  reason?: string;
}

export function explore(space: Space, models: [SideModel, SideModel], budget: Budget): Exploration {
  const result: Exploration = { pairs: new Map(), outcomes: [new Map(), new Map()], complete: true };
  const start = universe(space);
  const stack: Item[] = feasible(space, start) ? [{ box: start, answers: new Uint8Array(models[1].end) }] : [];
  try {
    while (stack.length > 0) {
      const item = stack.pop()!;
      budget.spend(1);
      const q = new BoxQuestion(space, budget, item);
      try {
        const o = settle(space, item.box, decide(models[0], q));
        const n = settle(space, item.box, decide(models[1], q));
        const ko = outcomeKey(o);
        const kn = outcomeKey(n);
        if (ko !== kn) {
          // A rep-field owner equals a named rep for some records only: split on the field's value.
          const open = [...fieldOwners(o), ...fieldOwners(n)];
          if (open.length > 0 && outcomeKey(o, true) === outcomeKey(n, true)) q.single(space.byName.get(open[0])!.index);
          record(result, ko, kn, o, n, item.box);
        }
        remember(result.outcomes[0], ko, o, item.box);
        remember(result.outcomes[1], kn, n, item.box);
      } catch (e) {
        if (!(e instanceof Fork)) throw e;
        for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
      }
    }
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    result.complete = false;
    result.reason = e.limit === "work"
      ? `the comparison stopped after ${budget.maxWork} units of work with ${stack.length} parts of the record space still to compare`
      : `one comparison step needed more than ${budget.maxBoxes} boxes`;
  }
  return result;
}

function record(result: Exploration, ko: string, kn: string, from: Outcome, to: Outcome, box: CBox): void {
  const key = `${ko}\u0000${kn}`;
  let p = result.pairs.get(key);
  if (p === undefined) result.pairs.set(key, (p = { from, to, boxes: [], more: 0 }));
  if (p.boxes.length < KEPT_BOXES) p.boxes.push(box);
  else p.more++;
}

function remember(map: Map<string, { outcome: Outcome; box: CBox }>, key: string, outcome: Outcome, box: CBox): void {
  if (!map.has(key)) map.set(key, { outcome, box });
}

/** A rep-field owner whose field has one class in the box is that rep. */
function settle(space: Space, box: CBox, o: Outcome): Outcome {
  const fix = (w: StaticOwner | undefined): StaticOwner | undefined => {
    if (w?.kind !== "field") return w;
    const set = box[space.byName.get(w.id)!.index];
    if (set === null || count(set) !== 1) return w;
    return { kind: "rep", id: String(space.byName.get(w.id)!.partition.value(members(set)[0])) };
  };
  const out: Outcome = { ...o, overlays: o.overlays.map((x) => (x.owner === undefined ? x : { ...x, owner: fix(x.owner) })) };
  if (o.owner !== undefined) out.owner = fix(o.owner);
  return out;
}

function fieldOwners(o: Outcome): string[] {
  return [o.owner, ...o.overlays.map((x) => x.owner)].filter((w) => w?.kind === "field").map((w) => w!.id);
}

/** A canonical key; `wild`: every rep-field owner and every rep compare equal to each other. */
export function outcomeKey(o: Outcome, wild = false): string {
  const owner = (w: StaticOwner | undefined) =>
    w === undefined ? null : wild && (w.kind === "field" || w.kind === "rep") ? "*" : [w.kind, w.id, w.roster ?? null];
  return JSON.stringify([o.status, o.territory ?? null, owner(o.owner), o.via ?? null, o.overlays.map((x) => [x.territory, owner(x.owner)])]);
}
