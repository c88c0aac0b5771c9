// Dates are ISO "YYYY-MM-DD" strings throughout: they compare correctly as strings, so windows
// cost two string comparisons and no parsing.
import { normalizeDate } from "@carve/values";
import type { Window } from "./artifact-types.js";

/** True when `asOf` is inside the window (both ends inclusive; an absent end is open). */
export function inWindow(w: Window | undefined, asOf: string): boolean {
  return w === undefined || ((w.from === undefined || w.from <= asOf) && (w.until === undefined || asOf <= w.until));
}

/** "from 2027-02-01 until 2027-06-30", for explanations. */
export function windowText(w: { from?: string; until?: string } | undefined): string {
  if (!w) return "always";
  if (w.from !== undefined && w.until !== undefined) return `from ${w.from} until ${w.until}`;
  return w.from !== undefined ? `from ${w.from}` : `until ${w.until}`;
}

const DAY = 86_400_000;
let dayStart = 0;
let dayEnd = -1;
let today = "";

/** Today's date in UTC, recomputed only when the day changes (evaluate calls it per record). */
export function todayUtc(): string {
  const now = Date.now();
  if (now < dayStart || now >= dayEnd) {
    dayStart = Math.floor(now / DAY) * DAY;
    dayEnd = dayStart + DAY;
    today = new Date(dayStart).toISOString().slice(0, 10);
  }
  return today;
}

let lastInput: unknown;
let lastResult: { ok: true; value: string } | { ok: false; reason: string } = { ok: false, reason: "" };

/** The `asOf` option as an ISO date (a Date object or an ISO date-time is accepted too). */
export function resolveAsOf(input: unknown): { ok: true; value: string } | { ok: false; reason: string } {
  if (input === undefined) return { ok: true, value: todayUtc() };
  if (typeof input === "string" && input === lastInput) return lastResult;
  const d = normalizeDate(input);
  const result = d.ok
    ? ({ ok: true, value: d.value } as const)
    : ({ ok: false, reason: `the \`asOf\` option is not a date: ${d.reason}` } as const);
  if (typeof input === "string") {
    lastInput = input;
    lastResult = result;
  }
  return result;
}
