// The query's input: one column per record field, read from the table under a short alias
// (c0, c1, … in schema order), the comparison keys the runtime derives at normalisation (folded
// strings, postal digits), and the record's validity as far as SQL can see it.
import type { Artifact, FieldSchema, FieldType } from "@carve/runtime";
import type { Dialect } from "./dialects.js";
import { and, type Bool } from "./expr.js";

export class Fields {
  private readonly slots: Map<string, number>;

  constructor(
    readonly artifact: Artifact,
    readonly d: Dialect,
  ) {
    this.slots = new Map(artifact.schema.fields.map((f, i) => [f.name, i]));
  }

  get list(): readonly FieldSchema[] {
    return this.artifact.schema.fields;
  }

  field(name: string): FieldSchema {
    return this.list[this.slot(name)];
  }

  slot(name: string): number {
    const s = this.slots.get(name);
    if (s === undefined) throw new Error(`the artifact names a field that its schema does not declare: ${name}`);
    return s;
  }

  /** the field's normalised value */
  value(name: string): string {
    return `c${this.slot(name)}`;
  }

  /** what `==` / `in` compare: strings folded (SPEC 2.4), everything else the value */
  eqKey(name: string): string {
    return this.field(name).type === "string" ? `c${this.slot(name)}_f` : this.value(name);
  }

  /** what string tests and text ranges compare: folded strings, postal digits, else the value */
  textKey(name: string): string {
    const t = this.field(name).type;
    return t === "string" ? `c${this.slot(name)}_f` : t === "postal" ? `c${this.slot(name)}_p` : this.value(name);
  }

  /** SELECT list of the first stage: every field under its alias */
  sourceColumns(): string[] {
    return this.list.map((f, i) => `${this.d.fieldColumn(f.name)} AS c${i}`);
  }

  /**
   * The derived keys, as the runtime's normaliser sets them (normalize-record.ts `setKeys`):
   * strings lower-cased (the CLI's normalised text is already trimmed), postal codes without
   * spaces or hyphens (a normalised code is upper-case already).
   */
  derivedColumns(): string[] {
    const out: string[] = [];
    this.list.forEach((f, i) => {
      if (f.type === "string") out.push(`LOWER(c${i}) AS c${i}_f`);
      if (f.type === "postal") out.push(`REPLACE(REPLACE(c${i}, ' ', ''), '-', '') AS c${i}_p`);
    });
    return out;
  }

  /**
   * What makes a normalised row invalid that SQL can see: a required field without a value, an
   * enum value that is not declared, a rep field naming no rep. (Whether a country, region or
   * postal code exists needs reference data: the CLI checks that when it writes the columns.)
   */
  validity(): Bool {
    const reps = this.artifact.roster.reps.map((r) => this.d.str(r.id));
    const checks: Bool[] = [];
    this.list.forEach((f, i) => {
      const c = `c${i}`;
      let allowed: string[] | undefined;
      if (f.type === "enum") allowed = (f.enumValues ?? []).map((v) => this.d.str(v));
      if (f.type === "rep") allowed = reps;
      const member = allowed === undefined ? undefined : allowed.length === 0 ? "FALSE" : allowed.length === 1 ? `${c} = ${allowed[0]}` : this.d.inList(c, allowed, false);
      if (f.optional) {
        if (member !== undefined) checks.push(`(${c} IS NULL OR ${member})`);
      } else checks.push(`${c} IS NOT NULL`, ...(member !== undefined ? [member] : []));
    });
    return and(checks);
  }

  /** the column's SQL type, for the header that tells what the query reads */
  sqlType(t: FieldType): string {
    const ty = this.d.types;
    switch (t) {
      case "int":
        return ty.int;
      case "number":
      case "money":
        return ty.double;
      case "bool":
        return ty.bool;
      case "date":
        return ty.date;
      default:
        return ty.text;
    }
  }

  /** the field's value as the runtime's team hashing reads it (strategies.ts `hashKey`); '' when missing */
  hashText(name: string): string {
    const f = this.field(name);
    const v = this.value(name);
    const d = this.d;
    const text =
      f.type === "int" ? d.intText(v)
      : f.type === "number" || f.type === "money" ? d.numberText(v)
      : f.type === "date" ? d.dateText(v)
      : f.type === "bool" ? `CASE WHEN ${v} THEN 'true' WHEN NOT ${v} THEN 'false' END`
      : v;
    return `COALESCE(${text}, '')`;
  }
}
