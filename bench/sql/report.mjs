// The report's section for the SQL backend (bench/sql/duckdb.mjs's result).
import { int, rate } from "../lib/format.mjs";

export function sqlSection(s) {
  const out = ["### SQL backend (`carve compile --target sql --dialect duckdb`)", ""];
  if (s?.status !== "ok") return [...out, s?.note ?? "not run", ""];
  out.push(
    `DuckDB ${s.duckdb} (embedded, ${s.threads} threads) ran the ${Math.round(s.queryKB)} KB query for the ${int(s.size)}-territory plan ` +
      `over ${int(s.rows)} generated leads (normalised by the runtime and loaded beforehand, ${s.loadS.toFixed(1)} s): ` +
      `**${s.queryS.toFixed(1)} s** (${rate(s.rowsPerS)}), writing every decision to a table. ` +
      `The first ${int(s.checked)} decisions match the runtime's.`,
    "",
  );
  return out;
}
