// Boxes of the record space as text a reviewer reads: one condition per field the box restricts,
// in the language's own terms (`country == US and region in [US-CA, US-OR] and employees >= 1K`).
// Classes come back as values through the partition (its classOf and representatives); a text
// field tested with `starts with` & co. is shown by examples of its kinds ("like").
import type { Scalar } from "@carve/runtime";
import { listCountries, listRegions } from "@carve/values";
import { has, members, type Bits } from "../analysis/bits.js";
import type { CBox } from "../analysis/boxes.js";
import { fromDay, toDay } from "../analysis/dates.js";
import type { Dim, Space } from "../analysis/domains.js";
import type { Partition } from "../analysis/partition.js";
import { literal } from "../findings/witness-text.js";

/** Values listed before "… and N more". */
const LISTED = 8;

export interface RegionContext {
  space: Space;
  /** per field: the values the rules mention (and whether text tests make it a "like" field) */
  fields: Map<string, { mentioned: Set<Scalar>; textTests: boolean }>;
}

/** The box as a conjunction; "every record" when it restricts nothing. `skip`: dimensions left out. */
export function boxText(ctx: RegionContext, box: CBox, skip: ReadonlySet<number> = new Set()): string {
  const parts: string[] = [];
  for (const dim of ctx.space.dims) {
    const set = box[dim.index];
    if (set === null || skip.has(dim.index)) continue;
    parts.push(setText(ctx, dim, set, box));
  }
  return parts.length === 0 ? "every record" : parts.join(" and ");
}

function setText(ctx: RegionContext, dim: Dim, set: Bits, box: CBox): string {
  const name = dim.field.name;
  const missing = dim.missing >= 0 && has(set, dim.missing);
  const present = members(set).filter((c) => c !== dim.missing);
  if (present.length === 0) return `${name} is not set`;
  const all = present.length === dim.partition.count;
  const text = all ? `${name} is set` : valuesText(ctx, dim, present, box);
  return missing ? `(${text} or ${name} is not set)` : text;
}

function valuesText(ctx: RegionContext, dim: Dim, classes: number[], box: CBox): string {
  const f = dim.field;
  const p = dim.partition;
  switch (f.type) {
    case "int":
      return rangesText(f.name, integerRuns(p, classes, (v) => v as number, (n) => n), (n) => numberText(n));
    case "date":
      return rangesText(f.name, integerRuns(p, classes, (v) => toDay(v as string)!, fromDay), (n) => fromDay(n));
    case "number":
    case "money":
      return realText(f.name, p, classes);
    case "bool":
      return `${f.name} == ${String(p.value(classes[0]))}`;
    case "enum":
      return finiteText(f.name, f.type, f.enumValues ?? [], p, classes);
    case "country":
      return finiteText(f.name, f.type, listCountries().map((c) => c.code), p, classes);
    case "region":
      return finiteText(f.name, f.type, regionDomain(ctx, dim, box), p, classes);
    default: {
      const info = ctx.fields.get(f.name);
      if (f.type === "rep" && !info?.textTests) return finiteText(f.name, f.type, allValues(p), p, classes);
      if (info?.textTests) return `${f.name} like ${list(classes.map((c) => literal(p.value(c), f.type)))}`;
      return openText(f.name, f.type, info?.mentioned ?? new Set(), p, classes);
    }
  }
}

function allValues(p: Partition): Scalar[] {
  return [...Array(p.count).keys()].map((c) => p.value(c) as Scalar);
}

/** The regions of the countries the box allows (all regions when it allows any country). */
function regionDomain(ctx: RegionContext, dim: Dim, box: CBox): string[] {
  const country = dim.context >= 0 ? ctx.space.dims[dim.context] : undefined;
  const set = country === undefined ? null : box[country.index];
  if (country === undefined || set === null) return listRegions().map((r) => r.code);
  const codes = listCountries().map((c) => c.code).filter((c) => {
    const k = country.partition.classOf(c);
    return k >= 0 && has(set, k);
  });
  return codes.flatMap((c) => listRegions(c).map((r) => r.code));
}

/** A finite domain: `in [listed]` or `not in [the others]`, whichever is shorter. */
function finiteText(name: string, type: string, domain: readonly Scalar[], p: Partition, classes: number[]): string {
  const chosen = new Set(classes);
  const inside: Scalar[] = [];
  const outside: Scalar[] = [];
  for (const v of domain) {
    const c = p.classOf(v);
    if (c < 0) continue;
    (chosen.has(c) ? inside : outside).push(v);
  }
  return inOrNotIn(name, type, inside, outside);
}

