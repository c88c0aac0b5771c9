// `country`: ISO 3166-1 alpha-2. Codes and English names come from i18n-iso-countries (only its
// English locale is registered, so bundles carry one language).
import countries from "i18n-iso-countries/index.js";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { NameIndex, lookupName } from "./keys.js";
import { fail, isMissing, listOf, missing, ok, reject, show, type Normalized } from "./result.js";
import { closest } from "./suggest.js";

countries.registerLocale(en);

/**
 * Common names found in CRM data that the English locale lacks. The UK's constituent countries
 * map to GB (a record in England is in GB: nothing is guessed). "Korea" alone stays ambiguous.
 */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ["Britain", "England", "Scotland", "Wales", "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"],
  NL: ["Holland"],
  KP: ["Korea, Democratic People's Republic of", "DPRK"],
  LA: ["Laos"],
  SY: ["Syria"],
  VN: ["Viet Nam"],
  SZ: ["Swaziland"],
  MM: ["Burma"],
  VA: ["Vatican", "Vatican City"],
  BN: ["Brunei"],
  TL: ["East Timor"],
  CV: ["Cabo Verde"],
  MK: ["Macedonia"],
  MO: ["Macau"],
  CD: ["DR Congo", "DRC", "Congo-Kinshasa"],
  CG: ["Congo-Brazzaville"],
  VI: ["US Virgin Islands"],
  VG: ["British Virgin Islands"],
};

interface CountryTables {
  /** alpha-2 → English name (the locale's first name). */
  names: Map<string, string>;
  /** upper-case alpha-2 and alpha-3 → alpha-2 */
  byCode: Map<string, string>;
  /** folded name → alpha-2 codes (more than one: an ambiguous name such as "Congo") */
  byName: Map<string, string[]>;
  /** every spelling, for "did you mean" */
  spellings: string[];
}

let tables: CountryTables | undefined;

function build(): CountryTables {
  const all = countries.getNames("en", { select: "all" });
  const names = new Map<string, string>();
  const byCode = new Map<string, string>();
  const byName = new NameIndex();
  const spellings: string[] = [];
  for (const code of Object.keys(all).sort()) {
    const list = [...all[code], ...(EXTRA_ALIASES[code] ?? [])];
    names.set(code, list[0]);
    byCode.set(code, code);
    list.forEach((n, i) => {
      spellings.push(n);
      byName.add(n, code, i === 0);
    });
  }
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) byCode.set(alpha3, alpha2);
  return { names, byCode, byName: byName.seal(), spellings };
}

function data(): CountryTables {
  return (tables ??= build());
}

const EXAMPLE = "use an ISO 3166-1 code such as US or an English name";

/** Normalises a country to its ISO 3166-1 alpha-2 code: "usa", "U.S.A.", " united states " → "US". */
export function normalizeCountry(input: unknown): Normalized<string> {
  const t = data();
  if (typeof input !== "string") {
    return isMissing(input) ? missing() : fail(`expected a country, got ${show(input)}: ${EXAMPLE}`);
  }
  const exact = t.byCode.get(input); // hot path: the value is already a code
  if (exact !== undefined && input.length === 2) return ok(exact);
  const s = input.trim();
  if (s.length === 0) return missing();
  if (s.length <= 3) {
    const code = t.byCode.get(s.toUpperCase());
    if (code !== undefined) return ok(code);
  }
  const codes = lookupName(t.byName, s);
  if (codes !== undefined) {
    if (codes.length === 1) return ok(codes[0]);
    const options = codes.map((c) => `${c} (${t.names.get(c)})`);
    return fail(`${show(s)} is ambiguous: it could be ${listOf(options)}; use the ISO 3166-1 code`, codes);
  }
  return reject(`${show(s)} is not a country`, EXAMPLE, suggestCountries(s));
}

function suggestCountries(s: string): string[] {
  const t = data();
  // Short inputs look like codes: compare them with codes; longer ones with names.
  return s.length <= 3 ? closest(s.toUpperCase(), t.names.keys()) : closest(s, t.spellings);
}

/** The English name of an alpha-2 (or alpha-3) code, e.g. "US" → "United States of America". */
export function countryName(code: string): string | undefined {
  const t = data();
  const alpha2 = t.byCode.get(code.trim().toUpperCase());
  return alpha2 === undefined ? undefined : t.names.get(alpha2);
}

/** True for an ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return code.length === 2 && data().names.has(code);
}

/** Every country, by code. */
export function listCountries(): { code: string; name: string }[] {
  return [...data().names].map(([code, name]) => ({ code, name }));
}
