// One differential run: records through the runtime and through the emitted query in an engine,
// compared record by record. The records reach the query as the CLI hands them over: normalised
// by the runtime (`carve assign --normalize-only`); invalid ones never reach it.
import { compileProgram, emitSql, type SqlOptions } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { type Artifact, Runtime } from "@carve/runtime";
import type { SqlEngine } from "./engines.js";
import { differences, expectedRow } from "./expected.js";

/** Compiles in-memory files (entry first); throws with the errors when they do not compile cleanly. */
export function compileFiles(files: Record<string, string>, entry: string): Artifact {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([name, text]) => [`/plan/${name}`, text])));
  const result = compileProgram(loadProgram(`/plan/${entry}`, host));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.artifact || errors.length > 0) throw new Error(`the plan does not compile:\n${errors.map((d) => `  ${d.code} ${d.message}`).join("\n")}`);
  return result.artifact;
}

export interface RunResult {
  /** records valid and compared */
  compared: number;
  invalid: number;
  /** the first few disagreements (empty: the query and the runtime agree on every record) */
  differences: string[];
  queryMs: number;
}

/**
 * Loads the valid records into `table` and compares the query's rows with the runtime's decisions
 * as of `asOf` (`today` when `sql.asOf` is absent and the query reads the warehouse's date).
 */
export async function runDifferential(engine: SqlEngine, artifact: Artifact, records: readonly unknown[], asOf: string, sql: Omit<SqlOptions, "dialect">): Promise<RunResult> {
  const key = artifact.schema.key;
  if (key === undefined) throw new Error("the differential run needs a ruleset with a key field");
  // A stateless view of least_loaded: loads stay at zero (SQL reports the team anyway).
  const runtime = new Runtime(artifact, { countAssignments: false });
  const rows: unknown[][] = [];
  const expected = new Map<string, string[]>();
  let invalid = 0;
  for (const r of records) {
    const n = runtime.normalize(r);
    if (!n.ok) {
      invalid++;
      continue;
    }
    const d = runtime.evaluate(r, { asOf, sideEffects: false });
    const k = String(d.key);
    if (expected.has(k)) throw new Error(`two records share the key ${k}: the comparison needs distinct keys`);
    expected.set(k, expectedRow(k, d, artifact));
    rows.push(n.values);
  }
  await engine.load(artifact, "records", rows);
  const query = emitSql(artifact, { dialect: engine.dialect, ...sql });
  const t0 = performance.now();
  const result = await engine.query(query);
  const queryMs = performance.now() - t0;
  return { compared: rows.length, invalid, differences: differences(expected, result, key), queryMs };
}
