// One Salesforce criterion (field, operation, values) as a Carve test, for the type its field was
// given. Salesforce semantics kept: comma-separated values are any-of (none-of for the negative
// operations), text is compared ignoring case, and the negative operations (notEqual,
// notContain) hold for an empty field — written `not (…)`, which Carve makes true on a missing value.
import { foldString, listCountries, listRegions, normalizeCountry, normalizePostal, normalizeRegion, postalDigits, regionCandidates } from "@carve/values";
import { quoteString } from "@carve/language";
import { and, not, or, test, type Cond } from "./cond.js";
import { boolValue, dateText, decimalText } from "./sf-values.js";
import type { SfField } from "./sf-fields.js";

export type CarveType = "string" | "country" | "region" | "postal" | "bool" | "int" | "number" | "money" | "date";

export interface Item {
  field: string;
  op: string;
  values: string[];
  /** the value as written, for the report */
  raw?: string;
  file: string;
  line: number;
}

export interface Target {
  name: string;
  type: CarveType;
  sf: SfField;
}

export type Translation = { ok: true; cond: Cond } | { ok: false; reason: string };

const POSITIVE: Record<string, string> = { equals: "in", contains: "contains", startsWith: "starts with" };
const NEGATIVE: Record<string, string> = { notEqual: "in", notContain: "contains" };
export const LOWER_BOUNDS = new Set(["greaterOrEqual", "greaterThan"]);
export const UPPER_BOUNDS = new Set(["lessOrEqual", "lessThan"]);
const UNSUPPORTED: Record<string, string> = {
  within: "`within` (distance from a point) has no Carve equivalent",
  includes: "multi-select picklist tests (`includes`) have no Carve equivalent",
  excludes: "multi-select picklist tests (`excludes`) have no Carve equivalent",
};

// The text below every key (a range test compares the key cut to the bound's length).
const TEXT_MIN = "\u0000";

const fail = (reason: string): Translation => ({ ok: false, reason });

/** `item` on `target`; `pins` are the countries the enclosing conditions limit the record to. */
export function translateItem(item: Item, target: Target, pins: ReadonlySet<string> | undefined): Translation {
  if (UNSUPPORTED[item.op]) return fail(UNSUPPORTED[item.op]);
  if (LOWER_BOUNDS.has(item.op)) return translateRange(item, undefined, target, pins);
  if (UPPER_BOUNDS.has(item.op)) return translateRange(undefined, item, target, pins);
  const positive = POSITIVE[item.op];
  const negative = NEGATIVE[item.op];
  if (!positive && !negative) return fail(`unknown operation \`${item.op}\``);
  if (item.values.length === 0) {
    // "equals" with no value is Salesforce's test for an empty field.
    if (item.op === "equals") return { ok: true, cond: test(`${target.name} is not set`) };
    if (item.op === "notEqual") return { ok: true, cond: test(`${target.name} is set`) };
    return fail(`\`${item.op}\` with no value`);
  }
  const verb = positive ?? negative;
  const literals = valueLiterals(item, verb, target, pins);
  if (!literals.ok) return literals;
  // On countries and regions a pattern was expanded into the codes it matches: a membership test.
  const membership = target.type === "country" || target.type === "region" ? "in" : verb;
  const cond = test(testText(target.name, membership, literals.values));
  return { ok: true, cond: negative ? not(cond) : cond };
}

function testText(field: string, verb: string, values: string[]): string {
  if (verb === "in") return values.length === 1 ? `${field} == ${values[0]}` : `${field} in [${values.join(", ")}]`;
  return `${field} ${verb} ${values.length === 1 ? values[0] : `[${values.join(", ")}]`}`;
}

type Literals = { ok: true; values: string[] } | { ok: false; reason: string };

