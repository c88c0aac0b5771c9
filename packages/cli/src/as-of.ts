// `--as-of DATE`: the decision date for `test`, `explain` and `assign`, checked before any work.
import { normalizeDate } from "@carve/values";
import { UsageError } from "./output.js";

/** The date as YYYY-MM-DD, or undefined when the flag is absent (the runtime then uses today, UTC). */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = normalizeDate(value);
  if (!d.ok) throw new UsageError(`--as-of ${JSON.stringify(value)} is not a date: write it as YYYY-MM-DD, e.g. 2027-01-15`);
  return d.value;
}
