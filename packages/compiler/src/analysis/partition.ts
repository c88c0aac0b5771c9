// A partition of one field's present values into classes such that every atom of the plan on
// that field is constant on each class. Built per field type (finite.ts, numeric.ts, strings.ts,
// geo.ts) and wrapped into a `Dim` (with the "missing" class) by domains.ts.
import type { Atom } from "@carve/runtime";
import type { Bits } from "./bits.js";

export interface Partition {
  /** number of classes of present values */
  readonly count: number;
  /** the set of classes where the atom holds (in/notIn/range/string tests; never set/unset) */
  atomSet(atom: Atom): Bits;
  /** a normalised value of class c */
  value(c: number): unknown;
  /** the class of a normalised value, or -1 when the value is outside the domain */
  classOf(value: unknown): number;
  /** witness preference among classes: lower first (the class of the type's default is 0) */
  rank(c: number): number;
  /** values of class c worth trying before `value(c)` in a witness (plausible-looking ones) */
  candidates?(c: number, country: string | undefined): Iterable<unknown>;
}
