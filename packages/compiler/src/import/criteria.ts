// A set of Salesforce criteria (a territory rule, an assignment rule entry, or a formula read as
// criteria) translated as a whole: the filter logic becomes and/or/not, a `greaterOrEqual` and a
// `lessOrEqual` on one field under the same AND become one range, and the countries pinned by
// the enclosing ANDs are passed down, as the Carve checker pins them (docs/language.md §4.8).
import { and, not, or, type Cond } from "./cond.js";
import type { Filter } from "./boolean-filter.js";
import { LOWER_BOUNDS, UPPER_BOUNDS, pinCodes, translateItem, translateRange, type Item, type Target, type Translation } from "./translate-item.js";

export interface Criteria {
  items: Item[];
  filter: Filter;
}

export interface Failure {
  item: Item;
  reason: string;
}

/** How each item's field is mapped, and which country field gives a region or postal field its context. */
export interface FieldMapping {
  target(item: Item): Target;
  countryFieldOf(target: Target): string | undefined;
}

export interface CriteriaResult {
  /** the condition, when every item it uses was translated */
  cond?: Cond;
  failures: Failure[];
}

type Pins = ReadonlyMap<string, ReadonlySet<string>>;

export function translateCriteria(c: Criteria, fields: FieldMapping): CriteriaResult {
  const failures: Failure[] = [];
  const pinsFor = (t: Target, pins: Pins) => {
    const cf = fields.countryFieldOf(t);
    return cf === undefined ? undefined : pins.get(cf);
  };
  const use = (r: Translation, items: Item[]): Cond | undefined => {
    if (r.ok) return r.cond;
    for (const item of items) failures.push({ item, reason: r.reason });
    return undefined;
  };

  const walk = (f: Filter, pins: Pins): Cond | undefined => {
    switch (f.kind) {
      case "item": {
        const item = c.items[f.index];
        const t = fields.target(item);
        return use(translateItem(item, t, pinsFor(t, pins)), [item]);
      }
      case "not": {
        const inner = walk(f.item, pins);
        return inner && not(inner);
      }
      case "or": {
        const parts = f.items.map((x) => walk(x, pins));
        return parts.every((p) => p !== undefined) ? or(parts as Cond[]) : undefined;
      }
      case "and": {
        const inner = andPins(f.items, pins);
        const parts: (Cond | undefined)[] = [];
        const paired = pairBounds(f.items);
        for (const [i, x] of f.items.entries()) {
          const pair = paired.get(i);
          if (pair === null) continue; // the upper half of a pair, translated with its lower half
          if (pair !== undefined) {
            const [lo, hi] = [itemAt(f.items[i]), itemAt(f.items[pair])];
            const t = fields.target(lo);
            parts.push(use(translateRange(lo, hi, t, pinsFor(t, inner)), [lo, hi]));
          } else parts.push(walk(x, inner));
        }
        return parts.every((p) => p !== undefined) ? and(parts as Cond[]) : undefined;
      }
    }
  };

  /** Pins after an AND: the inherited ones narrowed by each positive country test among its items. */
  const andPins = (items: Filter[], pins: Pins): Pins => {
    let out: Map<string, ReadonlySet<string>> | undefined;
    for (const x of items) {
      if (x.kind !== "item") continue;
      const item = c.items[x.index];
      const t = fields.target(item);
      const codes = pinCodes(item, t);
      if (!codes) continue;
      out ??= new Map(pins);
      const before = out.get(t.name);
      out.set(t.name, before ? new Set([...before].filter((code) => codes.has(code))) : codes);
    }
    return out ?? pins;
  };

  /** Index of a lower bound → index of the upper bound on the same field it pairs with (null: the upper one). */
  const pairBounds = (items: Filter[]): Map<number, number | null> => {
    const out = new Map<number, number | null>();
    const open = new Map<string, number>();
    for (const [i, x] of items.entries()) {
      if (x.kind !== "item" || !LOWER_BOUNDS.has(c.items[x.index].op)) continue;
      const name = fields.target(c.items[x.index]).name;
      if (!open.has(name)) open.set(name, i);
    }
    for (const [i, x] of items.entries()) {
      if (x.kind !== "item" || !UPPER_BOUNDS.has(c.items[x.index].op)) continue;
      const name = fields.target(c.items[x.index]).name;
      const lo = open.get(name);
      if (lo === undefined) continue;
      open.delete(name);
      out.set(lo, i);
      out.set(i, null);
    }
    return out;
  };

  const itemAt = (x: Filter): Item => c.items[(x as { index: number }).index];
  const cond = walk(c.filter, new Map());
  return failures.length === 0 ? { cond, failures } : { failures };
}