/** An open domain (any text): the classes are the mentioned values and "any other value". */
function openText(name: string, type: string, mentioned: ReadonlySet<Scalar>, p: Partition, classes: number[]): string {
  const chosen = new Set(classes);
  const other = [...Array(p.count).keys()].find((c) => !mentioned.has(p.value(c) as Scalar));
  const named = [...Array(p.count).keys()].filter((c) => c !== other);
  if (other !== undefined && chosen.has(other)) {
    return inOrNotIn(name, type, [], named.filter((c) => !chosen.has(c)).map((c) => p.value(c) as Scalar), true);
  }
  return inOrNotIn(name, type, named.filter((c) => chosen.has(c)).map((c) => p.value(c) as Scalar), [], false);
}

function inOrNotIn(name: string, type: string, inside: Scalar[], outside: Scalar[], open?: boolean): string {
  const useIn = open === undefined ? inside.length <= outside.length : !open;
  const values = (useIn ? inside : outside).map((v) => literal(v, type));
  if (!useIn && values.length === 0) return `${name} is set`;
  if (values.length === 1) return `${name} ${useIn ? "==" : "!="} ${values[0]}`;
  return `${name} ${useIn ? "in" : "not in"} [${list(values)}]`;
}

function list(values: string[]): string {
  if (values.length <= LISTED + 1) return values.join(", ");
  return `${values.slice(0, LISTED).join(", ")}, … ${values.length - LISTED} more`;
}

interface Run {
  lo: number; // -Infinity: unbounded
  hi: number; // Infinity: unbounded
}

/**
 * Integer classes are consecutive intervals (numeric.ts); their bounds are found from the
 * representatives and classOf: class c starts at the first whole number after value(c-1) whose
 * class is c.
 */
function integerRuns(p: Partition, classes: number[], num: (v: unknown) => number, val: (n: number) => unknown): Run[] {
  const start = (c: number): number => {
    if (c === 0) return -Infinity;
    let lo = num(p.value(c - 1)) + 1;
    let hi = num(p.value(c));
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (p.classOf(val(mid)) >= c) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return runsOf(classes).map(([a, b]) => ({ lo: start(a), hi: b === p.count - 1 ? Infinity : start(b + 1) - 1 }));
}

function rangesText(name: string, runs: Run[], show: (n: number) => string): string {
  const texts = runs.map(({ lo, hi }) => {
    if (lo === -Infinity) return `${name} <= ${show(hi)}`;
    if (hi === Infinity) return `${name} >= ${show(lo)}`;
    return lo === hi ? `${name} == ${show(lo)}` : `${name} in ${show(lo)}..${show(hi)}`;
  });
  return texts.length === 1 ? texts[0] : `(${texts.join(" or ")})`;
}

/** Real classes alternate: open interval, point, open interval, … (numeric.ts). */
function realText(name: string, p: Partition, classes: number[]): string {
  const v = (c: number) => numberText(p.value(c) as number);
  const texts = runsOf(classes).map(([a, b]) => {
    if (a === b && a % 2 === 1) return `${name} == ${v(a)}`;
    const bounds: string[] = [];
    if (a % 2 === 1) bounds.push(`${name} >= ${v(a)}`);
    else if (a > 0) bounds.push(`${name} > ${v(a - 1)}`);
    if (b % 2 === 1) bounds.push(`${name} <= ${v(b)}`);
    else if (b < p.count - 1) bounds.push(`${name} < ${v(b + 1)}`);
    return bounds.join(" and ");
  });
  return texts.length === 1 ? texts[0] : `(${texts.join(" or ")})`;
}

/** Maximal runs of consecutive class numbers. */
function runsOf(classes: number[]): [number, number][] {
  const sorted = [...classes].sort((x, y) => x - y);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** 250000000 → 250M, as the language writes magnitudes. */
function numberText(n: number): string {
  for (const [unit, size] of [["B", 1e9], ["M", 1e6], ["K", 1e3]] as const) {
    if (Math.abs(n) >= size && n % size === 0) return `${n / size}${unit}`;
  }
  return String(n);
}
