// Gives every Salesforce field a Carve field and type, then translates all criteria with them.
// Metadata does not say what type a field has, so it is read from the field (address parts,
// well-known standard fields) and from how the rules use it (only true/false, compared as numbers
// or dates). An address part keeps its Carve type (`country`, `region`, `postal`) only while every
// rule using it can be written with that type; a rule that needs the text (an org's own state
// codes, `contains` on a postal code) turns that one field into `string`, and says so in a note.
import { translateCriteria, type Criteria, type CriteriaResult, type FieldMapping } from "./criteria.js";
import { sfField, type SfField } from "./sf-fields.js";
import { boolValue, decimalText, looksLikeDate } from "./sf-values.js";
import { LOWER_BOUNDS, UPPER_BOUNDS, translateItem, translateRange, type CarveType, type Item, type Target } from "./translate-item.js";

export interface FieldDecl {
  name: string;
  type: CarveType;
  /** the Salesforce fields it holds, as written in the metadata */
  sources: string[];
}

export interface PlannedCriteria {
  fields: FieldDecl[];
  /** per criteria, in input order */
  results: CriteriaResult[];
  /** decisions a reader should know (a field read as text, and why) */
  notes: { item: Item; message: string }[];
}

/** The record's key: Salesforce's `Id`. */
export const KEY_FIELD = "id";

const KNOWN: Record<string, CarveType> = {
  annualrevenue: "money",
  numberofemployees: "int",
  createddate: "date",
  lastmodifieddate: "date",
  closedate: "date",
};

const TEXT_OPS = new Set(["contains", "notContain", "startsWith", "includes", "excludes"]);
const FALLS_BACK: ReadonlySet<CarveType> = new Set(["country", "region", "postal"]);

/** The same Salesforce field however it is written (`Account.Name`, `Name`, `account.name`). */
function keyOf(sf: SfField): string {
  return `${sf.carve.split(".").slice(0, -1).join(".")}|${sf.apiName.toLowerCase()}`;
}

export function planCriteria(all: readonly Criteria[], object: string): PlannedCriteria {
  const sfOf = new Map<Item, SfField>();
  const byKey = new Map<string, { sf: SfField; items: Item[] }>();
  for (const c of all) {
    for (const item of c.items) {
      const sf = sfField(item.field, object);
      sfOf.set(item, sf);
      const k = keyOf(sf);
      const entry = byKey.get(k) ?? byKey.set(k, { sf, items: [] }).get(k)!;
      entry.items.push(item);
    }
  }
  const keys = [...byKey.keys()].sort();
  const types = new Map(keys.map((k) => [k, naturalType(byKey.get(k)!.sf, byKey.get(k)!.items)]));
  const fellBack = new Map<string, { item: Item; reason: string }>();

  for (;;) {
    const mapping = buildMapping(keys, byKey, types);
    const results = all.map((c) => translateCriteria(c, mapping.fields(sfOf)));
    const next: string[] = [];
    for (const r of results) {
      for (const f of r.failures) {
        const k = keyOf(sfOf.get(f.item)!);
        if (!FALLS_BACK.has(types.get(k)!) || next.includes(k)) continue;
        if (translatesAsText(f.item, byKey.get(k)!.sf)) {
          next.push(k);
          fellBack.set(k, f);
        }
      }
    }
    if (next.length === 0) {
      // Fields only untranslated criteria use are left out of the record (countries stay: they
      // give regions and postal codes their context).
      const failed = new Set(results.flatMap((r) => r.failures.map((f) => f.item)));
      const used = new Set([...sfOf].filter(([item]) => !failed.has(item)).map(([, sf]) => mapping.names.get(keyOf(sf))));
      const fields = mapping.decls.filter((d) => d.name === KEY_FIELD || d.type === "country" || used.has(d.name));
      const notes = [...fellBack.entries()].map(([k, f]) => ({
        item: f.item,
        message: `${byKey.get(k)!.sf.written} is read as text (\`${mapping.names.get(k)}\`): ${f.reason}`,
      }));
      return { fields, results, notes };
    }
    for (const k of next) types.set(k, "string");
  }
}

