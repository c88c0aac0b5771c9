// What differs between the SQL dialects the emitter writes: quoting, literals, the bit operations
// and MD5 of team hashing, text functions and the current date. Everything else in the query is
// plain ANSI SQL (CASE, COALESCE, IN, comparisons) that all four read the same way.

export type DialectName = "duckdb" | "postgres" | "snowflake" | "bigquery";
export const DIALECTS: readonly DialectName[] = ["duckdb", "postgres", "snowflake", "bigquery"];

export interface ColumnTypes {
  text: string;
  int: string;
  double: string;
  bool: string;
  date: string;
}

export interface Dialect {
  name: DialectName;
  /** a quoted identifier (a name from the ruleset, never trusted to be plain) */
  ident(name: string): string;
  /** how the input table's column for a record field is read (BigQuery: a dotted field is a STRUCT path) */
  fieldColumn(field: string): string;
  /** the output column name for a record field (BigQuery: no dots in column names) */
  fieldAlias(field: string): string;
  str(s: string): string;
  /** 64-bit integer bit operations on values below 2^59, so no dialect overflows */
  xor(a: string, b: string): string;
  shr(a: string, n: number): string;
  band(a: string, b: string): string;
  /** the first 4 bytes of MD5 of the UTF-8 text, big-endian, as a non-negative integer */
  md5Word(text: string): string;
  /** text of an int / number / date column as the runtime's hashKey spells it (String(n), YYYY-MM-DD) */
  intText(e: string): string;
  numberText(e: string): string;
  dateText(e: string): string;
  startsWith(e: string, p: string): string;
  endsWith(e: string, p: string): string;
  contains(e: string, p: string): string;
  mod(a: string, b: number): string;
  /** e IN (values) / e NOT IN (values), NULL when e is NULL; values are literals, at least two */
  inList(e: string, values: readonly string[], negated: boolean): string;
  /**
   * A small constant table, `FROM`-able as `alias`: an integer key column, then text columns.
   * The decoding joins it instead of a CASE of hundreds of arms per row.
   */
  valuesTable(alias: string, columns: readonly string[], rows: readonly (readonly (number | string | undefined)[])[]): string;
  /** the items that are not NULL, joined by `sep` ('' when all are NULL) */
  joinNonNull(sep: string, items: string[]): string;
  /** today's date in UTC (SPEC 2.6: the default decision date) */
  todayUtc: string;
  /** a text value compared by code point (PostgreSQL would otherwise use the column's collation) */
  binaryText(e: string): string;
  /**
   * What ends each stage so the planner keeps it a stage: PostgreSQL otherwise merges the stages
   * and copies every column's expression into each place that reads it (the decision's code is
   * read a dozen times), which multiplies the work and, with team hashing, the plan's size.
   */
  fence: string;
  types: ColumnTypes;
}

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
// Integral doubles print without ".0" in JavaScript (String(250000000) is "250000000"); the
// warehouses print "250000000.0" or "2.5E8", so integral values go through a 64-bit integer.
const integralFirst = (e: string, asInt: (x: string) => string, asText: (x: string) => string) =>
  `CASE WHEN ${e} = TRUNC(${e}) AND ABS(${e}) < 1e18 THEN ${asText(asInt(e))} ELSE ${asText(e)} END`;
/** A string's length in code points: LEFT/RIGHT count characters, not bytes. */
const chars = (s: string) => [...s].length;

const duckdb: Dialect = {
  name: "duckdb",
  ident: doubleQuoted,
  fieldColumn: doubleQuoted,
  fieldAlias: doubleQuoted,
  str: (s) => `'${s.replace(/'/g, "''")}'`,
  xor: (a, b) => `xor(${a}, ${b})`,
  shr: (a, n) => `(${a} >> ${n})`,
  band: (a, b) => `(${a} & ${b})`,
  md5Word: (t) => `CAST('0x' || substr(md5(${t}), 1, 8) AS BIGINT)`,
  intText: (e) => `CAST(${e} AS VARCHAR)`,
  numberText: (e) => integralFirst(e, (x) => `CAST(${x} AS BIGINT)`, (x) => `CAST(${x} AS VARCHAR)`),
  dateText: (e) => `CAST(${e} AS VARCHAR)`,
  startsWith: (e, p) => `starts_with(${e}, ${duckdb.str(p)})`,
  endsWith: (e, p) => `ends_with(${e}, ${duckdb.str(p)})`,
  contains: (e, p) => `contains(${e}, ${duckdb.str(p)})`,
  mod: (a, b) => `(${a} % ${b})`,
  // DuckDB plans a long IN list as a join per test; a list lookup stays inside the expression.
  inList: (e, vs, negated) => `${negated ? "NOT " : ""}list_contains([${vs.join(", ")}], ${e})`,
  valuesTable: (alias, cols, rows) => valuesList(duckdb, alias, cols, rows),
  joinNonNull: (sep, items) => `concat_ws(${duckdb.str(sep)}, ${items.join(", ")})`,
  todayUtc: "CAST(timezone('UTC', current_timestamp) AS DATE)",
  binaryText: (e) => e,
  fence: "",
  types: { text: "VARCHAR", int: "BIGINT", double: "DOUBLE", bool: "BOOLEAN", date: "DATE" },
};

