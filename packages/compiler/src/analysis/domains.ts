// The analysis space: one dimension per schema field, each partitioned into classes by every atom
// the plan applies to it (plus a "missing" class for optional fields). A condition box becomes a
// product of class sets, on which intersection, emptiness and subtraction are exact.
import type { Atom, FieldSchema, RecordSchema, Scalar } from "@carve/runtime";
import { andNot, bitsOf, fullBits, type Bits } from "./bits.js";
import type { Budget } from "./budget.js";
import { declaredPartition, openPartition } from "./finite.js";
import { countryOfRegion, countryPartition, coupledRegionPartition, plainRegionPartition, regionsOf } from "./geo.js";
import { numericPartition } from "./numeric.js";
import type { Partition } from "./partition.js";
import { hasStringTests, stringPartition } from "./strings.js";

export interface Dim {
  readonly index: number;
  readonly field: FieldSchema;
  readonly partition: Partition;
  /** classes, the missing class included */
  readonly size: number;
  /** the class of "no value" (optional fields), or -1 */
  readonly missing: number;
  readonly full: Bits;
  /** every class but `missing` */
  readonly present: Bits;
  /** region fields read against the record's country: class → class of the country dimension */
  readonly countryOf?: Int32Array;
  /** classes in witness preference order (missing first for optional fields) */
  readonly order: readonly number[];
  atomSet(atom: Atom): Bits;
}

export interface Space {
  readonly dims: readonly Dim[];
  readonly byName: ReadonlyMap<string, Dim>;
  /** the schema's country field, when regions are read against it */
  readonly country?: Dim;
  /** the schema's country field (regions and postal codes are normalised against its value) */
  readonly countryField?: Dim;
  readonly regions: readonly Dim[];
}

/** A plan the analysis cannot read (a compiler bug, not a user error). */
export class PlanError extends Error {}

/** `atoms`: every atom of the plan (territories and overrides); `reps`: the roster's rep ids. */
export function buildSpace(schema: RecordSchema, atoms: readonly Atom[], reps: readonly string[] | undefined, budget: Budget): Space {
  const byField = new Map<string, Atom[]>(schema.fields.map((f) => [f.name, []]));
  for (const a of atoms) {
    const list = byField.get(a.field);
    if (list === undefined) throw new PlanError(`a condition tests \`${a.field}\`, which the record schema does not declare`);
    list.push(a);
  }
  const countryField = schema.fields.find((f) => f.name === schema.countryField && f.type === "country");
  const regionFields = countryField === undefined ? [] : schema.fields.filter((f) => f.type === "region");
  const regionCountries = [...new Set(regionFields.flatMap((f) => regionsOf(byField.get(f.name)!).map(countryOfRegion)))].sort();

  const partitions = new Map<string, Partition>();
  const countryOf = new Map<string, Int32Array>();
  if (countryField !== undefined) partitions.set(countryField.name, countryPartition(byField.get(countryField.name)!, regionCountries));
  for (const f of schema.fields) {
    if (partitions.has(f.name)) continue;
    const fieldAtoms = byField.get(f.name)!;
    if (f.type === "region" && countryField !== undefined) {
      const coupled = coupledRegionPartition(fieldAtoms, partitions.get(countryField.name)!);
      partitions.set(f.name, coupled.partition);
      countryOf.set(f.name, coupled.countryOf);
    } else {
      partitions.set(f.name, partitionFor(f, fieldAtoms, reps, budget));
    }
  }

  const dims = schema.fields.map((f, index) => makeDim(index, f, partitions.get(f.name)!, countryOf.get(f.name)));
  const byName = new Map(dims.map((d) => [d.field.name, d]));
  const country = countryField === undefined || regionFields.length === 0 ? undefined : byName.get(countryField.name);
  const regions = country === undefined ? [] : regionFields.map((f) => byName.get(f.name)!);
  return { dims, byName, country, countryField: countryField && byName.get(countryField.name), regions };
}

function partitionFor(f: FieldSchema, atoms: readonly Atom[], reps: readonly string[] | undefined, budget: Budget): Partition {
  switch (f.type) {
    case "enum":
      return declaredPartition(f.type, f.enumValues ?? [], atoms);
    case "bool":
      return declaredPartition(f.type, [false, true], atoms);
    case "rep":
      return reps !== undefined ? declaredPartition(f.type, reps, atoms) : openPartition(f.type, atoms, texts("rep"), isText, "rep");
    case "int":
    case "number":
    case "money":
    case "date":
      return numericPartition(f.type, atoms);
    case "country":
      return countryPartition(atoms, []);
    case "region":
      return plainRegionPartition(atoms);
    case "string":
    case "postal":
    case "domain":
      if (hasStringTests(atoms)) return stringPartition(f.type, atoms, budget);
      return openPartition(f.type, atoms, texts(f.type), isText, texts(f.type).next().value as string);
  }
}

function isText(v: unknown): boolean {
  return typeof v === "string" && v.length > 0;
}

/** Plausible values for "any other value" of a text-like field, most plausible first. */
function* texts(type: string): Generator<Scalar> {
  const base = type === "postal" ? "10001" : type === "domain" ? "example.com" : type === "rep" ? "rep" : "x";
  yield base;
  for (let i = 1; ; i++) {
    if (type === "postal") yield String(10001 + i).padStart(5, "0");
    else if (type === "domain") yield `example${i}.com`;
    else yield `${base}${i}`;
  }
}

function makeDim(index: number, field: FieldSchema, partition: Partition, countryOf: Int32Array | undefined): Dim {
  const count = partition.count;
  const size = field.optional ? count + 1 : count;
  const missing = field.optional ? count : -1;
  const full = fullBits(size);
  const present = field.optional ? andNot(full, bitsOf(size, [missing])) : full;
  const byRank = [...Array(count).keys()].sort((a, b) => partition.rank(a) - partition.rank(b) || a - b);
  const order = field.optional ? [missing, ...byRank] : byRank;
  const cache = new Map<string, Bits>();
  const atomSet = (atom: Atom): Bits => {
    if (atom.op === "set") return present;
    if (atom.op === "unset") return bitsOf(size, missing >= 0 ? [missing] : []);
    const key = JSON.stringify(atom);
    let b = cache.get(key);
    if (b === undefined) {
      const inner = partition.atomSet(atom);
      b = new Uint32Array(full.length);
      b.set(inner);
      cache.set(key, b);
    }
    return b;
  };
  return { index, field, partition, size, missing, full, present, countryOf, order, atomSet };
}