function translatesAsText(item: Item, sf: SfField): boolean {
  const t: Target = { name: "x", type: "string", sf };
  const r = LOWER_BOUNDS.has(item.op) || UPPER_BOUNDS.has(item.op) ? translateRange(item, undefined, t, undefined) : translateItem(item, t, undefined);
  return r.ok;
}

function naturalType(sf: SfField, items: Item[]): CarveType {
  switch (sf.part) {
    case "country": return "country";
    case "state": return "region";
    case "postal_code": return "postal";
    case "city":
    case "street": return "string";
  }
  if (sf.apiName.toLowerCase() === "id") return "string";
  const known = KNOWN[sf.apiName.toLowerCase()];
  if (known) return known;
  const values = items.flatMap((i) => i.values);
  if (items.some((i) => TEXT_OPS.has(i.op)) || values.length === 0) return "string";
  if (values.every((v) => boolValue(v) !== undefined)) return "bool";
  const compared = items.some((i) => LOWER_BOUNDS.has(i.op) || UPPER_BOUNDS.has(i.op));
  if (compared && values.every((v) => decimalText(v))) {
    const money = values.some((v) => decimalText(v)!.currency) || /revenue|amount|price|cost|worth|salary|budget/i.test(sf.apiName);
    return money ? "money" : "number";
  }
  if ((compared || /date$/i.test(sf.apiName.replace(/__c$/i, ""))) && values.every(looksLikeDate)) return "date";
  return "string";
}

interface Mapping {
  names: Map<string, string>;
  decls: FieldDecl[];
  fields(sfOf: Map<Item, SfField>): FieldMapping;
}

function buildMapping(keys: string[], byKey: Map<string, { sf: SfField; items: Item[] }>, types: Map<string, CarveType>): Mapping {
  const names = new Map<string, string>();
  const decls = new Map<string, FieldDecl>([[KEY_FIELD, { name: KEY_FIELD, type: "string", sources: [] }]]);
  for (const k of keys) {
    const { sf } = byKey.get(k)!;
    const type = types.get(k)!;
    // Typed country and state variants share one field; text ones keep their own.
    let name = type === "string" && (sf.part === "country" || sf.part === "state") ? sf.textName : sf.carve;
    const taken = decls.get(name);
    if (taken && !(taken.type === type && (type === "country" || type === "region" || (name === KEY_FIELD && type === "string")))) {
      let i = 2;
      while (decls.has(`${name}_${i}`)) i++;
      name = `${name}_${i}`;
    }
    names.set(k, name);
    const decl = decls.get(name) ?? decls.set(name, { name, type, sources: [] }).get(name)!;
    decl.sources.push(sf.written);
  }
  // A field cannot also be the dotted prefix of another (`billing` and `billing.city`).
  for (const name of [...decls.keys()]) {
    if (![...decls.keys()].some((n) => n.startsWith(`${name}.`))) continue;
    const decl = decls.get(name)!;
    decls.delete(name);
    decl.name = `${name}_value`;
    decls.set(decl.name, decl);
    for (const [k, n] of names) if (n === name) names.set(k, decl.name);
  }
  const ordered = [...decls.values()].sort((a, b) => (a.name === KEY_FIELD ? -1 : b.name === KEY_FIELD ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const countries = ordered.filter((d) => d.type === "country").map((d) => d.name);
  const prefixOf = (n: string) => (n.includes(".") ? n.slice(0, n.lastIndexOf(".")) : "");
  return {
    names,
    decls: ordered,
    fields: (sfOf) => ({
      target: (item) => {
        const sf = sfOf.get(item)!;
        const k = keyOf(sf);
        return { name: names.get(k)!, type: types.get(k)!, sf };
      },
      // As the checker does (docs/language.md §4.8): the country field of the same address, else the first.
      countryFieldOf: (t) => (t.type === "region" || t.type === "postal" ? (countries.find((c) => prefixOf(c) === prefixOf(t.name)) ?? countries[0]) : undefined),
    }),
  };
}
