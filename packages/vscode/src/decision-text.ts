// A decision from the server's `carve.explain` as text: the outcome, one labelled line each, then
// the runtime's steps, numbered. The runtime already words every step (a failed condition comes
// with its line and the record's value), so this only lays them out. The shape is read loosely:
// the runtime owns it, and this package may depend on the language server alone.

interface OwnerLike {
  kind: string;
  id: string;
  team?: string;
}

interface DecisionLike {
  status: string;
  key?: string;
  owner?: OwnerLike;
  territory?: { id: string; label?: string; path?: string[] };
  via?: string;
  overlays?: { territory: string; owner?: OwnerLike }[];
  asOf?: string;
  ruleset?: { name: string; hash: string };
  errors?: { field: string; reason: string }[];
  trace?: { message: string }[];
}

/** The text for a decision, or undefined when `value` is not one. */
export function decisionText(value: unknown): string | undefined {
  if (!isDecision(value)) return undefined;
  const d = value;
  const rows: [string, string][] = [];
  if (d.key !== undefined) rows.push(["record", d.key]);
  rows.push(["status", d.status]);
  if (d.status === "invalid") {
    (d.errors ?? []).forEach((e, i) => rows.push([i === 0 ? "errors" : "", `${e.field}: ${e.reason}`]));
  } else {
    rows.push(["owner", d.owner ? ownerText(d.owner) : "none"]);
    const t = d.territory;
    const path = t?.path && t.path.length > 1 ? `  (path ${t.path.join(" › ")})` : "";
    rows.push(["territory", t ? `${t.id}${t.label ? ` ${JSON.stringify(t.label)}` : ""}${path}` : "none"]);
    if (d.via !== undefined) rows.push(["via", d.via]);
    const overlays = d.overlays ?? [];
    rows.push(["overlays", overlays.length === 0 ? "none" : overlays.map((o) => `${o.territory} → ${o.owner ? ownerText(o.owner) : "no one available"}`).join(", ")]);
  }
  if (d.asOf !== undefined) rows.push(["as of", d.asOf]);
  if (d.ruleset) rows.push(["ruleset", `${d.ruleset.name} ${d.ruleset.hash.slice(0, 12)}`]);

  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const trace = d.trace ?? [];
  if (trace.length > 0) {
    const n = String(trace.length).length;
    lines.push("", "steps:", ...trace.map((e, i) => `${String(i + 1).padStart(n)}. ${e.message}`));
  }
  return lines.join("\n");
}

function ownerText(o: OwnerLike): string {
  return o.team ? `${o.id} (${o.kind}, team ${o.team})` : `${o.id} (${o.kind})`;
}

function isDecision(v: unknown): v is DecisionLike {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.status === "string" && (d.trace === undefined || (Array.isArray(d.trace) && d.trace.every((e) => typeof e?.message === "string")));
}
