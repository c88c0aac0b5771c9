// The plan as the flat first-match table the peer engines evaluate: one row per territory in
// priority order, a nested group flattened as (parent ∧ child₁) … (parent ∧ childₖ), then the parent
// alone (its `assign` is the fallback). This is exactly Carve's semantics for `first` groups, so
// the row that matches first is the record's deepest matching territory. No row: `otherwise`.
import { merge } from "./plan.mjs";

/** [{ id: "us_ca.us_ca_ent_tech", cond }] in priority order. */
export function planRows(model) {
  const rows = [];
  for (const t of model.territories) {
    for (const c of t.children ?? []) rows.push({ id: `${t.name}.${c.name}`, cond: merge(t.cond, c.cond) });
    rows.push({ id: t.name, cond: t.cond });
  }
  return rows;
}

/** How each field is tested. */
export const FIELD_KINDS = {
  country: "set", region: "set", industry: "set", source: "set",
  postal_code: "prefix", employees: "range", annual_revenue: "range",
};
