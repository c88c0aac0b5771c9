// `carve compile PATH --target json -o FILE`: the artifact a service loads with @carve/runtime;
// `--target js`: the same decisions as a dependency-free ES module (docs/backends.md);
// `--target sql --dialect D [--table NAME] [--as-of DATE]`: one query deciding a table (docs/sql.md).
import { writeFileSync } from "node:fs";
import { artifactJson, emitJsModule, emitSql, type SqlDialect } from "@carve/compiler";
import { parseAsOf } from "../as-of.js";
import { compilePath } from "../load.js";
import { displayPath, ExitCode, IoError, UsageError } from "../output.js";

export interface CompileOptions {
  target: "json" | "js" | "sql";
  output?: string;
  color?: boolean;
  /** --target sql only */
  dialect?: SqlDialect;
  table?: string;
  asOf?: string;
}

export function runCompile(path: string, opts: CompileOptions): number {
  const sql = sqlOptions(opts);
  const compiled = compilePath(path, opts.color);
  if (!compiled) return ExitCode.Findings;
  const text =
    sql ? `${emitSql(compiled.artifact, sql)};\n`
    : opts.target === "js" ? emitJsModule(compiled.artifact)
    : artifactJson(compiled.artifact);
  if (!opts.output || opts.output === "-") {
    process.stdout.write(text);
    return ExitCode.Ok;
  }
  try {
    writeFileSync(opts.output, text);
  } catch (e) {
    throw new IoError(`cannot write ${opts.output}: ${(e as Error).message}`);
  }
  process.stderr.write(`wrote ${displayPath(opts.output)} (${compiled.artifact.territories.length} territories, hash ${compiled.artifact.hash.slice(0, 12)})\n`);
  return ExitCode.Ok;
}

/** The SQL options, checked before any work; undefined for the other targets, which take none of them. */
function sqlOptions(opts: CompileOptions): { dialect: SqlDialect; table?: string; asOf?: string } | undefined {
  if (opts.target !== "sql") {
    const stray = [opts.dialect && "--dialect", opts.table !== undefined && "--table", opts.asOf !== undefined && "--as-of"].filter(Boolean);
    if (stray.length > 0) throw new UsageError(`${stray.join(", ")} ${stray.length > 1 ? "go" : "goes"} with --target sql only`);
    return undefined;
  }
  if (!opts.dialect) throw new UsageError("--target sql needs --dialect duckdb|postgres|snowflake|bigquery");
  const table = opts.table;
  if (table !== undefined && (table.trim() === "" || table.split(".").some((p) => p === ""))) {
    throw new UsageError(`--table ${JSON.stringify(table)} is not a table name: write NAME or SCHEMA.NAME`);
  }
  const asOf = parseAsOf(opts.asOf);
  return { dialect: opts.dialect, ...(table !== undefined ? { table } : {}), ...(asOf !== undefined ? { asOf } : {}) };
}
