// Peer (d): GoRules zen-engine (Rust, via N-API): one JDM decision table, hitPolicy "first", one
// row per territory in priority order and one input column per field. Cells are zen's unary
// expressions: `"US", "CA"` (any of), `[200..999]`, `>= 1000`, `startsWith($, "94") or …`.
// A cell that errors (e.g. startsWith on a missing postal code) fails its row, which is Carve's
// rule for missing optional fields. Evaluation is async only. Pre-normalised records only.
import { ZenEngine } from "@gorules/zen-engine";
import { FIELD_KINDS } from "../gen/rows.mjs";

const str = (v) => JSON.stringify(v);

function cell(field, c) {
  const kind = FIELD_KINDS[field];
  if (kind === "set") return c.map(str).join(", ");
  // No `$ != null and (…)` guard: zen's unary parser rejects the parentheses ("Incomplete parser output").
  if (kind === "prefix") return c.map((p) => `startsWith($, ${str(p)})`).join(" or ");
  if (c.min !== undefined && c.max !== undefined) return `[${c.min}..${c.max}]`;
  return c.min !== undefined ? `>= ${c.min}` : `<= ${c.max}`;
}

export function decisionContent(rows) {
  const fields = Object.keys(FIELD_KINDS).filter((f) => rows.some((r) => f in r.cond));
  const inputs = fields.map((f) => ({ id: `in_${f}`, name: f, field: f }));
  const rules = rows.map((row, i) => {
    const rule = { _id: `r${i}`, out_territory: str(row.id) };
    for (const f of fields) rule[`in_${f}`] = f in row.cond ? cell(f, row.cond[f]) : "";
    return rule;
  });
  const pos = { x: 0, y: 0 };
  return {
    nodes: [
      { id: "request", type: "inputNode", name: "request", position: pos },
      {
        id: "table", type: "decisionTableNode", name: "territories", position: pos,
        content: { hitPolicy: "first", inputs, outputs: [{ id: "out_territory", name: "territory", field: "territory" }], rules },
      },
      { id: "response", type: "outputNode", name: "response", position: pos },
    ],
    edges: [
      { id: "e1", sourceId: "request", targetId: "table", type: "edge" },
      { id: "e2", sourceId: "table", targetId: "response", type: "edge" },
    ],
  };
}

export function buildZen(rows) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(decisionContent(rows));
  return {
    async evaluate(rec) {
      const { result } = await decision.evaluate(rec);
      return result?.territory ?? null;
    },
    dispose: () => engine.dispose(),
  };
}
