// The record schema: fields by dotted name, with the checks that belong to the declaration itself
// (duplicate fields, one `key`, enum values, a field that is also the prefix of a dotted field).
import type { RecordDecl } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { Codes } from "../diagnostics/catalogue.js";
import { normalizeEnum } from "@carve/values";
import { report, type Sema } from "./context.js";
import type { FieldInfo, RecordSchema } from "./types.js";

export function buildRecord(s: Sema, decl: RecordDecl, file: string): RecordSchema {
  const schema: RecordSchema = { name: decl.name?.text ?? "", decl, file, fields: new Map() };
  let keyAt: Range | undefined;
  for (const f of decl.fields ?? []) {
    const name = f?.name?.text;
    const type = f?.type?.name;
    if (!name || !type) continue;
    const first = schema.fields.get(name);
    if (first) {
      report(s, Codes.DuplicateField, file, f.name.range, `the field \`${name}\` is declared twice`, {
        help: "remove one of the two declarations, or rename one of them",
        related: [{ file, range: first.decl.name.range, message: `\`${name}\` is first declared here` }],
      });
      continue;
    }
    const info: FieldInfo = { name, type, optional: !!f.optional, key: false, decl: f, file };
    if (type === "enum") {
      info.enumValues = checkEnum(s, file, f.type.values ?? []);
      if (info.enumValues.length === 0 && (f.type.values ?? []).length === 0) {
        report(s, Codes.EnumProblem, file, f.type.range, `the enum \`${name}\` lists no values`, {
          help: "list the allowed values, e.g. `enum(inbound, outbound)`",
        });
      }
    }
    if (f.key) {
      if (keyAt) {
        report(s, Codes.ExtraKey, file, f.key, `\`${name}\` is marked \`key\`, but \`${schema.keyField}\` already is`, {
          help: "a record has at most one key field: remove one `key`",
          related: [{ file, range: keyAt, message: `\`${schema.keyField}\` is the key` }],
        });
      } else {
        keyAt = f.key;
        info.key = true;
        schema.keyField = name;
      }
    }
    schema.fields.set(name, info);
    s.fieldSymbols.set(name, { kind: "field", name, file, nameRange: f.name.range, decl: f, field: info });
  }
  checkPrefixes(s, schema);
  assignCountryFields(schema);
  return schema;
}

function checkEnum(s: Sema, file: string, values: { text: string; range: Range }[]): string[] {
  const out: string[] = [];
  const ranges: Range[] = [];
  for (const v of values) {
    if (!v?.text) continue;
    // Values that match each other case-insensitively could never be told apart in input records.
    // (A fresh array each time: normalizeEnum caches its index per array.)
    const clash = out.length > 0 ? normalizeEnum(v.text, [...out]) : undefined;
    if (clash?.ok) {
      const i = out.indexOf(clash.value);
      const same = clash.value === v.text;
      report(s, Codes.EnumProblem, file, v.range,
        same ? `\`${v.text}\` is listed twice in this enum` : `\`${v.text}\` is the same value as \`${clash.value}\` (case and separators are ignored)`,
        { help: "remove the repeated value", related: [{ file, range: ranges[i], message: "first listed here" }] });
      continue;
    }
    out.push(v.text);
    ranges.push(v.range);
  }
  return out;
}

/** `account: string` and `account.id: string` cannot both exist: `account` would be text and an object. */
function checkPrefixes(s: Sema, schema: RecordSchema): void {
  for (const [name, info] of schema.fields) {
    const parts = name.split(".");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join(".");
      const other = schema.fields.get(prefix);
      if (other) {
        report(s, Codes.FieldPrefixConflict, info.file, info.decl.name.range,
          `\`${name}\` needs \`${prefix}\` to be an object, but \`${prefix}\` is declared as a field`, {
            help: `rename \`${prefix}\` (e.g. \`${prefix}.name\`) or this field`,
            related: [{ file: other.file, range: other.decl.name.range, message: `\`${prefix}\` is declared here` }],
          });
        break;
      }
    }
  }
}

/** Region and postal fields read their country from the country field with the same prefix, else the first one. */
function assignCountryFields(schema: RecordSchema): void {
  const countries = [...schema.fields.values()].filter((f) => f.type === "country");
  if (countries.length === 0) return;
  const prefixOf = (n: string) => (n.includes(".") ? n.slice(0, n.lastIndexOf(".")) : "");
  for (const f of schema.fields.values()) {
    if (f.type !== "region" && f.type !== "postal") continue;
    const same = countries.find((c) => prefixOf(c.name) === prefixOf(f.name));
    f.countryField = (same ?? countries[0]).name;
  }
}
