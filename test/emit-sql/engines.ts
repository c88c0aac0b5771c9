// The two warehouses the SQL backend's tests run queries in: DuckDB embedded in the process, and
// PostgreSQL (test/setup/postgres.ts). Each loads normalised records into a typed table — DuckDB
// from the CSV that `carve assign --normalize-only` writes — and returns a query's rows.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlColumns } from "@carve/compiler";
import type { Artifact } from "@carve/runtime";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { csvLine } from "../../packages/cli/src/csv-write.js";
import { normalizedCsvRow } from "../../packages/cli/src/records-write.js";
import { type PgServer, startPostgres } from "../setup/postgres.js";

export type Row = Record<string, unknown>;

export interface SqlEngine {
  dialect: "duckdb" | "postgres";
  /** (Re)creates `table`: one typed column per field, one row per record (normalised values in schema order). */
  load(artifact: Artifact, table: string, rows: readonly (readonly unknown[])[]): Promise<void>;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

function createTable(artifact: Artifact, dialect: "duckdb" | "postgres", table: string): string {
  const cols = sqlColumns(artifact, dialect).map((c) => `${c.column} ${c.type}`);
  return `CREATE TABLE ${table} (${cols.join(", ")})`;
}

export async function duckdbEngine(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const dir = mkdtempSync(join(tmpdir(), "carve-duckdb-"));
  let files = 0;
  return {
    dialect: "duckdb",
    async load(artifact, table, rows) {
      const file = join(dir, `rows-${files++}.csv`);
      const header = csvLine(artifact.schema.fields.map((f) => f.name));
      writeFileSync(file, header + rows.map((r) => csvLine(normalizedCsvRow(r))).join(""));
      await conn.run(`DROP TABLE IF EXISTS ${table}`);
      await conn.run(createTable(artifact, "duckdb", table));
      if (rows.length > 0) await conn.run(`COPY ${table} FROM '${file}' (HEADER, NULLSTR '')`);
      rmSync(file);
    },
    async query(sql) {
      return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const BATCH = 5000;

export async function postgresEngine(): Promise<SqlEngine> {
  const server: PgServer = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  // JIT-compiling the query's large CASE expressions costs far more than it saves (docs/sql.md).
  await client.query("SET jit = off");
  return {
    dialect: "postgres",
    async load(artifact, table, rows) {
      const cols = sqlColumns(artifact, "postgres");
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(createTable(artifact, "postgres", table));
      // One array of text per column, cast in the INSERT: a few statements for any number of rows.
      const select = cols.map((c, i) => `CAST(u${i} AS ${c.type})`).join(", ");
      const unnest = cols.map((_, i) => `$${i + 1}::text[]`).join(", ");
      const names = cols.map((_, i) => `u${i}`).join(", ");
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const arrays = cols.map((_, i) => batch.map((r) => (r[i] === undefined ? null : String(r[i]))));
        await client.query(`INSERT INTO ${table} SELECT ${select} FROM unnest(${unnest}) AS u(${names})`, arrays);
      }
    },
    async query(sql) {
      return (await client.query(sql)).rows as Row[];
    },
    async close() {
      await client.end();
      await server.stop();
    },
  };
}

/**
 * One describe per executed dialect (DuckDB, PostgreSQL), its engine started before the tests
 * and closed after; `engine()` gives the running one.
 */
export function describeEngines(title: string, body: (engine: () => SqlEngine) => void): void {
  describe.each([
    { name: "DuckDB", start: duckdbEngine },
    { name: "PostgreSQL", start: postgresEngine },
  ])(title, ({ start }) => {
    let running: SqlEngine | undefined;
    beforeAll(async () => {
      running = await start();
    }, 120_000);
    afterAll(async () => {
      await running?.close();
    });
    body(() => running!);
  });
}
