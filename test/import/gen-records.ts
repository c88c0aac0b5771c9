// Generated Salesforce records for comparing an imported ruleset with the tests' interpreter:
// each record is aimed at one rule (most of its criteria satisfied, some not), with the other
// fields drawn from the values the rules mention, so both matches and near misses are common.
// Values fit the Carve type the import gave each field, as real data would (a country is a
// country, a state belongs to its country), so every record is valid for Carve too.
import { countryName, listRegions, normalizeCountry, normalizePostal, normalizeRegion } from "@carve/values";
import type { FieldMap } from "@carve/compiler";
import { splitList, type SfRecord } from "./sf-interpreter.js";
import type { SfCriterion } from "./sf-metadata.js";

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `Account.BillingCity` → `BillingCity` for rules on `object`. */
export function sfKey(written: string, object: string): string {
  return written.startsWith(`${object}.`) ? written.slice(object.length + 1) : written;
}

export interface FieldInfo {
  type: string;
  carve: string;
}

export function fieldTypes(fields: FieldMap[], object: string): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  for (const f of fields) for (const s of f.salesforce) out.set(sfKey(s, object), { type: f.type, carve: f.carve });
  return out;
}

const SOME_COUNTRIES = ["US", "DE", "FI", "CN", "JP", "BR", "ES", "FR"];

export function generateRecords(criteria: SfCriterion[][], fields: Map<string, FieldInfo>, object: string, count: number, seed: number): SfRecord[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const pool = new Map<string, string[]>();
  for (const c of criteria.flat()) {
    const k = sfKey(c.field, object);
    pool.set(k, [...(pool.get(k) ?? []), ...splitList(c.value)]);
  }
  const aimed = criteria.filter((c) => c.length > 0);

  const satisfy = (c: SfCriterion): string | undefined => {
    const values = splitList(c.value);
    const other = pool.get(sfKey(c.field, object)) ?? [];
    const type = fields.get(sfKey(c.field, object))?.type ?? "string";
    const v = values.length > 0 ? pick(values) : undefined;
    switch (c.operation) {
      case "equals": return v === undefined ? undefined : rand() < 0.2 && type === "string" ? v.toUpperCase() : v;
      case "contains": return v === undefined ? undefined : type === "string" && rand() < 0.5 ? `x ${v} y` : v;
      case "startsWith": return v === undefined ? undefined : type === "postal" || /^\d+$/.test(v) ? (v + "00000").slice(0, Math.max(5, v.length)) : `${v}${rand() < 0.5 ? "" : " Co"}`;
      case "notEqual":
      case "notContain": return rand() < 0.3 ? undefined : pick(other.length > 0 ? other : ["zzz"]);
      default: return v;
    }
  };

  const out: SfRecord[] = [];
  for (let n = 0; n < count; n++) {
    const rec: SfRecord = { Id: `R-${seed}-${n}` };
    for (const [k, values] of pool) if (rand() < 0.25 && values.length > 0) rec[k] = pick(values);
    if (aimed.length > 0) {
      // Positive criteria first; a negative one only fills a field no positive one has set.
      const chosen = pick(aimed);
      const negative = (c: SfCriterion) => c.operation === "notEqual" || c.operation === "notContain";
      const set = new Set<string>();
      for (const c of [...chosen.filter((x) => !negative(x)), ...chosen.filter(negative)]) {
        const k = sfKey(c.field, object);
        if (rand() >= 0.85 || (negative(c) && set.has(k))) continue;
        rec[k] = satisfy(c);
        set.add(k);
      }
    }
    out.push(fit(rec, fields, rand));
  }
  return out;
}

/** Makes typed fields hold values Carve reads: countries, states of that country, postal codes of it. */
function fit(rec: SfRecord, fields: Map<string, FieldInfo>, rand: () => number): SfRecord {
  const byCarve = new Map<string, string[]>();
  for (const [k, f] of fields) byCarve.set(f.carve, [...(byCarve.get(f.carve) ?? []), k]);
  const country = (prefix: string): string | undefined => {
    const keys = [...fields].filter(([, f]) => f.type === "country" && f.carve.startsWith(prefix)).map(([k]) => k);
    return keys.map((k) => rec[k]).find((v) => v !== undefined);
  };
  for (const [carve, keys] of byCarve) {
    const type = fields.get(keys[0])!.type;
    const prefix = carve.includes(".") ? carve.slice(0, carve.lastIndexOf(".") + 1) : "";
    const given = keys.map((k) => rec[k]).find((v) => v !== undefined);
    if (type === "bool") {
      for (const k of keys) rec[k] = given !== undefined && /^(true|false)$/i.test(given) ? given.toLowerCase() : rand() < 0.5 ? "true" : "false";
    } else if (type === "country" && given !== undefined) {
      const r = normalizeCountry(given);
      const code = r.ok ? r.value : SOME_COUNTRIES[Math.floor(rand() * SOME_COUNTRIES.length)];
      for (const k of keys) rec[k] = k.endsWith("Code") ? code : countryName(code);
    } else if (type === "region" && given !== undefined) {
      const cc = country(prefix);
      const r = cc === undefined ? undefined : normalizeRegion(given, cc);
      const regions = cc === undefined ? [] : listRegions(cc);
      const code = r?.ok ? r.value : regions.length > 0 ? regions[Math.floor(rand() * regions.length)].code : undefined;
      for (const k of keys) rec[k] = code === undefined ? undefined : k.endsWith("Code") ? code.slice(3) : regions.find((x) => x.code === code)?.name;
    } else if (type === "postal" && given !== undefined) {
      const cc = country(prefix);
      for (const k of keys) rec[k] = normalizePostal(given, cc).ok ? given : undefined;
    } else if (type === "date" && given !== undefined) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(given.trim());
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(given.trim()) ? given.trim() : m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : undefined;
      for (const k of keys) rec[k] = iso;
    } else if ((type === "number" || type === "money" || type === "int") && given !== undefined) {
      const v = Number(given.replace(/^(?:[A-Z]{3}\s*|[$€£¥])/, "").replace(/,/g, ""));
      for (const k of keys) rec[k] = Number.isFinite(v) ? String(Math.max(0, Math.round(v + (rand() - 0.5) * 4))) : undefined;
    }
  }
  return rec;
}

/** The Carve input for a Salesforce record: each Carve field from its Salesforce field (codes first). */
export function carveRecord(rec: SfRecord, fields: FieldMap[], object: string): Record<string, string> {
  const out: Record<string, string> = { id: rec.Id! };
  for (const f of fields) {
    const keys = f.salesforce.map((s) => sfKey(s, object)).sort((a, b) => Number(b.endsWith("Code")) - Number(a.endsWith("Code")));
    const v = keys.map((k) => rec[k]).find((x) => x !== undefined && x.trim() !== "");
    if (v !== undefined) out[f.carve] = v;
  }
  return out;
}
