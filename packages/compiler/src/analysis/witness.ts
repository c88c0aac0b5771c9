// Witness records: one valid, normalised record inside a box, that a user can paste into a test.
// Every field the box leaves free gets a plausible default (the first enum value, US, US-CA, 0,
// 2027-01-01, "x", 10001, example.com); optional fields appear only when the box requires a
// value. Same box → same witness.
import type { FieldSchema } from "@carve/runtime";
import { normalizeValue } from "@carve/values";
import { bitsOf, members, type Bits } from "./bits.js";
import { allowedCountries, type CBox } from "./boxes.js";
import type { Dim, Space } from "./domains.js";
import type { Witness } from "./types.js";

/** The chosen class of every field (missing classes included). */
export function pointOf(space: Space, box: CBox): number[] {
  const classes = space.dims.map(() => -1);
  const countryOfRegion = new Map<number, number>(); // region dim → chosen class of its country
  for (const coupling of space.couplings) {
    const allowed = allowedCountries(space, box, coupling);
    const k = best(coupling.country, allowed, () => true);
    classes[coupling.country.index] = k;
    if (k !== coupling.country.missing) for (const r of coupling.regions) countryOfRegion.set(r.index, k);
  }
  for (const dim of space.dims) {
    if (classes[dim.index] >= 0) continue;
    const k = countryOfRegion.get(dim.index);
    classes[dim.index] = best(dim, box[dim.index], (c) => k === undefined || c === dim.missing || dim.countryOf![c] === k);
  }
  return classes;
}

/** The first class of `dim.order` in `set` (null: any) that passes `ok` (-1 if none). */
function best(dim: Dim, set: Bits | null, ok: (c: number) => boolean): number {
  if (set === null) return dim.order.find(ok) ?? -1;
  // A box usually holds a few classes: pick by position rather than walk all of `order`.
  let found = -1;
  for (const c of members(set)) if ((found < 0 || dim.position[c] < dim.position[found]) && ok(c)) found = c;
  return found;
}

/** The witness's point as a box of single classes (so `contains(box, point)` tests membership). */
export function pointBox(space: Space, box: CBox): CBox {
  return pointOf(space, box).map((c, i) => bitsOf(space.dims[i].size, [c]));
}

export function witnessOf(space: Space, box: CBox): Witness {
  const classes = pointOf(space, box);
  // Regions and postal codes are read against their country field: choose countries first.
  const values: unknown[] = space.dims.map(() => undefined);
  for (const dim of space.dims) if (dim.field.type === "country") values[dim.index] = valueOf(dim, classes[dim.index], undefined);
  for (const dim of space.dims) {
    if (dim.field.type === "country") continue;
    const country = dim.context >= 0 ? (values[dim.context] as string | undefined) : undefined;
    values[dim.index] = valueOf(dim, classes[dim.index], country);
  }
  const record: Witness = {};
  space.dims.forEach((dim, i) => {
    if (values[i] !== undefined) record[dim.field.name] = values[i];
  });
  return record;
}

function valueOf(dim: Dim, c: number, country: string | undefined): unknown {
  if (c === dim.missing) return undefined;
  const p = dim.partition;
  let tried = 0;
  for (const cand of p.candidates?.(c, country) ?? textCandidates(dim.field, p.value(c), country)) {
    if (++tried > 60) break;
    if (p.classOf(cand) === c && normalisesTo(dim.field, cand, country)) return cand;
  }
  return p.value(c);
}

/** For string-tested text fields: the default, then the class representative dressed up. */
function* textCandidates(field: FieldSchema, rep: unknown, country: string | undefined): Generator<unknown> {
  const s = String(rep);
  if (field.type === "postal") {
    yield postalDefault(country);
    if (/^\d+$/.test(s) && s.length < 5) {
      yield s.padEnd(5, "0");
      yield s.padEnd(5, "1");
    }
  } else if (field.type === "domain") {
    yield "example.com";
    yield `${s}.com`;
    yield `example${s}`;
    yield `x${s}`;
    yield `x${s}.com`;
  } else yield "x";
  yield s;
}

function postalDefault(country: string | undefined): string {
  return country === "CA" ? "K1A 0B1" : country === "GB" ? "SW1A 1AA" : "10001";
}

function normalisesTo(field: FieldSchema, value: unknown, country: string | undefined): boolean {
  if (field.type === "rep") return true; // rep ids resolve against the roster, not a normaliser
  const r = normalizeValue(field.type, value, { country, enumValues: field.enumValues });
  return r.ok && r.value === value;
}
