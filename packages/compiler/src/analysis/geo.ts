// Countries and regions. A region value must lie in the record's country (the region field's
// `countryField`): "US-CA" with country FR is an invalid record, not a Californian one. So region
// classes are split per country class — each mentioned region, "another region of country k" for
// each mentioned country k, and "a region of another country" — and each region class knows its
// country class. boxes.ts uses that link to test feasibility, witness.ts to pick coherent values.
import type { Atom } from "@carve/runtime";
import { isCountryCode, listCountries, listRegions, regionName } from "@carve/values";
import { bitsOf, fullBits, type Bits } from "./bits.js";
import { compareScalars, declaredPartition, mentionedValues, openPartition } from "./finite.js";
import { hasTextTests } from "./strings.js";
import type { Partition } from "./partition.js";

const DEFAULT_COUNTRY = "US";
const DEFAULT_REGION = "US-CA";

let countryOrder: string[] | undefined;

/** Countries in witness preference order: US, then those with regions, then the others. */
function preferredCountries(): string[] {
  if (countryOrder === undefined) {
    const all = listCountries().map((c) => c.code);
    const withRegions = all.filter((c) => c !== DEFAULT_COUNTRY && listRegions(c).length > 0);
    const without = all.filter((c) => c !== DEFAULT_COUNTRY && listRegions(c).length === 0);
    countryOrder = [DEFAULT_COUNTRY, ...withRegions, ...without];
  }
  return countryOrder;
}

/** `extra`: countries the plan names indirectly (the countries of mentioned regions). */
export function countryPartition(atoms: readonly Atom[], extra: readonly string[]): Partition {
  if (hasTextTests(atoms)) return declaredPartition("country", preferredCountries(), atoms, true);
  const all = extra.length > 0 ? [...atoms, { field: "", op: "in", values: [...extra] } as Atom] : atoms;
  return openPartition("country", all, preferredCountries(), (v) => typeof v === "string" && isCountryCode(v), DEFAULT_COUNTRY);
}

export function regionsOf(atoms: readonly Atom[]): string[] {
  return mentionedValues(atoms).filter((v): v is string => typeof v === "string");
}

export function countryOfRegion(code: string): string {
  return code.slice(0, 2);
}

/** A region partition with no country to read it against. */
export function plainRegionPartition(atoms: readonly Atom[]): Partition {
  const all = function* () {
    yield DEFAULT_REGION;
    for (const r of listRegions()) yield r.code;
  };
  return openPartition("region", atoms, all(), isRegion, DEFAULT_REGION);
}

/** A region code as normalisation gives it (upper case, a known subdivision); regionName gives its name. */
function isRegion(v: unknown): boolean {
  return typeof v === "string" && v === v.trim().toUpperCase() && regionName(v) !== undefined;
}

export interface CoupledRegions {
  partition: Partition;
  /** region class → country class */
  countryOf: Int32Array;
}

export function coupledRegionPartition(atoms: readonly Atom[], countries: Partition): CoupledRegions {
  const own = regionsOf(atoms).sort(compareScalars);
  const index = new Map<string, number>(own.map((v, i) => [v, i]));
  const values: string[] = [...own];
  const countryOf: number[] = own.map((r) => countries.classOf(countryOfRegion(r)));
  const otherOf = new Map<number, number>(); // country class → its "other region" class
  for (let k = 0; k < countries.count; k++) {
    const country = countries.value(k) as string;
    // For the "any other country" class this is "a region of another country": every region of
    // an unmentioned country is itself unmentioned (mentioned regions make their country mentioned).
    const unmentioned = listRegions(country).map((r) => r.code).filter((r) => !index.has(r));
    if (unmentioned.length === 0) continue;
    otherOf.set(k, values.length);
    values.push(unmentioned.includes(DEFAULT_REGION) ? DEFAULT_REGION : unmentioned[0]);
    countryOf.push(k);
  }
  const classes = values.length;
  const unmentionedIn = (country: string) => listRegions(country).map((r) => r.code).filter((r) => !index.has(r));
  const partition: Partition = {
    count: classes,
    value: (c) => values[c],
    classOf(v) {
      if (typeof v !== "string") return -1;
      const own = index.get(v);
      if (own !== undefined) return own;
      if (!isRegion(v)) return -1;
      return otherOf.get(countries.classOf(countryOfRegion(v))) ?? -1;
    },
    rank: (c) => (values[c] === DEFAULT_REGION ? 0 : 1 + c),
    candidates(c, country) {
      if (c < own.length) return [values[c]];
      // "another region": prefer one of the witness's country, the default first.
      const pool = unmentionedIn(country ?? countryOfRegion(values[c]));
      return pool.includes(DEFAULT_REGION) ? [DEFAULT_REGION, ...pool] : pool;
    },
    atomSet(atom): Bits {
      if (atom.op === "in" || atom.op === "notIn") {
        const hits = atom.values.map((v) => (typeof v === "string" ? (index.get(v) ?? -1) : -1)).filter((i) => i >= 0);
        const b = bitsOf(classes, hits);
        if (atom.op === "in") return b;
        const all = fullBits(classes);
        for (let i = 0; i < b.length; i++) all[i] &= ~b[i];
        return all;
      }
      return bitsOf(classes, []);
    },
  };
  return { partition, countryOf: Int32Array.from(countryOf) };
}
