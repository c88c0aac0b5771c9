// Literal values against a field's type (SPEC 2.4, 2.5): kind (CARVE041), domain (CARVE042 with
// "did you mean"), ambiguous region codes (CARVE043), dates (CARVE044), whole numbers (CARVE055).
// Every value that checks is normalised through @carve/values and recorded in `literals`.
import type { Scalar, StringLit } from "../ast/nodes.js";
import { Codes, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { suggest } from "../diagnostics/suggest.js";
import {
  foldString, normalizeBool, normalizeCountry, normalizeDate, normalizeDomain, normalizeEnum, normalizeInt,
  normalizeNumber, normalizePostal, normalizeString, normalizeValue, postalDigits, type Normalized,
} from "@carve/values";
import { didYouMeanText, replaceFixes, report, type Sema } from "./context.js";
import { backtickLead, resolveRegion, splitReason } from "./check-region.js";
import { resolveName } from "./resolve-names.js";
import type { FieldInfo, LiteralValue, RepSymbol } from "./types.js";
import { kindFits, reportKindMismatch, reportPatternKind, typeExample } from "./value-kinds.js";

export interface ValueCtx {
  file: string;
  /** a test's `given`: values are read as the runtime reads an input record */
  input?: boolean;
  /**
   * Per `country` field: in a condition, the ISO codes the conjunction limits it to; in a `given`,
   * the country as given (one raw value).
   */
  countries?: ReadonlyMap<string, readonly string[]>;
  /** report nothing: a given value the test expects to be invalid */
  quiet?: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** How a suggested value is written back into the source: bare when it can be, else quoted. */
function renderAs(lit: Scalar): (v: string) => string {
  return (v) => (lit.kind !== "String" && (IDENT.test(v) || CODE.test(v)) ? v : JSON.stringify(v));
}

function rawOf(lit: Scalar): string | number | boolean {
  switch (lit.kind) {
    case "String": return lit.value ?? "";
    case "Number": return lit.value;
    case "Bool": return lit.value;
    case "Date": return lit.value ?? "";
    case "Code": return lit.value ?? "";
    case "Ident": return lit.name?.text ?? "";
  }
}

function fail(
  s: Sema, ctx: ValueCtx, lit: Scalar, code: CatalogueEntry, message: string, help: string | undefined,
  suggestions: readonly string[] = [],
  /** the suggestions are alternatives the message already lists, not near misses: keep `help` */
  alternatives = false,
): undefined {
  if (ctx.quiet) return undefined;
  const render = renderAs(lit);
  report(s, code, ctx.file, lit.range, message, {
    help: suggestions.length > 0 && !alternatives ? didYouMeanText(suggestions, render) : help,
    fixes: replaceFixes(ctx.file, lit.range, suggestions, render),
  });
  return undefined;
}

/** A normaliser's failure as CARVE042 (or `code`), its reason split into message and help. */
function failWith(
  s: Sema, ctx: ValueCtx, lit: Scalar, r: { reason: string; suggestions?: string[] }, code: CatalogueEntry = Codes.InvalidValue,
  alternatives = false,
): undefined {
  const raw = rawOf(lit);
  const { message, help } = splitReason(r.reason, typeof raw === "string" ? raw.trim() : String(raw));
  return fail(s, ctx, lit, code, message, help, r.suggestions ?? [], alternatives);
}

/**
 * Checks one scalar against a field and returns its normalised value (recorded in `literals`),
 * or undefined after reporting why it does not fit.
 */
export function checkScalar(s: Sema, field: FieldInfo, lit: Scalar | undefined, ctx: ValueCtx): LiteralValue | undefined {
  if (!lit) return undefined;
  if (lit.kind === "Number" && !Number.isFinite(lit.value)) return undefined; // malformed: the lexer said so
  if (!kindFits(field.type, lit.kind, !!ctx.input)) {
    if (!ctx.quiet) reportKindMismatch(s, ctx.file, field, lit);
    return undefined;
  }
  const v = ctx.input ? inputValue(s, field, lit, ctx) : conditionValue(s, field, lit, ctx);
  if (v !== undefined) s.literals.set(lit, { kind: "value", type: field.type, value: v });
  return v;
}

function firstCountry(field: FieldInfo, ctx: ValueCtx): readonly string[] | undefined {
  return field.countryField ? ctx.countries?.get(field.countryField) : undefined;
}

/** A value in a condition: the literal is a constant of the field's domain. */
function conditionValue(s: Sema, field: FieldInfo, lit: Scalar, ctx: ValueCtx): LiteralValue | undefined {
  const raw = rawOf(lit);
  switch (field.type) {
    case "string": {
      const r = normalizeString(raw);
      return r.ok ? r.value : fail(s, ctx, lit, Codes.InvalidValue, "an empty string never matches anything",
        "to test for a missing value, write `FIELD is not set`");
    }
    case "int": {
      const r = normalizeInt(raw);
      return r.ok ? r.value : fail(s, ctx, lit, Codes.NotAnInteger, `\`${field.name}\` holds whole numbers, but \`${String(raw)}\` has a fractional part`,
        "write a whole number, or declare the field as `number`");
    }
    case "number":
    case "money":
      return ok(normalizeNumber(raw), s, ctx, lit);
    case "bool":
      return ok(normalizeBool(raw), s, ctx, lit);
    case "date":
      return checkDateValue(s, ctx, lit, String(raw));
    case "country":
      return countryValue(s, ctx, lit, String(raw));
    case "region": {
      const r = resolveRegion(String(raw), lit.kind === "Code", firstCountry(field, ctx));
      if (r.ok) return r.value;
      if (r.ambiguous) return fail(s, ctx, lit, Codes.AmbiguousRegion, r.message, r.help, r.suggestions, true);
      return fail(s, ctx, lit, Codes.InvalidValue, r.message, r.help, r.suggestions);
    }
    case "postal": {
      const scope = firstCountry(field, ctx);
      return ok(normalizePostal(raw, scope?.length === 1 ? scope[0] : undefined), s, ctx, lit);
    }
    case "domain":
      return ok(normalizeDomain(raw), s, ctx, lit);
    case "rep":
      return repValue(s, field, lit, ctx);
    case "enum":
      return enumValue(s, field, lit, ctx, String(raw));
    default:
      return undefined;
  }
}

/** A value in a test's `given`: read exactly as the runtime reads a record (SPEC 2.5). */
function inputValue(s: Sema, field: FieldInfo, lit: Scalar, ctx: ValueCtx): LiteralValue | undefined {
  if (field.type === "rep") return repValue(s, field, lit, ctx);
  if (field.type === "enum") return enumValue(s, field, lit, ctx, String(rawOf(lit)));
  if (field.type === "country") return countryValue(s, ctx, lit, String(rawOf(lit)));
  const country = firstCountry(field, ctx)?.[0];
  const r = normalizeValue(field.type, rawOf(lit), { country, enumValues: field.enumValues });
  if (r.ok) return r.value as LiteralValue;
  if (field.type === "date") return failWith(s, ctx, lit, r, Codes.InvalidDate);
  if (field.type === "region" && /ambiguous|bare region code/.test(r.reason)) return failWith(s, ctx, lit, r, Codes.AmbiguousRegion, true);
  return failWith(s, ctx, lit, r);
}

function ok<T extends LiteralValue>(r: Normalized<T>, s: Sema, ctx: ValueCtx, lit: Scalar): T | undefined {
  return r.ok ? r.value : failWith(s, ctx, lit, r);
}

function checkDateValue(s: Sema, ctx: ValueCtx, lit: Scalar, raw: string): string | undefined {
  const r = normalizeDate(raw);
  if (r.ok) return r.value;
  return fail(s, ctx, lit, Codes.InvalidDate, backtickLead(r.reason, raw.trim()), "write a real calendar date as YYYY-MM-DD");
}

function countryValue(s: Sema, ctx: ValueCtx, lit: Scalar, raw: string): string | undefined {
  const r = normalizeCountry(raw);
  if (r.ok) return r.value;
  return failWith(s, ctx, lit, r);
}

function enumValue(s: Sema, field: FieldInfo, lit: Scalar, ctx: ValueCtx, raw: string): string | undefined {
  const values = field.enumValues ?? [];
  if (values.length === 0) return undefined; // the declaration is reported (CARVE054)
  const r = normalizeEnum(raw, values);
  if (r.ok) return r.value;
  const text = raw.trim();
  return fail(s, ctx, lit, Codes.InvalidValue, `\`${text}\` is not one of the values of \`${field.name}\``,
    `use ${typeExample(s, field)}`, r.suggestions ?? []);
}

/** A `rep` value: a rep's name (a reference), or in quotes its name or e-mail. */
function repValue(s: Sema, field: FieldInfo, lit: Scalar, ctx: ValueCtx): string | undefined {
  if (lit.kind === "Ident") {
    const name = lit.name?.text ?? "";
    if (ctx.quiet) return s.symbols.get(name)?.kind === "rep" ? name : undefined;
    const rep = resolveName(s, ctx.file, lit.name, {
      kinds: ["rep"], noun: "rep", needs: `\`${field.name}\` holds reps`,
    });
    return rep?.name;
  }
  const text = String(rawOf(lit)).trim();
  const found = repsBySpelling(s).get(text.toLowerCase());
  if (found) return found.name;
  const reps = [...s.symbols.values()].filter((x): x is RepSymbol => x.kind === "rep");
  return fail(s, ctx, lit, Codes.InvalidValue, `\`${text}\` is neither the name nor the e-mail of a rep`,
    `use ${typeExample(s, field)}`, suggest(text, reps.map((r) => r.name)));
}

// Per program (symbols are all declared before any value is checked): each rep under its name and
// its e-mail, lower-cased. A search of every symbol per quoted value was quadratic in plans with
// many tests. The first rep to claim a spelling keeps it, as the search in declaration order did.
const repSpellings = new WeakMap<Sema, Map<string, RepSymbol>>();
function repsBySpelling(s: Sema): Map<string, RepSymbol> {
  let map = repSpellings.get(s);
  if (map) return map;
  map = new Map();
  for (const sym of s.symbols.values()) {
    if (sym.kind !== "rep") continue;
    const name = sym.name.toLowerCase();
    if (!map.has(name)) map.set(name, sym);
    const email = repEmail(sym)?.toLowerCase();
    if (email !== undefined && !map.has(email)) map.set(email, sym);
  }
  repSpellings.set(s, map);
  return map;
}

export function repEmail(rep: RepSymbol): string | undefined {
  const attr = (rep.decl.attrs ?? []).find((a) => a?.name === "email");
  return attr?.value?.kind === "String" ? attr.value.value.trim() : undefined;
}

/**
 * A text pattern for `starts with`, `ends with` or `contains`, normalised as it is compared:
 * string → folded, postal → its letters and digits, domain → lower-case.
 */
export function checkPattern(s: Sema, field: FieldInfo, lit: Scalar | undefined, ctx: ValueCtx): string | undefined {
  if (!lit) return undefined;
  if (lit.kind !== "String") {
    if (!ctx.quiet) reportPatternKind(s, ctx.file, lit);
    return undefined;
  }
  const v = patternValue(s, field, lit, ctx);
  if (v !== undefined) s.literals.set(lit, { kind: "value", type: field.type, value: v });
  return v;
}

function patternValue(s: Sema, field: FieldInfo, lit: StringLit, ctx: ValueCtx): string | undefined {
  const text = (lit.value ?? "").trim();
  if (text.length === 0) {
    return fail(s, ctx, lit, Codes.InvalidValue, "an empty pattern matches every value", "write the text to look for, or remove the test");
  }
  if (field.type === "postal") {
    if (!/^[A-Za-z0-9 -]+$/.test(text) || postalDigits(text).length === 0) {
      return fail(s, ctx, lit, Codes.InvalidValue, `\`${text}\` cannot be part of a postal code`, "use letters and digits, e.g. `\"941\"`");
    }
    return postalDigits(text);
  }
  if (field.type === "domain") {
    if (/\s/.test(text)) return fail(s, ctx, lit, Codes.InvalidValue, `\`${text}\` cannot be part of a domain: it has a space`, "remove the spaces");
    return text.toLowerCase();
  }
  return foldString(text);
}

/** A date written anywhere (windows, `away`, `as of`): CARVE044 when it is not a calendar date. */
export function checkDate(s: Sema, file: string, lit: Scalar | undefined): string | undefined {
  if (!lit) return undefined;
  if (lit.kind !== "Date") {
    report(s, Codes.ValueTypeMismatch, file, lit.range, "expected a date here", { help: "write a date as YYYY-MM-DD, e.g. `2027-01-15`" });
    return undefined;
  }
  const v = checkDateValue(s, { file }, lit, lit.value ?? "");
  if (v !== undefined) s.literals.set(lit, { kind: "value", type: "date", value: v });
  return v;
}

/** A whole number at least `min` (`capacity`, `weight`): CARVE055 otherwise. */
export function checkWhole(s: Sema, file: string, lit: Scalar | undefined, what: string, min: number): number | undefined {
  if (!lit) return undefined;
  if (lit.kind !== "Number") {
    report(s, Codes.NotAnInteger, file, lit.range, `\`${what}\` needs a whole number`, { help: `write a whole number, e.g. \`${Math.max(min, 1)}\`` });
    return undefined;
  }
  if (!Number.isFinite(lit.value)) return undefined;
  if (!Number.isInteger(lit.value) || lit.value < min) {
    report(s, Codes.NotAnInteger, file, lit.range,
      `\`${what}\` needs a whole number${min > 0 ? ` of at least ${min}` : ""}, but this is \`${lit.raw ?? lit.value}\``,
      { help: `write a whole number${min > 0 ? ` of at least ${min}` : ""}, e.g. \`${Math.max(min, Math.round(Math.abs(lit.value)) || 1)}\`` });
    return undefined;
  }
  s.literals.set(lit, { kind: "value", type: "int", value: lit.value });
  return lit.value;
}
