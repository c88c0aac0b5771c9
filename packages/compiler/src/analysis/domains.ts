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
import { hasTextTests, textPartition } from "./strings.js";

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
  /** region and postal fields: the index of the country field they are read against, or -1 */
  readonly context: number;
  /** region fields coupled to their country field: class → class of that field */
  readonly countryOf?: Int32Array;
  /** classes in witness preference order (missing first for optional fields) */
  readonly order: readonly number[];
  /** class → its position in `order` (sorts a few classes without walking all of `order`) */
  readonly position: Int32Array;
  atomSet(atom: Atom): Bits;
}

/** A country field and the region fields that must lie in its country. */
export interface Coupling {
  readonly country: Dim;
  readonly regions: readonly Dim[];
}

export interface Space {
  readonly dims: readonly Dim[];
  readonly byName: ReadonlyMap<string, Dim>;
  readonly couplings: readonly Coupling[];
}

/** A plan the analysis cannot read (a compiler bug or an unsupported test, not a user error). */
export class PlanError extends Error {}

/** `atoms`: every atom of the plan (territories and overrides); `reps`: the roster's rep ids. */
export function buildSpace(schema: RecordSchema, atoms: readonly Atom[], reps: readonly string[] | undefined, budget: Budget): Space {
  const byField = new Map<string, Atom[]>(schema.fields.map((f) => [f.name, []]));
  for (const a of atoms) {
    const list = byField.get(a.field);
    if (list === undefined) throw new PlanError(`a condition tests \`${a.field}\`, which the record schema does not declare`);
    list.push(a);
  }
  // Region and postal values are read against a country field (FieldSchema.countryField).
  const contextOf = (f: FieldSchema): FieldSchema | undefined =>
    f.type === "region" || f.type === "postal" ? schema.fields.find((x) => x.name === f.countryField && x.type === "country") : undefined;
  const coupled = new Map<string, FieldSchema[]>(); // country field → its region fields
  for (const f of schema.fields) {
    const k = f.type === "region" ? contextOf(f) : undefined;
    if (k === undefined) continue;
    if (hasTextTests(byField.get(f.name)!)) throw unsupported(f);
    if (!coupled.has(k.name)) coupled.set(k.name, []);
    coupled.get(k.name)!.push(f);
  }

  const partitions = new Map<string, Partition>();
  const countryOf = new Map<string, Int32Array>();
  for (const [k, regions] of coupled) {
    const extra = [...new Set(regions.flatMap((f) => regionsOf(byField.get(f.name)!).map(countryOfRegion)))].sort();
    const countries = countryPartition(byField.get(k)!, extra);
    partitions.set(k, countries);
    for (const r of regions) {
      const c = coupledRegionPartition(byField.get(r.name)!, countries);
      partitions.set(r.name, c.partition);
      countryOf.set(r.name, c.countryOf);
    }
  }
  for (const f of schema.fields) {
    if (!partitions.has(f.name)) partitions.set(f.name, partitionFor(f, byField.get(f.name)!, reps, budget));
  }

  const index = new Map(schema.fields.map((f, i) => [f.name, i]));
  const dims = schema.fields.map((f, i) =>
    makeDim(i, f, partitions.get(f.name)!, index.get(contextOf(f)?.name ?? "") ?? -1, countryOf.get(f.name)));
  const byName = new Map(dims.map((d) => [d.field.name, d]));
  const couplings = [...coupled].map(([k, regions]) => ({ country: byName.get(k)!, regions: regions.map((r) => byName.get(r.name)!) }));
  return { dims, byName, couplings };
}

function partitionFor(f: FieldSchema, atoms: readonly Atom[], reps: readonly string[] | undefined, budget: Budget): Partition {
  // Text tests (starts with, ranges over text) on a finite domain: every value its own class.
  const fine = hasTextTests(atoms);
  switch (f.type) {
    case "enum":
      return declaredPartition(f.type, f.enumValues ?? [], atoms, fine);
    case "bool":
      return declaredPartition(f.type, [false, true], atoms);
    case "rep":
      if (reps !== undefined) return declaredPartition(f.type, reps, atoms, fine);
      if (fine) return textPartition("rep", atoms, budget);
      return openPartition(f.type, atoms, texts("rep"), isText, "rep");
    case "date":
      if (atoms.some((a) => a.op === "startsWith" || a.op === "endsWith" || a.op === "contains")) throw unsupported(f);
      return numericPartition(f.type, atoms);
    case "int":
    case "number":
    case "money":
      return numericPartition(f.type, atoms);
    case "country":
      return countryPartition(atoms, []);
    case "region":
      if (fine) throw unsupported(f);
      return plainRegionPartition(atoms);
    case "string":
    case "postal":
    case "domain":
      if (hasTextTests(atoms)) return textPartition(f.type, atoms, budget);
      return openPartition(f.type, atoms, texts(f.type), isText, texts(f.type).next().value as string);
  }
}

function unsupported(f: FieldSchema): PlanError {
  return new PlanError(`text tests (starts with, ends with, contains, text ranges) on the ${f.type} field \`${f.name}\` are not analysable`);
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

function makeDim(index: number, field: FieldSchema, partition: Partition, context: number, countryOf: Int32Array | undefined): Dim {
  const count = partition.count;
  const size = field.optional ? count + 1 : count;
  const missing = field.optional ? count : -1;
  const full = fullBits(size);
  const present = field.optional ? andNot(full, bitsOf(size, [missing])) : full;
  const byRank = [...Array(count).keys()].sort((a, b) => partition.rank(a) - partition.rank(b) || a - b);
  const order = field.optional ? [missing, ...byRank] : byRank;
  const position = new Int32Array(size);
  order.forEach((c, i) => (position[c] = i));
  // Plans repeat the same tests (segments, sets) across territories: compute each once.
  const cache = new Map<string, Bits>();
  const atomSet = (atom: Atom): Bits => {
    if (atom.op === "set") return present;
    if (atom.op === "unset") return bitsOf(size, missing >= 0 ? [missing] : []);
    const key = atomKey(atom);
    let b = cache.get(key);
    if (b === undefined) {
      const inner = partition.atomSet(atom);
      b = new Uint32Array(full.length);
      b.set(inner);
      cache.set(key, b);
    }
    return b;
  };
  return { index, field, partition, size, missing, full, present, context, countryOf, order, position, atomSet };
}

/** A cache key for an atom of a known field (cheaper than JSON for the common shapes). */
function atomKey(atom: Atom): string {
  switch (atom.op) {
    case "in":
    case "notIn":
      return `${atom.op}\u0000${atom.values.map((v) => `${typeof v}:${String(v)}`).join("\u0000")}`;
    case "range":
      return `range\u0000${typeof atom.min}:${String(atom.min)}\u0000${atom.minInclusive}\u0000${typeof atom.max}:${String(atom.max)}\u0000${atom.maxInclusive}`;
    case "startsWith":
    case "endsWith":
    case "contains":
      return `${atom.op}\u0000${atom.negated}\u0000${atom.values.join("\u0000")}`;
    default:
      return JSON.stringify(atom);
  }
}
