// Calendar days as integers (days since 1970-01-01, UTC) so date fields and plan windows are
// ordinary integer intervals.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Windows are tested against every period of every territory and rep: the same few dates are
// parsed over and over. Bounded so a long-running server does not grow it without end.
const parsed = new Map<string, number | undefined>();

/** The day number of "YYYY-MM-DD", or undefined when the text is not such a date. */
export function toDay(date: string): number | undefined {
  let day = parsed.get(date);
  if (day === undefined && !parsed.has(date)) {
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(date, (day = parseDay(date)));
  }
  return day;
}

function parseDay(date: string): number | undefined {
  const m = DATE.exec(date);
  if (m === null) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  d.setUTCFullYear(Number(m[1]));
  const day = Math.round(d.getTime() / MS_PER_DAY);
  return fromDay(day) === date ? day : undefined;
}

export function fromDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(da).padStart(2, "0")}`;
}

export function addDays(date: string, n: number): string {
  const day = toDay(date);
  if (day === undefined) throw new Error(`not a date: ${date}`);
  return fromDay(day + n);
}
