// `postal`: country-aware postal codes. US ZIP / ZIP+4, Canadian and UK postcodes are validated
// and put in their canonical form; other countries' codes are upper-cased with spaces collapsed.
import { normalizeCountry } from "./country.js";
import { fail, isMissing, missing, ok, show, type Normalized } from "./result.js";

/** Places whose postal codes are US ZIP codes (the US and its territories). */
const ZIP_COUNTRIES: ReadonlySet<string> = new Set(["US", "PR", "VI", "GU", "AS", "MP"]);

const SPACES = /\s+/g;
const ZIP = /^(\d{5})(?:[- ]?(\d{4}))?$/;
// Canada: letter-digit-letter digit-letter-digit; D, F, I, O, Q, U are never used, nor W or Z first.
const CANADA = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
// UK: outward code (area + district, e.g. SW1A, M1, B33) then inward code (sector + unit, 1AA).
const UK = /^([A-Z]{1,2}\d[A-Z\d]?|GIR) ?(\d[A-Z]{2})$/;
// Elsewhere: letters, digits, inner spaces and hyphens, at most 12 characters.
const GENERIC = /^[A-Z0-9](?:[A-Z0-9 -]{0,10}[A-Z0-9])?$/;
const NOT_ALNUM = /[^A-Z0-9]/g;

/**
 * Normalises a postal code for `country` (any spelling normalizeCountry accepts; without a
 * known country the generic rule applies). Numbers are accepted but never padded: a ZIP code
 * that lost its leading zero in a spreadsheet is reported, not guessed.
 */
export function normalizePostal(input: unknown, country?: string): Normalized<string> {
  let text: string;
  if (typeof input === "string") text = input;
  else if (typeof input === "number" && Number.isSafeInteger(input) && input >= 0) text = String(input);
  else return isMissing(input) ? missing() : fail(`expected a postal code, got ${show(input)}`);
  const s = text.trim().toUpperCase().replace(SPACES, " ");
  if (s.length === 0) return missing();
  const cc = country === undefined ? undefined : knownCountry(country);

  if (cc !== undefined && ZIP_COUNTRIES.has(cc)) {
    const m = ZIP.exec(s);
    if (m) return ok(m[2] === undefined ? m[1] : `${m[1]}-${m[2]}`);
    const lostZero = typeof input === "number" && s.length < 5 ? " (a number lost its leading zeros: send ZIP codes as text)" : "";
    return fail(`${show(text)} is not a US ZIP code: use 5 digits (94105) or ZIP+4 (94105-1234)${lostZero}`);
  }
  if (cc === "CA") {
    const m = CANADA.exec(s);
    if (m) return ok(`${m[1]} ${m[2]}`);
    return fail(`${show(text)} is not a Canadian postal code: use the form A1A 1A1, e.g. M5V 2T6`);
  }
  if (cc === "GB") {
    const m = UK.exec(s);
    if (m) return ok(`${m[1]} ${m[2]}`);
    return fail(`${show(text)} is not a full UK postcode: use the outward and inward codes, e.g. SW1A 1AA`);
  }
  if (GENERIC.test(s)) return ok(s);
  return fail(`${show(text)} is not a postal code: use letters, digits, spaces or hyphens (at most 12 characters)`);
}

/**
 * The key prefix and range tests compare: the normalised code without spaces or hyphens, upper-case
 * ("94105-1234" → "941051234", "M5V 2T6" → "M5V2T6"). Applying it to a source prefix such as
 * "94105-12" or "m5v 2" gives the matching key, so both sides always agree.
 */
export function postalDigits(normalized: string): string {
  return normalized.toUpperCase().replace(NOT_ALNUM, "");
}

function knownCountry(country: string): string | undefined {
  const c = normalizeCountry(country);
  return c.ok ? c.value : undefined;
}
