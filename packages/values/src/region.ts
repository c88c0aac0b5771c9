// `region`: ISO 3166-2 subdivision codes ("US-CA"), from the generated table in data/regions.ts.
import { countryName, normalizeCountry } from "./country.js";
import { REGION_DATA } from "./data/regions.js";
import { NameIndex, addKey, lookupName } from "./keys.js";
import { fail, isMissing, listOf, missing, ok, reject, show, type Normalized } from "./result.js";
import { closest } from "./suggest.js";

interface RegionTables {
  /** full code, current or superseded ("IN-TG") → current full code ("IN-TS") */
  byCode: Map<string, string>;
  /** current full code → English name */
  names: Map<string, string>;
  /** bare subdivision part → current full codes using it, sorted ("CA" → [..., "US-CA"]) */
  bySub: Map<string, string[]>;
  /** country → folded name → full codes */
  byCountryName: Map<string, Map<string, string[]>>;
  /** folded name → full codes, all countries */
  byName: Map<string, string[]>;
  /** country → its current full codes, sorted */
  byCountry: Map<string, string[]>;
  /** country → every spelling of its regions' names, for "did you mean" */
  spellings: Map<string, string[]>;
  /** all spellings, built on the first worldwide suggestion */
  allSpellings?: string[];
}

let tables: RegionTables | undefined;

function build(): RegionTables {
  const t: RegionTables = {
    byCode: new Map(),
    names: new Map(),
    bySub: new Map(),
    byCountryName: new Map(),
    byName: new Map(),
    byCountry: new Map(),
    spellings: new Map(),
  };
  const global = new NameIndex();
  for (const country of Object.keys(REGION_DATA).sort()) {
    const local = new NameIndex();
    const codes: string[] = [];
    const spellings: string[] = [];
    for (const entry of REGION_DATA[country].split("|")) {
      const arrow = entry.indexOf(">");
      if (arrow > 0) {
        const current = `${country}-${entry.slice(arrow + 1)}`;
        t.byCode.set(`${country}-${entry.slice(0, arrow)}`, current);
        addKey(t.bySub, entry.slice(0, arrow), current);
        continue;
      }
      const eq = entry.indexOf("=");
      const code = `${country}-${entry.slice(0, eq)}`;
      const names = entry.slice(eq + 1).split(";");
      codes.push(code);
      t.byCode.set(code, code);
      t.names.set(code, names[0]);
      addKey(t.bySub, entry.slice(0, eq), code);
      names.forEach((n, i) => {
        spellings.push(n);
        local.add(n, code, i === 0);
        global.add(n, code, i === 0);
      });
    }
    t.byCountryName.set(country, local.seal());
    t.byCountry.set(country, codes.sort());
    t.spellings.set(country, spellings);
  }
  t.byName = global.seal();
  for (const list of t.bySub.values()) list.sort();
  return t;
}

function data(): RegionTables {
  return (tables ??= build());
}

/** Every full code whose subdivision part is `bareCode` ("CA" → ["ES-CA", "US-CA", …]), sorted. */
export function regionCandidates(bareCode: string): string[] {
  return [...(data().bySub.get(bareCode.trim().toUpperCase()) ?? [])];
}

/** The English name of a subdivision code ("US-CA" → "California"); superseded codes are resolved. */
export function regionName(code: string): string | undefined {
  const t = data();
  const current = t.byCode.get(code.trim().toUpperCase());
  return current === undefined ? undefined : t.names.get(current);
}

/** Every subdivision (of one country, when given), by code. */
export function listRegions(country?: string): { code: string; name: string }[] {
  const t = data();
  const codes = country === undefined ? [...t.names.keys()].sort() : (t.byCountry.get(country.trim().toUpperCase()) ?? []);
  return codes.map((code) => ({ code, name: t.names.get(code)! }));
}

const CODE_SEPARATORS = "-_ ";
const COUNTRY_PART = /^[A-Z]{2}/;
const NO_NAMES: ReadonlyMap<string, string[]> = new Map();

/**
 * Normalises a subdivision to its ISO 3166-2 code. Accepts the full code ("US-CA", "us ca",
 * "us_ca"), the bare code when the country is known ("CA" with US), and English names
 * ("California"), across all countries when the name is unambiguous. Superseded codes
 * normalise to the current one. `country` may be any spelling normalizeCountry accepts; an
 * unrecognised country is ignored (the country field reports its own error).
 */
