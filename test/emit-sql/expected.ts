// Comparing the SQL backend with the runtime record by record: the runtime's decision as the row
// `carve assign --out FILE.csv` writes for it (csvRow), and the query's row in the same order.
// SPEC 3: a team with a stateful strategy is reported as the team, not the member it would pick.
import { SQL_DECISION_COLUMNS } from "@carve/compiler";
import type { Artifact, Decision, Owner } from "@carve/runtime";
import { csvRow } from "../../packages/cli/src/records-write.js";
import type { Row } from "./engines.js";

/** The decision with every member of a stateful team replaced by the team. */
export function asSqlReports(d: Decision, artifact: Artifact): Decision {
  const stateful = new Set(artifact.roster.teams.filter((t) => t.strategy.kind !== "hash").map((t) => t.id));
  const owner = (o: Owner | undefined): Owner | undefined =>
    o?.team !== undefined && stateful.has(o.team) ? ({ kind: "team", id: o.team } as unknown as Owner) : o;
  return {
    ...d,
    owner: owner(d.owner),
    overlays: d.overlays.map((x) => (x.owner ? { ...x, owner: owner(x.owner)! } : x)),
  };
}

/** The runtime's side: key, then the decision columns. */
export function expectedRow(key: string, d: Decision, artifact: Artifact): string[] {
  return csvRow(key, asSqlReports(d, artifact));
}

/** The query's side, NULL as the empty cell. */
export function actualRow(row: Row, keyColumn: string): string[] {
  const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return [cell(row[keyColumn]), ...SQL_DECISION_COLUMNS.map((c) => cell(row[c]))];
}

/**
 * Rows that differ, by key (at most `limit`, each with both sides), and the keys only one side has.
 * Empty when the query and the runtime agree on every record.
 */
export function differences(expected: Map<string, string[]>, rows: readonly Row[], keyColumn: string, limit = 5): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const actual = actualRow(row, keyColumn);
    const key = actual[0];
    seen.add(key);
    const want = expected.get(key);
    if (want === undefined) out.push(`${key}: only in the query's result`);
    else if (JSON.stringify(want) !== JSON.stringify(actual)) out.push(`${key}:\n  runtime ${JSON.stringify(want)}\n  sql     ${JSON.stringify(actual)}`);
    if (out.length >= limit) return out;
  }
  for (const key of expected.keys()) {
    if (!seen.has(key)) out.push(`${key}: missing from the query's result`);
    if (out.length >= limit) break;
  }
  return out;
}
