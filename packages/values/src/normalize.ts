// The dispatcher: one entry point per field type, used by the checker (literals) and the runtime
// (record fields), so both apply exactly the same rules (SPEC 2.5).
import { normalizeCountry } from "./country.js";
import { normalizeDomain } from "./domain.js";
import { normalizeInt, normalizeNumber } from "./number.js";
import { normalizePostal } from "./postal.js";
import { normalizeRegion } from "./region.js";
import { fail, type Normalized } from "./result.js";
import { normalizeBool, normalizeDate, normalizeEnum, normalizeString } from "./scalar.js";

export type FieldType =
  | "string" | "int" | "number" | "money" | "bool" | "date"
  | "country" | "region" | "postal" | "domain" | "rep" | "enum";

export const FIELD_TYPES: readonly FieldType[] = [
  "string", "int", "number", "money", "bool", "date", "country", "region", "postal", "domain", "rep", "enum",
];

export interface NormalizeContext {
  /** The record's country (any accepted spelling), for `region` and `postal`. */
  country?: string;
  /** The declared values, for `enum`. */
  enumValues?: readonly string[];
}

/**
 * Normalises `input` as a value of `type`. Never throws. `rep` values are only trimmed here: the
 * runtime and checker resolve them against the roster.
 */
export function normalizeValue(type: FieldType, input: unknown, ctx?: NormalizeContext): Normalized<unknown> {
  switch (type) {
    case "string":
    case "rep":
      return normalizeString(input);
    case "int":
      return normalizeInt(input);
    case "number":
    case "money":
      return normalizeNumber(input);
    case "bool":
      return normalizeBool(input);
    case "date":
      return normalizeDate(input);
    case "country":
      return normalizeCountry(input);
    case "region":
      return normalizeRegion(input, ctx?.country);
    case "postal":
      return normalizePostal(input, ctx?.country);
    case "domain":
      return normalizeDomain(input);
    case "enum":
      if (!ctx?.enumValues) return fail("this enum field declares no values");
      return normalizeEnum(input, ctx.enumValues);
    default:
      return fail(`unknown field type ${JSON.stringify(String(type))}`);
  }
}