export function normalizeRegion(input: unknown, country?: string): Normalized<string> {
  const t = data();
  if (typeof input !== "string") {
    return isMissing(input) ? missing() : fail(`expected a region, got ${show(input)}: use an ISO 3166-2 code such as US-CA`);
  }
  const cc = country === undefined ? undefined : knownCountry(country);
  const exact = t.byCode.get(input); // hot path: already a current code
  if (exact !== undefined && exact === input && (cc === undefined || (input.startsWith(cc) && input[2] === "-"))) return ok(input);
  const s = input.trim();
  if (s.length === 0) return missing();
  const upper = s.toUpperCase();

  // A full code: two letters, a separator, then 1–3 letters or digits.
  let fullCode: string | undefined;
  if (s.length >= 4 && s.length <= 6 && CODE_SEPARATORS.includes(s[2]) && COUNTRY_PART.test(upper)) {
    fullCode = `${upper.slice(0, 2)}-${upper.slice(3)}`;
    const current = t.byCode.get(fullCode);
    if (current !== undefined) return inCountry(current, s, cc);
  }
  // A bare code.
  const bare = s.length <= 3 ? t.bySub.get(upper) : undefined;
  if (bare !== undefined && cc !== undefined) {
    const current = t.byCode.get(`${cc}-${upper}`);
    if (current !== undefined) return ok(current);
  }
  // An English name.
  const local = cc === undefined ? undefined : lookupName(t.byCountryName.get(cc) ?? NO_NAMES, s);
  if (local !== undefined) return local.length === 1 ? ok(local[0]) : ambiguous(s, local);
  const global = lookupName(t.byName, s);
  if (global !== undefined && cc === undefined) {
    if (global.length === 1) return ok(global[0]);
    return ambiguous(s, global);
  }

  // Nothing fits: say precisely why.
  if (global !== undefined && cc !== undefined) {
    return fail(`${show(s)} is not a region of ${cc}: it is ${describe(global)}`);
  }
  if (bare !== undefined) {
    if (cc === undefined) {
      return fail(`${show(s)} is a bare region code: give the record's country or write the full code (${listOf(bare, 12)})`, bare);
    }
    return fail(`${show(s)} is not a region code of ${cc}: elsewhere it is ${describe(bare)}`, closestRegions(s, cc));
  }
  if (fullCode !== undefined && countryName(fullCode.slice(0, 2)) !== undefined) {
    const of = fullCode.slice(0, 2);
    return reject(`${show(s)} is not an ISO 3166-2 subdivision of ${of}`, example(of), closestRegions(fullCode.slice(3), of));
  }
  if (cc !== undefined) return reject(`${show(s)} is not a region of ${cc}`, example(cc), closestRegions(s, cc));
  return reject(`${show(s)} is not a region`, example(undefined), worldwideNearMisses(s));
}

/** Across ~5,000 names in every country only one-typo misses are worth suggesting. */
function worldwideNearMisses(text: string): string[] {
  const t = data();
  return closest(text, (t.allSpellings ??= [...t.spellings.values()].flat()), 3, 1);
}

function knownCountry(country: string): string | undefined {
  const c = normalizeCountry(country);
  return c.ok ? c.value : undefined;
}

function inCountry(code: string, text: string, cc: string | undefined): Normalized<string> {
  if (cc === undefined || (code.startsWith(cc) && code[2] === "-")) return ok(code);
  const region = describe([code]);
  const what = text.toUpperCase() === code ? region : `${show(text)} is ${region}, which`;
  return fail(`${what} is a region of ${code.slice(0, 2)}, but the country is ${cc}`);
}

function ambiguous(text: string, codes: readonly string[]): Normalized<string> {
  return fail(`${show(text)} is ambiguous: it could be ${describe(codes)}; give the country or write the full code`, codes);
}

/** "CA-ON (Ontario)" or "ES-CA (Cádiz), US-CA (California) or …" */
function describe(codes: readonly string[]): string {
  const names = data().names;
  return listOf(codes.map((c) => `${c} (${names.get(c)})`));
}

function example(cc: string | undefined): string {
  const first = cc === undefined ? undefined : data().byCountry.get(cc)?.[0];
  if (cc !== undefined && first === undefined) return `${cc} has no ISO 3166-2 subdivisions in Carve's reference data`;
  const code = first ?? "US-CA";
  return `use an ISO 3166-2 code such as ${code} or an English name such as "${data().names.get(code)}"`;
}

/** Near misses within a country: codes for code-like input, names otherwise. */
function closestRegions(text: string, cc: string): string[] {
  const t = data();
  const codes = t.byCountry.get(cc) ?? [];
  if (text.length <= 3) {
    const sub = text.toUpperCase();
    const near = closest(sub, codes.map((c) => c.slice(3)));
    return near.map((s) => `${cc}-${s}`);
  }
  return closest(text, t.spellings.get(cc) ?? []);
}