const postgres: Dialect = {
  name: "postgres",
  ident: doubleQuoted,
  fieldColumn: doubleQuoted,
  fieldAlias: doubleQuoted,
  // standard_conforming_strings is on (the default since PostgreSQL 9.1): backslashes are literal.
  str: (s) => `'${s.replace(/'/g, "''")}'`,
  xor: (a, b) => `(${a} # ${b})`,
  shr: (a, n) => `(${a} >> ${n})`,
  band: (a, b) => `(${a} & ${b})`,
  md5Word: (t) => `CAST(CAST('x' || substr(md5(${t}), 1, 8) AS bit(32)) AS bigint)`,
  intText: (e) => `CAST(${e} AS text)`,
  numberText: (e) => integralFirst(e, (x) => `CAST(${x} AS bigint)`, (x) => `CAST(${x} AS text)`),
  dateText: (e) => `to_char(${e}, 'YYYY-MM-DD')`,
  startsWith: (e, p) => `starts_with(${e}, ${postgres.str(p)})`,
  endsWith: (e, p) => `right(${e}, ${chars(p)}) = ${postgres.str(p)}`,
  contains: (e, p) => `strpos(${e}, ${postgres.str(p)}) > 0`,
  mod: (a, b) => `(${a} % ${b})`,
  inList: (e, vs, negated) => `${e} ${negated ? "NOT IN" : "IN"} (${vs.join(", ")})`,
  valuesTable: (alias, cols, rows) => valuesList(postgres, alias, cols, rows),
  joinNonNull: (sep, items) => `concat_ws(${postgres.str(sep)}, ${items.join(", ")})`,
  todayUtc: "CAST(timezone('UTC', CURRENT_TIMESTAMP) AS date)",
  binaryText: (e) => `(${e} COLLATE "C")`,
  fence: "\n  OFFSET 0",
  types: { text: "text", int: "bigint", double: "double precision", bool: "boolean", date: "date" },
};

