// The last SELECT: the decision's numbers decoded into the columns of `carve assign --out
// FILE.csv` — status, territory, territory_label, owner, owner_kind, owner_team, via, overlays —
// by joining three small constant tables (territories, owners, vias). A join costs the same for
// ten territories or ten thousand; a CASE with an arm per territory would cost per arm, per row.
import type { Artifact } from "@carve/runtime";
import type { Dialect } from "./dialects.js";
import type { Owners } from "./owners.js";

export interface Decoding {
  /** constant tables, as CTEs (name, body) */
  ctes: { name: string; sql: string }[];
  /** the decision columns of the final SELECT */
  columns: string[];
  /** the joins after `FROM <last stage>` */
  joins: string[];
}

/**
 * `from`: the last stage, whose rows carry carve_ok, carve_t (territory index + 1), carve_code,
 * carve_m (the owner code) and, per overlay k, carve_v{k} and carve_vc{k}.
 */
export function decoding(a: Artifact, d: Dialect, owners: Owners, from: string, overlayCount: number): Decoding {
  const ctes: Decoding["ctes"] = [];
  const table = (name: string, cols: string[], rows: (number | string | undefined)[][]) => {
    if (rows.length > 0) ctes.push({ name, sql: `SELECT * FROM ${d.valuesTable("v", cols, rows)}` });
    return rows.length > 0;
  };
  const hasTerritories = table("carve_territories", ["t", "id", "label"], a.territories.map((t, i) => [i + 1, t.id, t.label]));
  const hasOwners = table(
    "carve_owners",
    ["m", "id", "kind", "team", "text"],
    owners.rows.map((o, i) => [i, o.id, o.kind, o.team, `${o.kind}:${o.id}${o.team !== undefined ? `@${o.team}` : ""}`]),
  );
  const hasVias = table("carve_vias", ["v", "via"], owners.vias.map((v, i) => [i * owners.base, v]));

  const joins: string[] = [];
  const join = (present: boolean, alias: string, tableName: string, key: string, on: string) => {
    if (present) joins.push(`LEFT JOIN ${tableName} AS ${alias} ON ${alias}.${key} = ${on}`);
    return (col: string) => (present ? `${alias}.${col}` : "NULL");
  };
  const territory = join(hasTerritories, "carve_tt", "carve_territories", "t", `${from}.carve_t`);
  const owner = join(hasOwners, "carve_oo", "carve_owners", "m", `${from}.carve_m`);
  const via = join(hasVias, "carve_vv", "carve_vias", "v", `(${from}.carve_code - ${from}.carve_m)`);
  const items: string[] = [];
  for (let k = 0; k < overlayCount; k++) {
    const id = join(hasTerritories, `carve_tt${k}`, "carve_territories", "t", `${from}.carve_v${k}`);
    const who = join(hasOwners, `carve_oo${k}`, "carve_owners", "m", `${from}.carve_vc${k}`);
    items.push(`CASE WHEN ${from}.carve_v${k} IS NOT NULL THEN ${id("id")} || '=' || COALESCE(${who("text")}, '') END`);
  }
  return {
    ctes,
    joins,
    columns: [
      `CASE WHEN NOT ${from}.carve_ok THEN 'invalid' WHEN ${from}.carve_code IS NULL THEN 'unassigned' ELSE 'assigned' END AS status`,
      `${territory("id")} AS territory`,
      `${territory("label")} AS territory_label`,
      `${owner("id")} AS owner`,
      `${owner("kind")} AS owner_kind`,
      `${owner("team")} AS owner_team`,
      `${via("via")} AS via`,
      `${items.length === 0 ? "''" : d.joinNonNull(";", items)} AS overlays`,
    ],
  };
}
