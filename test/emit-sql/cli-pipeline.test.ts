// The warehouse path through the built CLI, as docs/sql.md tells a user to run it:
// `carve assign --normalize-only` writes the table, `carve compile --target sql` writes the query,
// DuckDB runs it — and every row agrees with `carve assign --out` on the same records.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sqlColumns } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import { carve, repoRoot } from "../cli/helpers.js";

const acme = join(repoRoot, "examples", "acme");
const leads = join(acme, "leads.csv");
const AS_OF = "2027-03-01";

let dir: string;
let conn: DuckDBConnection;
let closeDb: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "carve-sql-cli-"));
  const db = await DuckDBInstance.create(":memory:");
  conn = await db.connect();
  closeDb = () => {
    conn.closeSync();
    db.closeSync();
  };
});
afterAll(() => {
  closeDb?.();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

describe("carve assign --normalize-only, then carve compile --target sql, then the warehouse", () => {
  test("decides every valid row of the example as `carve assign --out` does", async () => {
    const norm = join(dir, "leads-normalised.csv");
    const normalise = carve(["assign", acme, "--records", leads, "--normalize-only", "--out", norm, "--rejects", join(dir, "rejects.csv")]);
    expect(normalise.stderr).not.toMatch(/error/);
    expect(normalise.code).toBe(0);
    const accounting = /([\d,]+) rows = ([\d,]+) normalised \+ ([\d,]+) rejected/.exec(normalise.stdout);
    expect(accounting).not.toBeNull();
    const [total, valid, rejected] = accounting!.slice(1).map((n) => Number(n.replace(/,/g, "")));
    expect(valid + rejected).toBe(total);

    const compiled = carve(["compile", acme, "--target", "sql", "--dialect", "duckdb", "--as-of", AS_OF, "--table", "crm.leads", "-o", join(dir, "assign.sql")]);
    expect(compiled.code).toBe(0);
    const artifact = loadArtifact(carve(["compile", acme]).stdout).artifact;
    const columns = sqlColumns(artifact, "duckdb").map((c) => `${c.column} ${c.type}`);
    await conn.run("CREATE SCHEMA crm");
    await conn.run(`CREATE TABLE crm.leads (${columns.join(", ")})`);
    await conn.run(`COPY crm.leads FROM '${norm}' (HEADER, NULLSTR '')`);
    const decided = await rows(readFileSync(join(dir, "assign.sql"), "utf8"));
    expect(decided.length).toBe(valid);

    const out = join(dir, "assigned.csv");
    expect(carve(["assign", acme, "--records", leads, "--as-of", AS_OF, "--out", out]).code).toBe(0);
    const cli = new Map((await rows(`SELECT * FROM read_csv('${out}', all_varchar = true, nullstr = '')`)).map((r) => [r.id as string, r]));
    const stateful = new Set(artifact.roster.teams.filter((t) => t.strategy.kind !== "hash").map((t) => t.id));
    const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
    const differ: string[] = [];
    for (const r of decided) {
      const want = cli.get(r.id as string)!;
      // A stateful team's member depends on the rows before it: SQL names the team instead (SPEC 3).
      const team = cell(want.owner_team);
      const expected = stateful.has(team) ? { ...want, owner: team, owner_kind: "team", owner_team: "" } : want;
      for (const c of ["status", "territory", "territory_label", "owner", "owner_kind", "owner_team", "via", "overlays"]) {
        if (cell(expected[c]) !== cell(r[c])) differ.push(`${r.id as string} ${c}: assign ${cell(expected[c])}, sql ${cell(r[c])}`);
      }
    }
    expect(differ.slice(0, 10)).toEqual([]);
  }, 120_000);
});

describe("usage errors exit 2 before any work", () => {
  test.each([
    [["compile", acme, "--target", "sql"], "--target sql needs --dialect"],
    [["compile", acme, "--dialect", "duckdb"], "--dialect goes with --target sql only"],
    [["compile", acme, "--target", "sql", "--dialect", "oracle"], "Allowed choices are duckdb, postgres, snowflake, bigquery"],
    [["compile", acme, "--target", "sql", "--dialect", "duckdb", "--as-of", "2027-02-30"], "is not a date"],
    [["compile", acme, "--target", "sql", "--dialect", "duckdb", "--table", "crm..leads"], "is not a table name"],
    [["assign", acme, "--records", leads, "--normalize-only", "--as-of", "2027-01-01"], "--as-of has no effect with --normalize-only"],
  ])("carve %j", (args, message) => {
    const r = carve(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
