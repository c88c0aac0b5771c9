// Witness records written the way a `given { … }` block writes them, so that a user can paste
// one into a test: `{country: US, region: US-CA, industry: healthcare, employees: 5}`.
import type { RecordSchema } from "@carve/runtime";

const BARE_TYPES = new Set(["enum", "country", "region", "rep", "int", "number", "money", "date", "bool"]);

/** A value as a `given { … }` block writes it: codes, enum values and numbers bare, text quoted. */
export function literal(value: unknown, type: string | undefined): string {
  if (typeof value === "string") {
    return type && BARE_TYPES.has(type) && /^[A-Za-z0-9_-]+$/.test(value) ? value : JSON.stringify(value);
  }
  return String(value);
}

export function witnessText(witness: Record<string, unknown>, schema: RecordSchema): string {
  const types = new Map(schema.fields.map((f) => [f.name, f.type]));
  const parts = Object.entries(witness).map(([k, v]) => `${k}: ${literal(v, types.get(k))}`);
  return `{${parts.join(", ")}}`;
}

export function periodText(period: { from?: string; until?: string } | undefined): string {
  if (!period || (!period.from && !period.until)) return "";
  if (period.from && period.until) return ` (from ${period.from} until ${period.until})`;
  return period.from ? ` (from ${period.from})` : ` (until ${period.until})`;
}
