// How Salesforce writes values in criteria: comma-separated lists (a value holding a comma is put in
// double quotes), amounts with a currency ("USD 10,000"), US-style dates ("8/27/2020"), booleans.

/** Splits `A, B,"C, D"` into [A, B, "C, D"]; blank entries are dropped. */
export function splitValues(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const out: string[] = [];
  let i = 0;
  while (i <= raw.length) {
    while (i < raw.length && raw[i] === " ") i++;
    let value: string;
    if (raw[i] === '"') {
      const close = raw.indexOf('"', i + 1);
      const end = close < 0 ? raw.length : close;
      value = raw.slice(i + 1, end);
      const comma = raw.indexOf(",", end);
      i = comma < 0 ? raw.length + 1 : comma + 1;
    } else {
      const comma = raw.indexOf(",", i);
      const end = comma < 0 ? raw.length : comma;
      value = raw.slice(i, end);
      i = end + 1;
    }
    value = value.trim();
    if (value !== "") out.push(value);
  }
  return out;
}

const CURRENCY = /^(?:[A-Z]{3}\s*|[$€£¥])/;

/** A plain decimal for Carve ("USD 10,000" → "10000"), or undefined when not a non-negative number. */
export function decimalText(value: string): { text: string; currency: boolean } | undefined {
  const v = value.trim();
  const currency = CURRENCY.test(v);
  const digits = v.replace(CURRENCY, "").replace(/,(?=\d{3}(?:\D|$))/g, "");
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return undefined;
  const [whole, frac] = digits.split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = frac?.replace(/0+$/, "");
  return { text: f ? `${w}.${f}` : w, currency };
}

/** ISO date text for "2020-08-27" or US-style "8/27/2020"; undefined for anything else. */
export function dateText(value: string): string | undefined {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A value that reads as a date or a date-time, or Salesforce's relative dates (TODAY, LAST_N_DAYS:7). */
export function looksLikeDate(value: string): boolean {
  const v = value.trim();
  return (
    dateText(v.split(/[ T]/)[0]) !== undefined ||
    /^(TODAY|YESTERDAY|TOMORROW|(LAST|THIS|NEXT)_[A-Z_]+(:\d+)?|N_[A-Z_]+:\d+)$/i.test(v)
  );
}

export function boolValue(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return v === "true" ? true : v === "false" ? false : undefined;
}
