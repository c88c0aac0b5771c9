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

/** Which rule normalizePostal applies to a country's codes (see postalRule). */
export const PostalRule = { Zip: 0, Canada: 1, Uk: 2, Generic: 3 } as const;
export type PostalRule = (typeof PostalRule)[keyof typeof PostalRule];

/** The rule for codes of `country` (a canonical country code; undefined or unknown: generic). */
export function postalRule(country: string | undefined): PostalRule {
  const cc = country === undefined ? undefined : knownCountry(country);
  if (cc !== undefined && ZIP_COUNTRIES.has(cc)) return PostalRule.Zip;
  if (cc === "CA") return PostalRule.Canada;
  return cc === "GB" ? PostalRule.Uk : PostalRule.Generic;
}

/**
 * True when `s` is already in the form normalizePostal gives under `rule`, so that
 * normalizePostal(s) is `s` itself: checked a character at a time, without regular expressions or
 * allocation, for callers that see mostly canonical codes (the runtime's fast path).
 */
export function isCanonicalPostal(s: string, rule: PostalRule): boolean {
  const n = s.length;
  switch (rule) {
    case PostalRule.Zip:
      return (n === 5 || (n === 10 && s.charCodeAt(5) === 0x2d && digitsAt(s, 6, 10))) && digitsAt(s, 0, 5);
    case PostalRule.Canada:
      return (
        n === 7 && s.charCodeAt(3) === 0x20 &&
        CA_FIRST.includes(s[0]) && isDigit(s.charCodeAt(1)) && CA_LETTER.includes(s[2]) &&
        isDigit(s.charCodeAt(4)) && CA_LETTER.includes(s[5]) && isDigit(s.charCodeAt(6))
      );
    case PostalRule.Uk:
      return n >= 6 && n <= 8 && s.charCodeAt(n - 4) === 0x20 && isDigit(s.charCodeAt(n - 3)) &&
        isUpper(s.charCodeAt(n - 2)) && isUpper(s.charCodeAt(n - 1)) && isUkOutward(s, n - 4);
    default: {
      if (n === 0 || n > 12 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(n - 1))) return false;
      for (let i = 1; i < n - 1; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x20 ? s.charCodeAt(i + 1) === 0x20 : c !== 0x2d && !isAlnum(c)) return false;
      }
      return true;
    }
  }
}

// The letters of the CANADA pattern above.
const CA_FIRST = "ABCEGHJKLMNPRSTVXY";
const CA_LETTER = "ABCEGHJKLMNPRSTVWXYZ";

/** The UK pattern's outward code, s[0 .. end): [A-Z]{1,2}\d[A-Z\d]? or GIR. */
function isUkOutward(s: string, end: number): boolean {
  if (end === 3 && s.startsWith("GIR")) return true;
  let i = 0;
  while (i < end && i < 2 && isUpper(s.charCodeAt(i))) i++;
  if (i === 0 || i >= end || !isDigit(s.charCodeAt(i))) return false;
  i++;
  if (i < end && (isUpper(s.charCodeAt(i)) || isDigit(s.charCodeAt(i)))) i++;
  return i === end;
}

function digitsAt(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c);
}

/**
 * normalizePostal's value for text that only needs trimming, upper-casing or its separator to be
 * canonical (" 94105 ", "m5v 2t6", "M5V2T6", "941051234"), or undefined: then normalizePostal
 * decides. No regular expressions.
 */
export function trimmedCanonicalPostal(text: string, rule: PostalRule): string | undefined {
  if (isCanonicalPostal(text, rule)) return text;
  const s = text.trim().toUpperCase();
  if (s !== text && isCanonicalPostal(s, rule)) return s;
  const separated = withSeparator(s, rule);
  return separated !== undefined && isCanonicalPostal(separated, rule) ? separated : undefined;
}

/**
 * The code with the separator its rule's pattern makes optional put back: the space before a
 * Canadian or UK inward code (always the last three characters), the hyphen of a ZIP+4 written
 * without one or with a space. Undefined when the rule has no such separator.
 */
function withSeparator(s: string, rule: PostalRule): string | undefined {
  const n = s.length;
  switch (rule) {
    case PostalRule.Canada:
    case PostalRule.Uk:
      return n >= 5 && n <= 7 && !s.includes(" ") ? `${s.slice(0, n - 3)} ${s.slice(n - 3)}` : undefined;
    case PostalRule.Zip:
      if (n === 9) return `${s.slice(0, 5)}-${s.slice(5)}`;
      return n === 10 && s.charCodeAt(5) === 0x20 ? `${s.slice(0, 5)}-${s.slice(6)}` : undefined;
    default:
      return undefined;
  }
}

/** postalDigits of a code isCanonicalPostal accepts (upper case already: only separators go). */
export function canonicalPostalDigits(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x2d) return s.slice(0, i) + canonicalPostalDigits(s.slice(i + 1));
  }
  return s;
}

function knownCountry(country: string): string | undefined {
  const c = normalizeCountry(country);
  return c.ok ? c.value : undefined;
}
