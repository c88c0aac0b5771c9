// An interpreter of Salesforce territory and assignment rules, for the tests: it evaluates the
// metadata directly on a Salesforce-shaped record, following Salesforce's documented behaviour
// and the decisions of docs/salesforce.md, without going through Carve. The import tests compare
// the imported ruleset's decisions with it.
import type { SfCriterion, SfEntryDef, SfRuleDef, SfTerritoryDef } from "./sf-metadata.js";

/** A record as Salesforce holds it: API field name (without the object) → text. */
export type SfRecord = Record<string, string | undefined>;

/** Thrown for what the interpreter (like the importer) does not evaluate. */
export class Unsupported extends Error {}

export function splitList(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const out: string[] = [];
  for (const m of raw.matchAll(/\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/g)) {
    const v = (m[1] ?? m[2] ?? "").trim();
    if (v !== "") out.push(v);
    if (m.index! + m[0].length >= raw.length) break;
  }
  return out;
}

const low = (s: string) => s.trim().toLowerCase();

function num(s: string): number | undefined {
  const t = s.trim().replace(/^(?:[A-Z]{3}\s*|[$€£¥])/, "").replace(/,/g, "");
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

function isoDate(s: string): string | undefined {
  const v = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : undefined;
}

/**
 * How Salesforce compares a field, from its type in the org's schema (which metadata rule files do
 * not carry): numbers and dates by value, everything else as text, ignoring case.
 */
export type FieldKind = "text" | "number" | "date";
export type Schema = (field: string) => FieldKind;

function order(kind: FieldKind, a: string, b: string): number {
  if (kind === "number") {
    const [x, y] = [num(a), num(b)];
    if (x === undefined || y === undefined) throw new Unsupported(`not a number: ${a} / ${b}`);
    return x - y;
  }
  if (kind === "date") {
    const [d, e] = [isoDate(a), isoDate(b)];
    if (d === undefined || e === undefined) throw new Unsupported(`date value ${b}`);
    return d < e ? -1 : d > e ? 1 : 0;
  }
  const [p, q] = [low(a), low(b)];
  return p < q ? -1 : p > q ? 1 : 0;
}

function same(kind: FieldKind, a: string, b: string): boolean {
  return kind === "text" ? low(a) === low(b) : order(kind, a, b) === 0;
}

const split = new WeakMap<SfCriterion, string[]>();

export function evalCriterion(c: SfCriterion, rec: SfRecord, schema: Schema): boolean {
  let values = split.get(c);
  if (!values) split.set(c, (values = splitList(c.value)));
  const raw = rec[c.field];
  const present = raw !== undefined && raw.trim() !== "";
  const v = raw ?? "";
  const kind = schema(c.field);
  // What cannot be evaluated is refused whatever the record holds (not only when the value is present).
  if (values.some((x) => /^(TODAY|YESTERDAY|TOMORROW|(LAST|THIS|NEXT)_\w+(:\d+)?)$/i.test(x))) throw new Unsupported("relative date");
  if (/^(less|greater)/.test(c.operation) && values.some((x) => /^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}[ T]\d{1,2}:\d{2}/.test(x))) throw new Unsupported("a date and time");
  if (/^(less|greater)/.test(c.operation) && values.length !== 1) throw new Unsupported("comparison with a list");
  if (kind !== "text" && values.some((x) => (kind === "number" ? num(x) : isoDate(x)) === undefined)) throw new Unsupported(`a value of a ${kind} field`);
  switch (c.operation) {
    case "equals":
      return values.length === 0 ? !present : present && values.some((x) => same(kind, v, x));
    case "notEqual":
      return values.length === 0 ? present : !present || !values.some((x) => same(kind, v, x));
    case "contains":
      return present && values.some((x) => low(v).includes(low(x)));
    case "notContain":
      return !present || !values.some((x) => low(v).includes(low(x)));
    case "startsWith":
      return present && values.some((x) => low(v).startsWith(low(x)));
    case "lessThan":
      return present && order(kind, v, values[0]) < 0;
    case "greaterThan":
      return present && order(kind, v, values[0]) > 0;
    case "lessOrEqual":
      return present && order(kind, v, values[0]) <= 0;
    case "greaterOrEqual":
      return present && order(kind, v, values[0]) >= 0;
    default:
      throw new Unsupported(`operation ${c.operation}`);
  }
}

/** A truth value that may be unknown (a criterion the interpreter does not evaluate): Kleene logic. */
export type Truth = boolean | undefined;

export const kAnd = (xs: Truth[]): Truth => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
export const kOr = (xs: Truth[]): Truth => (xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);
export const kNot = (x: Truth): Truth => (x === undefined ? undefined : !x);

