// The whole query: a chain of stages (each `SELECT *, new columns FROM the previous one`), so every
// value is computed once per row, then one SELECT that decodes the decision (decode.ts).
import type { Artifact, Target } from "@carve/runtime";
import { Fields } from "./columns.js";
import { type Dialect, tableName } from "./dialects.js";
import { decoding } from "./decode.js";
import { boolSql, codeSql } from "./expr.js";
import { type AsOf, Owners } from "./owners.js";
import { hashStages } from "./team-hash.js";
import { Tree } from "./tree.js";

const AS_OF_COLUMN = "carve_as_of";

export interface QueryPlan {
  d: Dialect;
  table: string;
  /** YYYY-MM-DD, or undefined for today (UTC) in the warehouse */
  asOf?: string;
  /** false: keep the date's tests in the query (one date literal), even with `asOf` */
  foldAsOf: boolean;
}

export function buildQuery(a: Artifact, p: QueryPlan): string {
  const d = p.d;
  const f = new Fields(a, d);
  const asOf: AsOf = p.asOf !== undefined && p.foldAsOf ? { fixed: p.asOf } : { column: AS_OF_COLUMN };
  const owners = new Owners(a, asOf, (x) => `DATE '${x}'`);
  const tree = new Tree(a, f, owners);
  const I = "    ";

  const fieldTargets = repFieldTargets(a);
  const resolutions = fieldTargets.map((field, i) => {
    const column = `carve_r${i}`;
    owners.fieldTargets.set(field, column);
    return `${codeSql(owners.fieldResolution(f.value(field), d.str))} AS ${column}`;
  });
  const hash = hashStages(owners, f, d);

  const stages: { name: string; items: string[]; from?: string }[] = [];
  const source = [...f.sourceColumns()];
  if ("column" in asOf) source.push(`${p.asOf !== undefined ? `DATE '${p.asOf}'` : d.todayUtc} AS ${AS_OF_COLUMN}`);
  stages.push({ name: "carve_src", items: source, from: tableName(d, p.table) });
  stages.push({ name: "carve_in", items: ["*", ...f.derivedColumns(), ...hash.words, ...resolutions, `${boolSql(f.validity())} AS carve_ok`] });
  hash.stages.forEach((items, i) => stages.push({ name: `carve_h${i + 1}`, items: ["*", ...items] }));

  const overlays = tree.overlays(I);
  stages.push({
    name: "carve_t",
    items: [
      "*",
      `CASE WHEN carve_ok THEN ${tree.descent(0, 0, I)} END AS carve_t`,
      ...overlays.map((o, k) => `CASE WHEN carve_ok THEN ${o.outcome} END AS carve_v${k}`),
    ],
  });
  stages.push({
    name: "carve_c",
    items: [
      "*",
      `CASE WHEN carve_ok THEN ${codeSql(tree.decisionCode("carve_t", I))} END AS carve_code`,
      ...overlays.map((o, k) => `${codeSql(o.code(`carve_v${k}`))} AS carve_vc${k}`),
    ],
  });
  stages.push({ name: "carve_x", items: ["*", `${d.mod("carve_code", owners.base)} AS carve_m`] });

  const decode = decoding(a, d, owners, "carve_x", overlays.length);
  const select = [...keyColumns(a, f, d), ...decode.columns];
  const ctes = [
    ...stages.map((s, i) => `${s.name} AS (\n  SELECT\n    ${s.items.join(",\n    ")}\n  FROM ${s.from ?? stages[i - 1].name}${d.fence}\n)`),
    ...decode.ctes.map((c) => `${c.name} AS (\n  ${c.sql}\n)`),
  ];
  return `WITH\n${ctes.join(",\n")}\nSELECT\n  ${select.join(",\n  ")}\nFROM carve_x\n${decode.joins.join("\n")}`;
}

/** The rep fields that some override, territory, otherwise or overflow names as its target. */
function repFieldTargets(a: Artifact): string[] {
  const targets: (Target | undefined)[] = [
    ...a.overrides.map((o) => o.target),
    ...a.territories.map((t) => t.assign),
    ...a.groups.map((g) => g.otherwise),
    ...a.roster.teams.map((t) => t.overflow),
  ];
  const fields = new Set<string>();
  for (const t of targets) if (t?.kind === "field") fields.add(t.field);
  return [...fields];
}

/** The key field under its own name; without a key, every field (so rows can still be told apart). */
function keyColumns(a: Artifact, f: Fields, d: Dialect): string[] {
  const names = a.schema.key !== undefined ? [a.schema.key] : a.schema.fields.map((x) => x.name);
  return names.map((name) => `carve_x.${f.value(name)} AS ${d.fieldAlias(name)}`);
}
