// Which kinds of literal fit which field types, and the CARVE041 report when one does not:
// "`employees` is an `int`, but this is a string", with a fix when the intent is plain
// (quote a word for a text field, unquote a number for a numeric one).
import type { FieldTypeName, Scalar } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import type { Fix } from "../diagnostics/diagnostic.js";
import { normalizeDate, normalizeNumber } from "@carve/values";
import { orList, report, sourceText, type Sema } from "./context.js";
import type { FieldInfo } from "./types.js";

const IN_CONDITIONS: Readonly<Record<FieldTypeName, readonly Scalar["kind"][]>> = {
  string: ["String"],
  int: ["Number"],
  number: ["Number"],
  money: ["Number"],
  bool: ["Bool"],
  date: ["Date"],
  country: ["Ident", "String"],
  region: ["Code", "String", "Ident"],
  postal: ["String"],
  domain: ["String"],
  rep: ["Ident", "String"],
  enum: ["Ident", "String"],
};

/**
 * Does a literal of this kind fit a field of this type? In a test's `given` (`input`), text is
 * also accepted for every type, as in input records ("1,200", "yes"), and numbers and dates for
 * text fields; bare words still must be names (enum values, countries, reps…).
 */
export function kindFits(type: FieldTypeName, kind: Scalar["kind"], input: boolean): boolean {
  if (IN_CONDITIONS[type]?.includes(kind)) return true;
  if (!input) return false;
  if (kind === "String") return true;
  // Input records may write yes/no as 1/0 or as bare words (SPEC 2.5); `given` reads like input.
  if (type === "bool") return kind === "Number" || kind === "Ident";
  return (type === "string" || type === "postal") && (kind === "Number" || kind === "Date");
}

const KIND_NAMES: Readonly<Record<Scalar["kind"], string>> = {
  String: "a string",
  Number: "a number",
  Bool: "a yes/no value",
  Date: "a date",
  Code: "a region code",
  Ident: "a bare name",
};

export function typeWithArticle(type: FieldTypeName): string {
  return `${type === "int" || type === "enum" ? "an" : "a"} \`${type}\``;
}

/** An example of a valid value, for help lines. */
export function typeExample(s: Sema, field: FieldInfo): string {
  switch (field.type) {
    case "string": return 'text in quotes, e.g. `"Acme Corp"`';
    case "int": return "a whole number, e.g. `1000`";
    case "number": return "a number, e.g. `12.5`";
    case "money": return "an amount, e.g. `250M` or `1_500`";
    case "bool": return "`true` or `false`";
    case "date": return "a date, e.g. `2027-01-15`";
    case "country": return "an ISO 3166-1 code such as `US`, or a quoted English name";
    case "region": return 'an ISO 3166-2 code such as `US-CA`, or a quoted name such as `"California"`';
    case "postal": return 'a postal code in quotes, e.g. `"94105"`';
    case "domain": return 'a domain in quotes, e.g. `"acme.com"`';
    case "rep": {
      const rep = [...s.symbols.values()].find((x) => x.kind === "rep");
      return rep ? `the name of a rep, e.g. \`${rep.name}\`` : "the name of a rep";
    }
    case "enum": return `one of ${orList((field.enumValues ?? []).slice(0, 8))}${(field.enumValues?.length ?? 0) > 8 ? ", …" : ""}`;
    default: return "a value of the field's type";
  }
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** The fix that turns the literal into the kind the field wants, when the intent is plain. */
function kindFix(s: Sema, file: string, field: FieldInfo, lit: Scalar): { help: string; fix?: Fix } | undefined {
  const src = sourceText(s, file, lit.range);
  const textual = field.type === "string" || field.type === "postal" || field.type === "domain";
  if (textual && lit.kind !== "String" && src.length > 0) {
    const newText = quoted(src);
    return { help: `put the text in quotes: \`${newText}\``, fix: { label: `quote \`${src}\``, file, range: lit.range, newText } };
  }
  if (lit.kind === "String") {
    const v = lit.value.trim();
    const numeric = field.type === "int" || field.type === "number" || field.type === "money";
    if (numeric && /^[0-9][0-9_]*(\.[0-9]+)?[KMB]?$/.test(v) && normalizeNumber(v).ok) {
      return { help: `write the number without quotes: \`${v}\``, fix: { label: `unquote ${v}`, file, range: lit.range, newText: v } };
    }
    if (field.type === "date" && normalizeDate(v).ok && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      return { help: `write the date without quotes: \`${v}\``, fix: { label: `unquote ${v}`, file, range: lit.range, newText: v } };
    }
    if (field.type === "bool" && (v === "true" || v === "false")) {
      return { help: `write \`${v}\` without quotes`, fix: { label: `unquote ${v}`, file, range: lit.range, newText: v } };
    }
  }
  return undefined;
}

/** CARVE041 at the literal. */
export function reportKindMismatch(s: Sema, file: string, field: FieldInfo, lit: Scalar): void {
  const fix = kindFix(s, file, field, lit);
  report(s, Codes.ValueTypeMismatch, file, lit.range,
    `\`${field.name}\` is ${typeWithArticle(field.type)}, but this is ${KIND_NAMES[lit.kind] ?? "another kind of value"}`, {
      help: fix?.help ?? `write ${typeExample(s, field)}`,
      fixes: fix?.fix ? [fix.fix] : [],
    });
}

/** CARVE041 for a pattern (`starts with`, `ends with`, `contains`) that is not a string. */
export function reportPatternKind(s: Sema, file: string, lit: Scalar): void {
  const src = sourceText(s, file, lit.range);
  const newText = quoted(src);
  report(s, Codes.ValueTypeMismatch, file, lit.range, `text to match is written in quotes, but this is ${KIND_NAMES[lit.kind] ?? "another kind of value"}`, {
    help: `put it in quotes: \`${newText}\``,
    fixes: src ? [{ label: `quote \`${src}\``, file, range: lit.range, newText }] : [],
  });
}
