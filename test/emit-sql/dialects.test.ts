// What can be checked without running a query: Snowflake and BigQuery cannot run here, so their
// queries are pinned by snapshots and read back with their own lexing rules; hostile names and
// strings stay literals in all four dialects, and run for real in DuckDB and PostgreSQL.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { emitSql, SQL_DIALECTS, type SqlDialect } from "@carve/compiler";
import { compileFiles, runDifferential } from "./differential.js";
import { describeEngines } from "./engines.js";
import { lex } from "./sql-text.js";

const features = compileFiles({ "features.carve": readFileSync(join(import.meta.dirname, "fixtures", "features.carve"), "utf8") }, "features.carve");

const HOSTILE_LABEL = "Quote's \"territory\" \\ -- */ ${x} `tick`\nDROP TABLE records;\u2028next";
// Lower case: string values are compared folded, and the query holds them folded.
const HOSTILE_NAMES = ["o'brien", "back\\slash", "new\nline", "tab\there", "emoji 😀", "'; drop table records; --"];
const esc = (s: string) => JSON.stringify(s).replace(/\u2028/g, "\\u{2028}");
const hostile = compileFiles(
  {
    "main.carve": `ruleset hostile
record Lead { id: string key  name: string?  note: string? }
rep o_brien
queue q_x
territories first {
  territory quotes ${esc(HOSTILE_LABEL)} { when name in [${HOSTILE_NAMES.map(esc).join(", ")}]  assign o_brien }
  territory affixes { when note starts with "it's" or note ends with "\\\\" or note contains "'--"  assign q_x }
  territory range { when name in "a'b".."z\\\\z" }
  otherwise q_x
}
`,
  },
  "main.carve",
);

describe.each(SQL_DIALECTS)("%s", (dialect) => {
  const queries = [features, hostile].flatMap((a) => [emitSql(a, { dialect, asOf: "2027-03-15" }), emitSql(a, { dialect })]);

  test("every literal, quoted name and parenthesis is closed, and the header is comments only", () => {
    for (const q of queries) {
      expect(lex(q, dialect).problems).toEqual([]);
      const header = q.slice(0, q.indexOf("\nWITH\n")).split("\n");
      for (const line of header) expect(line).toMatch(/^-- [^\r\u2028\u2029]*$/);
    }
  });

  test("hostile labels and values come back from the query text exactly as written", () => {
    const strings = new Set(lex(emitSql(hostile, { dialect, asOf: "2027-03-15" }), dialect).strings);
    for (const s of [HOSTILE_LABEL, ...HOSTILE_NAMES]) expect(strings.has(s)).toBe(true);
    expect(strings.has("it's")).toBe(true);
    expect(strings.has("\\")).toBe(true);
  });

  test("reads one column per field and returns the columns of `carve assign --out`", () => {
    const q = lex(queries[0], dialect);
    const expectedNames = dialect === "bigquery" ? ["id", "partner", "owner"] : ["id", "partner.owner", "partner.program"];
    for (const n of expectedNames) expect(q.identifiers).toContain(n);
    for (const c of ["status", "territory", "territory_label", "owner", "owner_kind", "owner_team", "via", "overlays"]) expect(q.code).toContain(` AS ${c}`);
  });
});

describe("dialect forms", () => {
  const code = (dialect: SqlDialect) => lex(emitSql(features, { dialect, asOf: "2027-03-15" }), dialect).code;

  test("Snowflake: bit functions, MD5 as hex text, arrays without NULLs; no other dialect's functions", () => {
    const q = code("snowflake");
    for (const f of ["BITXOR(", "BITSHIFTRIGHT(", "BITAND(", "TO_NUMBER(UPPER(SUBSTR(MD5(", "ARRAY_CONSTRUCT_COMPACT(", "STARTSWITH(", "ENDSWITH(", "CONTAINS("]) expect(q).toContain(f);
    for (const f of ["list_contains", "xor(", " # ", "OFFSET 0", "TO_HEX"]) expect(q).not.toContain(f);
  });

  test("BigQuery: backticks, STRUCT paths for dotted fields, INT64 bit operators, typed struct arrays", () => {
    const sql = emitSql(features, { dialect: "bigquery", asOf: "2027-03-15" });
    expect(sql).toContain("`partner`.`owner` AS c");
    expect(sql).toContain("CAST(CONCAT('0x', TO_HEX(SUBSTR(MD5(");
    const q = code("bigquery");
    for (const f of [" ^ ", " >> ", " & ", "UNNEST(ARRAY<STRUCT<", "ARRAY_TO_STRING([", "STARTS_WITH(", "ENDS_WITH("]) expect(q).toContain(f);
    for (const f of ["list_contains", "BITXOR", "OFFSET 0", "VALUES ("]) expect(q).not.toContain(f);
  });

  test("today is the warehouse's date in UTC unless --as-of fixes it", () => {
    expect(emitSql(features, { dialect: "snowflake" })).toContain("CAST(SYSDATE() AS DATE) AS carve_as_of");
    expect(emitSql(features, { dialect: "bigquery" })).toContain("CURRENT_DATE('UTC') AS carve_as_of");
    expect(emitSql(features, { dialect: "snowflake", asOf: "2027-03-15" })).not.toContain("carve_as_of");
  });

  test.each(["snowflake", "bigquery"] as const)("the %s query is pinned (review a change like any generated code)", async (dialect) => {
    await expect(emitSql(features, { dialect, asOf: "2027-03-15" })).toMatchFileSnapshot(`__snapshots__/features.${dialect}.sql`);
  });

  test("a table name is used as written when plain, quoted part by part otherwise", () => {
    expect(emitSql(features, { dialect: "postgres", table: "crm.leads" })).toContain("FROM crm.leads\n");
    expect(emitSql(features, { dialect: "postgres", table: "crm.my leads" })).toContain('FROM "crm"."my leads"\n');
    expect(emitSql(features, { dialect: "bigquery", table: "my-project.crm.leads" })).toContain("FROM `my-project`.`crm`.`leads`\n");
    expect(() => emitSql(features, { dialect: "duckdb", table: "crm..leads" })).toThrow(/not a table name/);
  });
});

describeEngines("hostile text runs in $name", (engine) => {

  test("records named like the hostile values decide as the runtime decides", async () => {
    const names = [...HOSTILE_NAMES, "O'Brien", " BACK\\SLASH ", "a'b", "a'a", "z\\z", "z\\zz", "z]", "mid", undefined];
    const notes = ["it's fine", "ends\\", "x'--y", "plain", undefined];
    const records = names.flatMap((name, i) => notes.map((note, k) => ({ id: `H-${i}-${k}`, name, note })));
    const r = await runDifferential(engine(), hostile, records, "2027-03-15", { asOf: "2027-03-15" });
    expect(r.differences).toEqual([]);
    expect(r.compared).toBe(records.length);
  });
});