function valueLiterals(item: Item, verb: string, target: Target, pins: ReadonlySet<string> | undefined): Literals {
  const { type } = target;
  const each = (f: (v: string) => string | undefined, what: string): Literals => {
    const out: string[] = [];
    for (const v of item.values) {
      const lit = f(v);
      if (lit === undefined) return { ok: false, reason: `"${v}" is not ${what}` };
      if (!out.includes(lit)) out.push(lit);
    }
    return { ok: true, values: out };
  };
  switch (type) {
    case "string":
      return each((v) => quoteString(v), "text");
    case "postal":
      if (verb === "contains") return { ok: false, reason: "postal codes have no `contains` test" };
      return verb === "starts with"
        ? each((v) => (/^[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*$/.test(v) ? quoteString(v) : undefined), "the start of a postal code")
        : each((v) => postalLiteral(v, pins), `a postal code${pinText(pins)}`);
    case "bool":
      if (verb !== "in") return { ok: false, reason: `\`${item.op}\` on a yes/no field` };
      return each((v) => (boolValue(v) === undefined ? undefined : String(boolValue(v))), "true or false");
    case "int":
    case "number":
    case "money":
      if (verb !== "in") return { ok: false, reason: `\`${item.op}\` on a number field` };
      return each((v) => numberLiteral(v, type), type === "int" ? "a whole number" : "a number");
    case "date":
      if (verb !== "in") return { ok: false, reason: `\`${item.op}\` on a date field` };
      return each((v) => dateText(v), "a calendar date (relative dates and times of day are not translated)");
    case "country":
      return countryLiterals(item, verb, target);
    case "region":
      return regionLiterals(item, verb, target, pins);
  }
}

function pinText(pins: ReadonlySet<string> | undefined): string {
  return pins && pins.size > 0 ? ` of ${[...pins].join("/")}` : "";
}

function postalLiteral(v: string, pins: ReadonlySet<string> | undefined): string | undefined {
  // The checker reads a postal literal against the one pinned country, else with the generic rule.
  const scope = pins?.size === 1 ? [...pins][0] : undefined;
  return normalizePostal(v, scope).ok ? quoteString(v) : undefined;
}

function numberLiteral(v: string, type: CarveType): string | undefined {
  const d = decimalText(v);
  if (!d) return undefined;
  if (type === "int" && d.text.includes(".")) return undefined;
  return d.text;
}

let countryCodes: string[] | undefined;

function countryLiterals(item: Item, verb: string, target: Target): Literals {
  if (verb === "in") {
    const out: string[] = [];
    for (const v of item.values) {
      const r = normalizeCountry(v);
      if (!r.ok) return { ok: false, reason: `"${v}" is not a country` };
      if (!out.includes(r.value)) out.push(r.value);
    }
    return { ok: true, values: out };
  }
  // A pattern on a country code: the codes it matches, from the complete list of codes.
  if (target.sf.variant !== "code") return { ok: false, reason: `\`${item.op}\` on a country name depends on how the org spells country names` };
  countryCodes ??= listCountries().map((c) => c.code);
  return { ok: true, values: countryCodes.filter((code) => item.values.some((v) => matches(code, v, verb))) };
}

function matches(code: string, value: string, verb: string): boolean {
  const c = code.toLowerCase();
  const v = foldString(value);
  return verb === "starts with" ? c.startsWith(v) : c.includes(v);
}

function regionLiterals(item: Item, verb: string, target: Target, pins: ReadonlySet<string> | undefined): Literals {
  const out = new Set<string>();
  for (const v of item.values) {
    const found = verb === "in" ? resolveRegion(v, target.sf.variant === "code", pins) : expandRegion(v, verb, target, pins);
    if (typeof found === "string") return { ok: false, reason: found };
    for (const f of found) out.add(f);
  }
  return { ok: true, values: [...out].sort() };
}

/** The subdivisions a state code or name stands for in the pinned countries (or worldwide, if unique). */
function resolveRegion(v: string, isCode: boolean, pins: ReadonlySet<string> | undefined): string[] | string {
  if (pins && pins.size > 0) {
    const found = [...pins].flatMap((c) => {
      const r = normalizeRegion(v, c);
      return r.ok && r.value.startsWith(`${c}-`) ? [r.value] : [];
    });
    return found.length > 0 ? found : `"${v}" is not a subdivision of ${[...pins].join("/")}`;
  }
  const candidates = isCode ? regionCandidates(v) : [];
  if (candidates.length === 1) return candidates;
  if (!isCode) {
    const r = normalizeRegion(v);
    if (r.ok) return [r.value];
  }
  return candidates.length > 1
    ? `"${v}" could be ${candidates.slice(0, 4).join(", ")}${candidates.length > 4 ? ", …" : ""} and the rule does not say which country`
    : `"${v}" is not a subdivision the rule's countries have`;
}

function expandRegion(v: string, verb: string, target: Target, pins: ReadonlySet<string> | undefined): string[] | string {
  if (target.sf.variant !== "code") return `\`${verb}\` on a state name depends on how the org spells state names`;
  if (!pins || pins.size === 0) return `\`${verb}\` on a state code needs the rule to name its country`;
  const found = [...pins].flatMap((c) => listRegions(c).map((r) => r.code).filter((code) => matches(code.slice(3), v, verb)));
  return found.length > 0 ? found : `no subdivision code of ${[...pins].join("/")} ${verb === "contains" ? "contains" : "starts with"} "${v}"`;
}

/**
 * A comparison, or a pair of them (`greaterOrEqual 75002` and `lessOrEqual 76799` → `in
 * "75002".."76799"`). Text ranges compare the leading characters, as Carve ranges do.
 */
export function translateRange(lo: Item | undefined, hi: Item | undefined, target: Target, pins: ReadonlySet<string> | undefined): Translation {
  const { type, name } = target;
  const bound = (item: Item | undefined): { ok: true; lit?: string; raw?: string; strict: boolean } | { ok: false; reason: string } => {
    if (!item) return { ok: true, strict: false };
    if (item.values.length !== 1) return { ok: false, reason: `\`${item.op}\` needs exactly one value` };
    const v = item.values[0];
    const strict = item.op === "greaterThan" || item.op === "lessThan";
    let lit: string | undefined;
    if (type === "string") lit = quoteString(v);
    else if (type === "postal") lit = postalLiteral(v, pins);
    else if (type === "int" || type === "number" || type === "money") lit = numberLiteral(v, type);
    else if (type === "date") lit = dateText(v);
    return lit === undefined ? { ok: false, reason: `\`${item.op} ${v}\` cannot be compared on a ${type} field` } : { ok: true, lit, raw: v, strict };
  };
  const l = bound(lo);
  const h = bound(hi);
  if (!l.ok) return l;
  if (!h.ok) return h;
  const ordered = type === "int" || type === "number" || type === "money" || type === "date";
  // A pair whose low end is above its high end matches nothing; it stays two tests (a Carve range
  // written that way is an error), and the analysis reports the condition as unsatisfiable.
  const inOrder = !l.lit || !h.lit || compareValues(type, l.raw!, h.raw!) <= 0;
  if (ordered) {
    const parts: string[] = [];
    if (l.lit) parts.push(`${name} ${l.strict ? ">" : ">="} ${l.lit}`);
    if (h.lit) parts.push(`${name} ${h.strict ? "<" : "<="} ${h.lit}`);
    if (l.lit && h.lit && !l.strict && !h.strict && inOrder) return { ok: true, cond: test(`${name} in ${l.lit}..${h.lit}`) };
    return { ok: true, cond: test(parts.join(" and ")) };
  }
  if (!inOrder) {
    if (type === "postal") return { ok: false, reason: "a postal range whose low end is above its high end" };
    const a = translateRange(lo, undefined, target, pins);
    const b = translateRange(undefined, hi, target, pins);
    return a.ok && b.ok ? { ok: true, cond: and([a.cond, b.cond]) } : a.ok ? b : a;
  }
  // Text. A postal code has no bound below or above every code, so it needs both ends.
  if (type === "postal" && (!l.lit || !h.lit)) return { ok: false, reason: "a postal code compared on one side only" };
  const parts: Cond[] = [];
  if (l.lit && h.lit) parts.push(test(`${name} in ${l.lit}..${h.lit}`));
  else if (l.lit) {
    // At or above A: the leading characters are above A, or they are A (`starts with`).
    const above = test(`${name} not in ${quoteString(TEXT_MIN)}..${l.lit}`);
    const from = test(`${name} starts with ${l.lit}`);
    parts.push(or([above, l.strict ? and([from, test(`${name} != ${l.lit}`)]) : from]));
  } else parts.push(test(`${name} in ${quoteString(TEXT_MIN)}..${h.lit}`));
  if (l.lit && h.lit && l.strict) parts.push(test(`${name} != ${l.lit}`));
  if (h.lit && h.strict) parts.push(test(`${name} != ${h.lit}`));
  return { ok: true, cond: and(parts) };
}

/** Orders two values of one type as the compiled range test does (text folded, postal codes by their key). */
function compareValues(type: CarveType, a: string, b: string): number {
  if (type === "int" || type === "number" || type === "money") return Number(decimalText(a)?.text) - Number(decimalText(b)?.text);
  const key = (v: string): string => (type === "postal" ? postalDigits(v) : type === "string" ? foldString(v) : type === "date" ? dateText(v) ?? v : v);
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The countries a positive test on a country field limits a record to (`equals US`,
 * `contains US`), or undefined when the test does not pin the country.
 */
export function pinCodes(item: Item, target: Target): Set<string> | undefined {
  if (target.type !== "country" || item.values.length === 0) return undefined;
  const verb = POSITIVE[item.op];
  if (!verb) return undefined;
  const r = countryLiterals(item, verb, target);
  return r.ok ? new Set(r.values) : undefined;
}