const snowflake: Dialect = {
  name: "snowflake",
  ident: doubleQuoted,
  fieldColumn: doubleQuoted,
  fieldAlias: doubleQuoted,
  // Snowflake reads backslash escapes inside '…': double them, and spell line breaks as escapes.
  str: (s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'`,
  xor: (a, b) => `BITXOR(${a}, ${b})`,
  shr: (a, n) => `BITSHIFTRIGHT(${a}, ${n})`,
  band: (a, b) => `BITAND(${a}, ${b})`,
  md5Word: (t) => `TO_NUMBER(UPPER(SUBSTR(MD5(${t}), 1, 8)), 'XXXXXXXX')`,
  intText: (e) => `TO_VARCHAR(${e})`,
  numberText: (e) => integralFirst(e, (x) => `CAST(${x} AS NUMBER(38, 0))`, (x) => `TO_VARCHAR(${x})`),
  dateText: (e) => `TO_VARCHAR(${e}, 'YYYY-MM-DD')`,
  startsWith: (e, p) => `STARTSWITH(${e}, ${snowflake.str(p)})`,
  endsWith: (e, p) => `ENDSWITH(${e}, ${snowflake.str(p)})`,
  contains: (e, p) => `CONTAINS(${e}, ${snowflake.str(p)})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  inList: (e, vs, negated) => `${e} ${negated ? "NOT IN" : "IN"} (${vs.join(", ")})`,
  valuesTable: (alias, cols, rows) => valuesList(snowflake, alias, cols, rows),
  // CONCAT_WS is NULL as soon as one item is; ARRAY_CONSTRUCT_COMPACT drops the NULLs first.
  joinNonNull: (sep, items) => `ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(${items.join(", ")}), ${snowflake.str(sep)})`,
  todayUtc: "CAST(SYSDATE() AS DATE)",
  binaryText: (e) => e,
  fence: "",
  types: { text: "VARCHAR", int: "NUMBER(38, 0)", double: "FLOAT", bool: "BOOLEAN", date: "DATE" },
};

function valueSql(d: Dialect, v: number | string | undefined): string {
  return v === undefined ? "NULL" : typeof v === "number" ? String(v) : d.str(v);
}

function valuesList(d: Dialect, alias: string, cols: readonly string[], rows: readonly (readonly (number | string | undefined)[])[]): string {
  // A text column whose first rows are NULL still reads as text: the first row says the types.
  const first = (r: readonly (number | string | undefined)[]) => r.map((v, i) => (i > 0 && v === undefined ? `CAST(NULL AS ${d.types.text})` : valueSql(d, v)));
  const items = rows.map((r, k) => `(${(k === 0 ? first(r) : r.map((v) => valueSql(d, v))).join(", ")})`);
  return `(VALUES ${items.join(", ")}) AS ${alias}(${cols.join(", ")})`;
}

const backticked = (name: string) => `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;

const bigquery: Dialect = {
  name: "bigquery",
  ident: backticked,
  // BigQuery column names cannot hold a dot: a dotted field is a STRUCT field, as a nested
  // JSON record loads (`account.owner` reads column `account`, field `owner`).
  fieldColumn: (field) => field.split(".").map(backticked).join("."),
  fieldAlias: (field) => backticked(field.replace(/\./g, "__")),
  str: (s) => `'${s.replace(/[\\'\u0000-\u001f\u007f]/g, (c) => (c === "\\" || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))}'`,
  xor: (a, b) => `(${a} ^ ${b})`,
  shr: (a, n) => `(${a} >> ${n})`,
  band: (a, b) => `(${a} & ${b})`,
  md5Word: (t) => `CAST(CONCAT('0x', TO_HEX(SUBSTR(MD5(${t}), 1, 4))) AS INT64)`,
  intText: (e) => `CAST(${e} AS STRING)`,
  numberText: (e) => integralFirst(e, (x) => `CAST(${x} AS INT64)`, (x) => `CAST(${x} AS STRING)`),
  dateText: (e) => `FORMAT_DATE('%Y-%m-%d', ${e})`,
  startsWith: (e, p) => `STARTS_WITH(${e}, ${bigquery.str(p)})`,
  endsWith: (e, p) => `ENDS_WITH(${e}, ${bigquery.str(p)})`,
  contains: (e, p) => `STRPOS(${e}, ${bigquery.str(p)}) > 0`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  inList: (e, vs, negated) => `${e} ${negated ? "NOT IN" : "IN"} (${vs.join(", ")})`,
  // BigQuery has no VALUES table: an array of typed structs, unnested.
  valuesTable: (alias, cols, rows) => {
    const type = `STRUCT<${cols.map((c, i) => `${c} ${i === 0 ? "INT64" : "STRING"}`).join(", ")}>`;
    const items = rows.map((r) => `(${r.map((v) => valueSql(bigquery, v)).join(", ")})`);
    return `(SELECT * FROM UNNEST(ARRAY<${type}>[${items.join(", ")}])) AS ${alias}`;
  },
  // ARRAY_TO_STRING leaves NULL elements out.
  joinNonNull: (sep, items) => `ARRAY_TO_STRING([${items.join(", ")}], ${bigquery.str(sep)})`,
  todayUtc: "CURRENT_DATE('UTC')",
  binaryText: (e) => e,
  fence: "",
  types: { text: "STRING", int: "INT64", double: "FLOAT64", bool: "BOOL", date: "DATE" },
};

export const dialects: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, snowflake, bigquery };

/**
 * A table name as given when each dotted part is a plain identifier (the warehouse then applies
 * its own case rules, as for a name typed in a query); otherwise every part is quoted.
 */
export function tableName(d: Dialect, table: string): string {
  const parts = table.split(".");
  if (parts.some((p) => p.length === 0)) throw new Error(`${JSON.stringify(table)} is not a table name: no part of a dotted name may be empty`);
  return parts.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) ? table : parts.map((p) => d.ident(p)).join(".");
}
