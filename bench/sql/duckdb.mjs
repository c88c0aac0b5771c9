#!/usr/bin/env node
// The SQL backend at warehouse scale: DuckDB (embedded, every core) deciding N generated leads with
// the query `carve compile --target sql --dialect duckdb` emits for a generated plan. The leads
// are normalised by the runtime and loaded as the table the query reads; the first leads' decisions
// are checked against the runtime's before any figure is kept (exit 3 on a disagreement).
//   node bench/sql/duckdb.mjs '{"size":1000,"rows":10000000}'    (run.mjs passes this; prints JSON last)
import { DuckDBInstance } from "@duckdb/node-api";
import { LEAD_SEED, generatePlan, leadStream } from "../generate-plan.mjs";
import { AS_OF, compilePlan, loadCarve } from "../lib/carve.mjs";
import { elapsedMs, now } from "../lib/measure.mjs";

const CHECKED = 20_000;
const { size = 1000, rows = 10_000_000 } = JSON.parse(process.argv[2] ?? "{}");
const log = (m) => process.stderr.write(`${m}\n`);

const carve = await loadCarve();
const plan = generatePlan(size);
const { artifact } = compilePlan(carve, plan);
const runtime = new carve.runtime.Runtime(artifact, { countAssignments: false });
const fields = artifact.schema.fields;
const columns = carve.compiler.sqlColumns(artifact, "duckdb");

const db = await DuckDBInstance.create(":memory:");
const conn = await db.connect();
await conn.run(`CREATE TABLE records (${columns.map((c) => `${c.column} ${c.type}`).join(", ")})`);

// Each raw lead normalised by the runtime: what `carve assign --normalize-only` writes.
let t0 = now();
const appender = await conn.createAppender("records");
const expected = [];
const stream = leadStream(LEAD_SEED);
let loaded = 0;
for (let i = 0; i < rows; i++) {
  const { raw } = stream.next().value;
  const n = runtime.normalize(raw);
  if (!n.ok) continue;
  if (expected.length < CHECKED) expected.push(runtime.evaluate(raw, { asOf: AS_OF, sideEffects: false }));
  fields.forEach((f, k) => {
    const v = n.values[k];
    if (v === undefined) appender.appendNull();
    else if (f.type === "int") appender.appendBigInt(BigInt(v));
    else if (f.type === "money" || f.type === "number") appender.appendDouble(v);
    else appender.appendVarchar(String(v));
  });
  appender.endRow();
  loaded++;
}
appender.closeSync();
const loadMs = elapsedMs(t0);
log(`   generated, normalised and loaded ${loaded.toLocaleString("en-US")} rows in ${(loadMs / 1000).toFixed(1)} s`);

const query = carve.compiler.emitSql(artifact, { dialect: "duckdb", asOf: AS_OF });
t0 = now();
await conn.run(`CREATE TABLE decided AS ${query}`);
const queryMs = elapsedMs(t0);

const sample = (await conn.runAndReadAll(`SELECT * FROM decided WHERE id <= '${expected[expected.length - 1]?.key ?? ""}'`)).getRowObjectsJS();
const byId = new Map(sample.map((r) => [r.id, r]));
let mismatches = 0;
let example;
for (const d of expected) {
  const r = byId.get(d.key);
  const same = r && r.status === d.status && (r.territory ?? undefined) === d.territory?.id && (r.owner ?? undefined) === d.owner?.id && (r.via ?? undefined) === d.via;
  if (!same) {
    mismatches++;
    example ??= { id: d.key, runtime: { status: d.status, territory: d.territory?.id, owner: d.owner?.id, via: d.via }, sql: r };
  }
}
if (mismatches > 0) fail(`the query disagrees with the runtime on ${mismatches} of ${expected.length} leads, e.g. ${JSON.stringify(example)}`, 3);
const [{ threads, version }] = (await conn.runAndReadAll("SELECT current_setting('threads') AS threads, version() AS version")).getRowObjectsJS();
conn.closeSync();
db.closeSync();
console.log(JSON.stringify({
  status: "ok", size, rows: loaded, loadS: loadMs / 1000, queryS: queryMs / 1000, rowsPerS: loaded / (queryMs / 1000),
  queryKB: query.length / 1024, threads: Number(threads), duckdb: version, checked: expected.length, mismatches,
}));

function fail(message, code = 1) {
  log(`error: ${message}`);
  process.exit(code);
}
