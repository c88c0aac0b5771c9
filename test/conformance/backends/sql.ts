// The SQL backend (`carve compile --target sql`) in DuckDB and in PostgreSQL, as a warehouse job
// runs it: each record is normalised by the CLI's step (`carve assign --normalize-only`: an invalid
// record is rejected there and never reaches SQL), loaded as the one row of `records`, and decided
// by the query emitted for the record's date. DuckDB gets the date folded into the query,
// PostgreSQL keeps it as a literal the query tests — so both forms run every case.
import { emitSql, type SqlDialect } from "@carve/compiler";
import { type Artifact, Runtime } from "@carve/runtime";
import { duckdbEngine, postgresEngine, type Row, type SqlEngine } from "../../emit-sql/engines.js";
import type { Backend, DecisionLike, OwnerLike } from "../backend.js";
import type { ConformanceCase } from "../schema.js";

const STATEFUL = /\bstrategy\s+(round_robin|least_loaded)\b/;

function sqlBackend(name: string, dialect: SqlDialect, start: () => Promise<SqlEngine>, foldAsOf: boolean): Backend {
  let engine: Promise<SqlEngine> | undefined;
  return {
    name,
    prepare(artifact: Artifact) {
      const normalizer = new Runtime(artifact);
      const queries = new Map<string, string>();
      return async (record, asOf) => {
        const n = normalizer.normalize(record);
        if (!n.ok) return { status: "invalid", overlays: [], errors: n.errors };
        const e = await (engine ??= start());
        await e.load(artifact, "records", [n.values]);
        let query = queries.get(asOf);
        if (query === undefined) queries.set(asOf, (query = emitSql(artifact, { dialect, asOf, foldAsOf })));
        const rows = await e.query(query);
        if (rows.length !== 1) throw new Error(`the query returned ${rows.length} rows for one record`);
        return decisionOf(rows[0]);
      };
    },
    // SPEC 3: SQL reports a stateful team as the owner; the cases expect the member it picks.
    skip(c: ConformanceCase) {
      return Object.values(c.files).some((text) => STATEFUL.test(text)) ? "round_robin and least_loaded teams are reported as the team in SQL (SPEC 3)" : undefined;
    },
    async close() {
      if (engine) await (await engine).close();
    },
  };
}

/** A result row back into the decision's shape (the column encodings are in docs/sql.md). */
function decisionOf(row: Row): DecisionLike {
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  const owner = (kind: string | undefined, id: string | undefined, team: string | undefined): OwnerLike | null =>
    kind === undefined || id === undefined ? null : { kind: kind as OwnerLike["kind"], id, ...(team !== undefined ? { team } : {}) };
  const overlays = (text(row.overlays) ?? "")
    .split(";")
    .filter((item) => item !== "")
    .map((item) => {
      const eq = item.indexOf("=");
      const who = item.slice(eq + 1);
      const m = /^([a-z]+):([^@]+)(?:@(.+))?$/.exec(who);
      return { territory: item.slice(0, eq), owner: m ? owner(m[1], m[2], m[3]) : null };
    });
  const territory = text(row.territory);
  return {
    status: text(row.status) as DecisionLike["status"],
    territory: territory === undefined ? null : { id: territory },
    owner: owner(text(row.owner_kind), text(row.owner), text(row.owner_team)),
    via: text(row.via) ?? null,
    overlays,
  };
}

export const sqlDuckdbBackend = sqlBackend("sql-duckdb", "duckdb", duckdbEngine, true);
export const sqlPostgresBackend = sqlBackend("sql-postgres", "postgres", postgresEngine, false);