/** Filter logic: numbers, AND, OR, NOT, parentheses; `item(n)` is item n's (1-based) truth. */
export function evalFilter(text: string, item: (n: number) => Truth): Truth {
  const toks = text.match(/\d+|\(|\)|[A-Za-z]+/g) ?? [];
  let i = 0;
  const chain = (word: string, next: () => Truth, combine: (xs: Truth[]) => Truth): Truth => {
    const xs = [next()];
    while (toks[i]?.toUpperCase() === word) {
      i++;
      xs.push(next());
    }
    return combine(xs);
  };
  const or = (): Truth => chain("OR", and, kOr);
  const and = (): Truth => chain("AND", unary, kAnd);
  const unary = (): Truth => {
    const t = toks[i++];
    if (t?.toUpperCase() === "NOT") return kNot(unary());
    if (t === "(") {
      const r = or();
      i++;
      return r;
    }
    if (t !== undefined && /^\d+$/.test(t)) return item(Number(t));
    throw new Unsupported(`filter ${text}`);
  };
  const r = or();
  if (i !== toks.length) throw new Unsupported(`filter ${text}`);
  return r;
}

/** Criteria with their filter logic; an item the interpreter does not evaluate is unknown. */
export function evalCriteria(items: SfCriterion[], filter: string | undefined, rec: SfRecord, schema: Schema): Truth {
  const results = items.map((c): Truth => {
    try {
      return evalCriterion(c, rec, schema);
    } catch (e) {
      if (e instanceof Unsupported) return undefined;
      throw e;
    }
  });
  return filter ? evalFilter(filter, (n) => results[n - 1]) : kAnd(results);
}

export interface TerritoryModel {
  territories: SfTerritoryDef[];
  rules: Map<string, SfRuleDef>;
  priorities: Map<string, number | undefined>;
  schema: Schema;
}

/**
 * The territories an account is assigned to: those with at least one active rule (own, or
 * inherited from an ancestor) whose active rules all match. `unknown`: territories this
 * interpreter cannot decide (a rule it does not evaluate, or that is missing).
 */
export function assignTerritories(model: TerritoryModel, rec: SfRecord): { matched: Set<string>; unknown: Set<string> } {
  const matched = new Set<string>();
  const unknown = new Set<string>();
  for (const [name, rules] of effectiveRules(model)) {
    try {
      if (rules === undefined) throw new Unsupported(`rules of ${name}`);
      const active = rules.filter((r) => r.active);
      // A territory with anything the interpreter does not evaluate is not decided, whatever the record.
      const results = active.map((r) => evalCriteria(r.items, r.filter, rec, model.schema));
      if (active.some((r) => !supported(r, model.schema))) throw new Unsupported(`rules of ${name}`);
      if (active.length > 0 && results.every((x) => x === true)) matched.add(name);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      unknown.add(name);
    }
  }
  return { matched, unknown };
}

const effective = new WeakMap<TerritoryModel, Map<string, SfRuleDef[] | undefined>>();

/** Each territory's own rules and those its ancestors pass on; undefined when one is missing or empty. */
export function effectiveRules(model: TerritoryModel): Map<string, SfRuleDef[] | undefined> {
  const cached = effective.get(model);
  if (cached) return cached;
  const byName = new Map(model.territories.map((t) => [t.name, t]));
  const out = new Map<string, SfRuleDef[] | undefined>();
  for (const t of model.territories) {
    const names = t.rules.map((r) => r.name);
    const seen = new Set([t.name]);
    for (let p = byName.get(t.parent ?? ""); p && !seen.has(p.name); p = byName.get(p.parent ?? "")) {
      seen.add(p.name);
      names.push(...p.rules.filter((r) => r.inherited).map((r) => r.name));
    }
    const rules = [...new Set(names)].map((n) => model.rules.get(n));
    out.set(t.name, rules.every((r) => r !== undefined && r.items.length > 0) ? (rules as SfRuleDef[]) : undefined);
  }
  effective.set(model, out);
  return out;
}

/** The single owner's territory: the matched one whose type has the highest priority, then by name. */
export function primaryTerritory(model: TerritoryModel, matched: Iterable<string>): string | undefined {
  const prio = (n: string) => model.priorities.get(model.territories.find((t) => t.name === n)?.type ?? "") ?? -Infinity;
  return [...matched].sort((a, b) => prio(b) - prio(a) || (a < b ? -1 : 1))[0];
}

/**
 * The index of the first entry that matches (first match), or -1. An entry holding something the
 * interpreter does not evaluate can only be passed when it is false anyway; otherwise the record's
 * outcome is not decided (Unsupported).
 */
export function firstEntry(entries: SfEntryDef[], rec: SfRecord, schema: Schema, formula: (f: string, rec: SfRecord) => { value: Truth; partial: boolean }): number {
  for (const [i, e] of entries.entries()) {
    const r = e.formula
      ? formula(e.formula, rec)
      : { value: e.items.length === 0 ? true : evalCriteria(e.items, e.filter, rec, schema), partial: !e.items.every((c) => supportedItem(c, schema)) };
    if (r.value === false) continue;
    if (r.value === undefined || r.partial) throw new Unsupported(`entry ${i + 1}`);
    return i;
  }
  return -1;
}

function supported(r: SfRuleDef, schema: Schema): boolean {
  return r.items.every((c) => supportedItem(c, schema));
}

/** Whether the interpreter evaluates a criterion (on a record where its field is set). */
function supportedItem(c: SfCriterion, schema: Schema): boolean {
  try {
    evalCriterion(c, {}, schema); // on an empty field only the criterion itself is judged
    return true;
  } catch (e) {
    if (e instanceof Unsupported) return false;
    throw e;
  }
}
