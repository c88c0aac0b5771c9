// Reading input records for `carve assign`, a batch at a time (memory stays flat in the number of
// rows): CSV through csv-parse's streaming parser, NDJSON through a line reader. A row that cannot
// be read (a ragged CSV row, a line that is not JSON, an unclosed quote) is still a row: it comes
// out with its `problem`, so the caller rejects it instead of losing it.
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import type { RecordSchema } from "@carve/runtime";
import { lineBatches, objectBatches } from "./batches.js";
import { type CsvHeader, type ParsedCsvRow, CsvRows } from "./csv-rows.js";
import { parseJson } from "./json-input.js";
import { IoError } from "./output.js";
import { plural } from "./summary-table.js";

export type InputFormat = "csv" | "ndjson";

export interface InputRow {
  /** 1-based number of the row among the data rows (a CSV header and blank lines do not count) */
  row: number;
  /** 1-based line of the file where the row starts */
  line: number;
  /** what the runtime evaluates; absent when the row could not be read */
  record?: unknown;
  /** why the row could not be read */
  problem?: string;
  /** the key cell of a row that could not be read, when it can still be found */
  key?: string;
  /** the row's text as in the file, for the rejects file */
  raw: string;
}

export function inputFormatOf(path: string, flag: InputFormat | undefined): InputFormat {
  if (flag) return flag;
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  const what = path === "-" ? "standard input" : path;
  throw new IoError(`cannot tell the format of ${what} from its name: use a .csv, .ndjson or .jsonl file, or pass --input-format csv|ndjson`);
}

/** A missing or folder --records path is an I/O error before any work starts ("-" is standard input). */
export function checkRecordsFile(file: string): void {
  if (file === "-") return;
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new IoError(`no such file: ${file} (given as --records)`);
  }
  if (st.isDirectory()) throw new IoError(`--records ${file} is a folder: pass a .csv or .ndjson file`);
}

export function openInput(path: string): Readable {
  // Larger reads than the 64 KiB default: fewer, bigger batches down the pipeline.
  return path === "-" ? process.stdin : createReadStream(path, { highWaterMark: 1 << 18 });
}

/** Reads NDJSON: one JSON value per line; blank lines are not rows. Yields rows in batches. */
export async function* readNdjson(input: Readable): AsyncGenerator<InputRow[]> {
  let line = 0;
  let row = 0;
  for await (const lines of lineBatches(input)) {
    const batch: InputRow[] = [];
    for (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      row++;
      const parsed = parseJson(text);
      if (parsed.ok) batch.push({ row, line, record: parsed.value, raw: text });
      else {
        const p = parsed.problem;
        const at = p.column === undefined ? "" : ` at column ${p.column}`;
        batch.push({ row, line, raw: text, problem: `line ${line} is not valid JSON: ${p.message}${at}` });
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/**
 * Reads CSV with a header row (see CsvRows for how columns become fields). Yields rows in batches.
 */
export async function* readCsv(input: Readable, schema: RecordSchema, onHeader: (h: CsvHeader) => void): AsyncGenerator<InputRow[]> {
  const parser = input.pipe(parse({
    bom: true,
    relax_column_count: true, // a ragged row is rejected by us, with its reason, not by the parser
    relax_quotes: true, // a stray quote inside a cell is text (CRM exports have them)
    skip_empty_lines: true,
    skip_records_with_error: true, // only an unclosed quote at the end of the file gets here
    raw: true, // the row's text, for the rejects file and to count lines (cheaper than `info`)
  }));
  input.on("error", (e) => parser.destroy(e));
  const rows = new CsvRows(schema, onHeader);
  parser.on("skip", (e: CsvError & { raw?: string; lines?: number }) => rows.skipped(e));
  for await (const items of objectBatches<ParsedCsvRow>(parser)) {
    const batch: InputRow[] = [];
    for (const item of items) rows.take(item, batch);
    if (batch.length > 0) yield batch;
  }
  const last: InputRow[] = [];
  rows.end(last);
  if (last.length > 0) yield last;
}

/**
 * The rows of a records file (or "-" for standard input) in batches, CSV or NDJSON. A failure to
 * read (a system error or the CSV parser's) becomes an IoError naming the input and how many rows
 * were read before it; anything else is a bug and is rethrown as is.
 */
export async function* recordBatches(path: string, format: InputFormat, schema: RecordSchema, note: (message: string) => void): AsyncGenerator<InputRow[]> {
  const input = openInput(path);
  const batches = format === "csv" ? readCsv(input, schema, (h) => h.notes.forEach(note)) : readNdjson(input);
  let rows = 0;
  try {
    for await (const batch of batches) {
      rows += batch.length;
      yield batch;
    }
  } catch (e) {
    if (!(e instanceof Error) || !("code" in e)) throw e;
    const where = path === "-" ? "standard input" : path;
    throw new IoError(`cannot read ${where} (after ${plural(rows, "row")}): ${e.message}`);
  }
}

/** The record's key value as given, for reports (the key field may be dotted or nested). */
export function rawKey(record: unknown, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const v = rawField(record, key);
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** A field's value as given: `a.b` is a flat "a.b" member or a nested one, as the runtime reads it. */
export function rawField(record: unknown, name: string): unknown {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  const obj = record as Record<string, unknown>;
  let v: unknown = Object.prototype.hasOwnProperty.call(obj, name) ? obj[name] : undefined;
  if (v === undefined && name.includes(".")) {
    v = obj;
    for (const p of name.split(".")) v = v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<string, unknown>)[p] : undefined;
  }
  return v;
}
