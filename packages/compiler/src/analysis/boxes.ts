// Boxes: products of per-field class sets (`null` = every class of that field). A condition in
// DNF is a list of boxes. Emptiness of a product is per-field emptiness; a box is *feasible* when
// it also holds a valid record, i.e. some country class is compatible with every region class
// set (geo.ts).
import type { Box as IrBox } from "@carve/runtime";
import { and, emptyBits, equals, has, intersects as bitsIntersect, isEmpty, isSubset, members, setBit, type Bits } from "./bits.js";
import type { Coupling, Space } from "./domains.js";

/** Invariant: a set holding every class of its field is `null`, never a full bitset. */
export type CBox = readonly (Bits | null)[];

export function universe(space: Space): CBox {
  return space.dims.map(() => null);
}

/** The box of an IR conjunction, or null when some field's class set is empty. */
export function boxOf(space: Space, box: IrBox): CBox | null {
  const out: (Bits | null)[] = space.dims.map(() => null);
  for (const { atom } of box.atoms) {
    const dim = space.byName.get(atom.field)!;
    const set = dim.atomSet(atom);
    const cur = out[dim.index];
    const next = cur === null ? set : and(cur, set);
    if (isEmpty(next)) return null;
    out[dim.index] = next;
  }
  // A set holding every class is stored as null, so `null` is the only spelling of "any value".
  for (let i = 0; i < out.length; i++) {
    const set = out[i];
    if (set !== null && equals(set, space.dims[i].full)) out[i] = null;
  }
  return out;
}

export function intersect(a: CBox, b: CBox): CBox | null {
  const out: (Bits | null)[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null) out[i] = y;
    else if (y === null) out[i] = x;
    else {
      const r = and(x, y);
      if (isEmpty(r)) return null;
      out[i] = r;
    }
  }
  return out;
}

/** The products meet (ignoring feasibility). */
export function meets(a: CBox, b: CBox): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== null && y !== null && !bitsIntersect(x, y)) return false;
  }
  return true;
}

/** outer ⊇ inner on field i */
export function containsOn(outer: Bits | null, inner: Bits | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false; // full sets are always stored as null (boxOf), so outer is strictly smaller
  return isSubset(inner, outer);
}

export function contains(outer: CBox, inner: CBox): boolean {
  for (let i = 0; i < outer.length; i++) if (!containsOn(outer[i], inner[i])) return false;
  return true;
}

/** Some box of the union holds the point (a box of single classes). */
export function inUnion(boxes: readonly CBox[], point: CBox): boolean {
  return boxes.some((b) => contains(b, point));
}

export function setOf(space: Space, box: CBox, i: number): Bits {
  return box[i] ?? space.dims[i].full;
}

/**
 * The country classes a record of this box may have in the coupling's country field, given its
 * region class sets: a region must lie in the record's country (or the country is missing).
 */
export function allowedCountries(space: Space, box: CBox, coupling: Coupling): Bits {
  const country = coupling.country;
  let allowed = setOf(space, box, country.index);
  for (const region of coupling.regions) {
    const set = box[region.index];
    if (set === null || (region.missing >= 0 && has(set, region.missing))) continue; // no region: no constraint
    const compatible = emptyBits(country.size);
    if (country.missing >= 0) setBit(compatible, country.missing); // without a country any region is valid
    for (const c of members(set)) {
      const k = region.countryOf![c];
      if (k >= 0) setBit(compatible, k);
    }
    allowed = and(allowed, compatible);
  }
  return allowed;
}

/** The box holds at least one valid record. */
export function feasible(space: Space, box: CBox): boolean {
  for (const set of box) if (set !== null && isEmpty(set)) return false;
  for (const coupling of space.couplings) if (isEmpty(allowedCountries(space, box, coupling))) return false;
  return true;
}
