// `string`, `bool`, `date` and `enum`.
import { fail, isMissing, listOf, missing, ok, show, type Normalized } from "./result.js";
import { closest } from "./suggest.js";

// ---- string -------------------------------------------------------------------------------

/** Trims text; numbers, booleans and bigints are written as text. */
export function normalizeString(input: unknown): Normalized<string> {
  let s: string;
  if (typeof input === "string") s = input.trim();
  else if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail(`${show(input)} is not text`);
    s = String(input);
  } else if (typeof input === "boolean" || typeof input === "bigint") s = String(input);
  else return isMissing(input) ? missing() : fail(`expected text, got ${show(input)}`);
  return s.length === 0 ? missing() : ok(s);
}

/** The comparison key of a string (SPEC 2.4: comparisons ignore case and surrounding white space). */
export function foldString(s: string): string {
  return s.trim().toLowerCase();
}

// ---- bool ---------------------------------------------------------------------------------

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ["true", true], ["yes", true], ["y", true], ["1", true],
  ["false", false], ["no", false], ["n", false], ["0", false],
]);

/** true/false, yes/no, y/n, 1/0 (any case), booleans, and the numbers 0 and 1. */
export function normalizeBool(input: unknown): Normalized<boolean> {
  if (typeof input === "boolean") return ok(input);
  if (input === 1 || input === 0) return ok(input === 1);
  if (typeof input === "string") {
    const b = BOOLEANS.get(input.trim().toLowerCase());
    if (b !== undefined) return ok(b);
    if (isMissing(input)) return missing();
  } else if (isMissing(input)) return missing();
  return fail(`${show(input)} is not a yes/no value: use true or false (also yes/no, y/n, 1/0)`);
}

// ---- date ---------------------------------------------------------------------------------

// A date, optionally followed by a time and offset; only the calendar date as written is kept.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d|60)(?:[.,]\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/i;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`, proleptic Gregorian. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar date (year 0000–9999, month 1–12, day within the month). */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 0 && y <= 9999 &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const HOW_DATE = "use an ISO date such as 2027-01-15";

/**
 * Normalises a date to "YYYY-MM-DD". Accepts ISO dates, ISO date-times (the calendar date as
 * written is kept, whatever the offset: "2027-01-15T23:30:00-08:00" is 2027-01-15) and JS Date
 * objects (their UTC date). Other layouts (01/15/2027) are rejected: day and month order would be a guess.
 */
export function normalizeDate(input: unknown): Normalized<string> {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) return fail(`an invalid Date object is not a date: ${HOW_DATE}`);
    const y = input.getUTCFullYear();
    if (y < 0 || y > 9999) return fail(`the year ${y} is outside 0000–9999: ${HOW_DATE}`);
    return ok(formatDate(y, input.getUTCMonth() + 1, input.getUTCDate()));
  }
  if (typeof input !== "string") {
    return isMissing(input) ? missing() : fail(`expected a date, got ${show(input)}: ${HOW_DATE}`);
  }
  const s = input.trim();
  if (s.length === 0) return missing();
  const m = DATE_TIME.exec(s);
  if (m === null) return fail(`${show(input)} is not a date: ${HOW_DATE}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) {
    const why = mo < 1 || mo > 12 ? `there is no month ${m[2]}` : `${monthName(mo)} ${y} has ${daysInMonth(y, mo)} days`;
    return fail(`${show(input)} is not a valid date: ${why}`);
  }
  return ok(`${m[1]}-${m[2]}-${m[3]}`);
}

function formatDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthName(m: number): string {
  return MONTHS[m - 1];
}

// ---- enum ---------------------------------------------------------------------------------

const SEPARATORS = /[\s_-]+/g;

/** Enum matching key: case-insensitive, and "Public Sector" / "public-sector" match `public_sector`. */
function enumKey(s: string): string {
  return s.trim().toLowerCase().replace(SEPARATORS, "_");
}

// One lookup per declared list, built on first use (schemas pass the same array every time).
const enumIndexes = new WeakMap<readonly string[], Map<string, string>>();

function enumIndex(values: readonly string[]): Map<string, string> {
  let index = enumIndexes.get(values);
  if (!index) {
    index = new Map();
    for (const v of values) if (!index.has(enumKey(v))) index.set(enumKey(v), v);
    enumIndexes.set(values, index);
  }
  return index;
}

/** Matches a declared enum value case-insensitively and returns its declared spelling. */
export function normalizeEnum(input: unknown, values: readonly string[]): Normalized<string> {
  let s: string;
  if (typeof input === "string") s = input;
  else if (typeof input === "number" || typeof input === "boolean") s = String(input);
  else return isMissing(input) ? missing() : fail(`expected one of ${listOf(values)}, got ${show(input)}`);
  if (isMissing(s)) return missing();
  const index = enumIndex(values);
  const v = index.get(s) ?? index.get(enumKey(s)); // keys are their own enumKey: exact input skips folding
  if (v !== undefined) return ok(v);
  const near = closest(s.trim(), values);
  const hint = near.length > 0 ? `did you mean ${listOf(near)}?` : `expected one of ${listOf(values)}`;
  return fail(`${show(s.trim())} is not an allowed value: ${hint}`, near);
}
