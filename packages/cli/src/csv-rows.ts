// From csv-parse's records to input rows: the header row names the fields, every later row
// becomes a record or, when it cannot be read, a row with its problem — never nothing. Tracks the
// 1-based data row number and the line each row starts on (quoted cells may span lines).
import type { RecordSchema } from "@carve/runtime";
import { IoError } from "./output.js";
import type { InputRow } from "./records-read.js";

export interface CsvHeader {
  /** per column: the field it feeds, or undefined (ignored) */
  fields: (string | undefined)[];
  notes: string[];
}

/** What csv-parse yields with `raw: true`. */
export interface ParsedCsvRow {
  record: string[];
  raw: string;
}

export class CsvRows {
  private header: CsvHeader | undefined;
  private fields: (string | undefined)[] = [];
  private row = 0;
  private keyColumn = -1;
  /** the line the next piece of text starts on */
  private nextLine = 1;
  /** rows the parser could not read, reported as events; kept so they come out in file order */
  private readonly pending: { end: number; raw: string; message: string }[] = [];

  constructor(private readonly schema: RecordSchema, private readonly onHeader: (h: CsvHeader) => void) {}

  skipped(e: { message: string; raw?: string; lines?: number }): void {
    this.pending.push({ end: Number(e.lines ?? 0), raw: String(e.raw ?? ""), message: e.message });
  }

  take(item: ParsedCsvRow, out: InputRow[]): void {
    const lead = leadingBreaks(item.raw);
    if (this.pending.length > 0) this.flushSkipped(this.nextLine + lead, out);
    const line = this.nextLine + lead;
    this.nextLine += newlines(item.raw);
    const raw = trimRaw(item.raw, lead);
    if (!this.header) {
      this.header = mapHeader(item.record, this.schema);
      this.fields = this.header.fields;
      this.keyColumn = this.schema.key === undefined ? -1 : this.fields.indexOf(this.schema.key);
      this.onHeader(this.header);
      return;
    }
    const row = ++this.row;
    const cells = item.record;
    const fields = this.fields;
    if (cells.length !== fields.length) {
      const problem = `the row has ${cells.length} cell${cells.length === 1 ? "" : "s"} but the header has ${fields.length} columns`;
      const k = this.keyColumn >= 0 && this.keyColumn < cells.length ? cells[this.keyColumn] : "";
      out.push({ row, line, raw, problem, ...(k !== "" ? { key: k } : {}) });
      return;
    }
    // A plain object keeps one hidden class across rows (fast to read); only a field literally
    // named `__proto__` needs defining as an own property.
    const record: Record<string, unknown> = {};
    for (let i = 0; i < cells.length; i++) {
      const f = fields[i];
      if (f === undefined || cells[i] === "") continue;
      if (f === "__proto__") Object.defineProperty(record, f, { value: cells[i], enumerable: true, writable: true, configurable: true });
      else record[f] = cells[i];
    }
    out.push({ row, line, record, raw });
  }

  end(out: InputRow[]): void {
    this.flushSkipped(Infinity, out);
    if (!this.header) this.onHeader({ fields: [], notes: [] });
  }

  private flushSkipped(before: number, out: InputRow[]): void {
    while (this.pending.length > 0 && this.pending[0].end < before) {
      const s = this.pending.shift()!;
      const lead = leadingBreaks(s.raw);
      const line = this.nextLine + lead;
      this.nextLine += newlines(s.raw);
      const problem = /Quote Not Closed/i.test(s.message)
        ? `a quote opened on line ${line} is never closed, so the rest of the file (lines ${line}–${Math.max(line, s.end)}) reads as this one row`
        : `the row cannot be read as CSV: ${s.message}`;
      if (!this.header) throw new IoError(`the header row cannot be read as CSV: ${problem}`);
      out.push({ row: ++this.row, line, raw: trimRaw(s.raw, lead), problem });
    }
  }
}

function mapHeader(names: string[], schema: RecordSchema): CsvHeader {
  const fieldNames = schema.fields.map((f) => f.name);
  const exact = new Set(fieldNames);
  const folded = new Map(fieldNames.map((f) => [f.toLowerCase(), f]));
  const fields: (string | undefined)[] = [];
  const used = new Map<string, number>();
  const renamed: string[] = [];
  const ignored: string[] = [];
  names.forEach((name, i) => {
    const f = exact.has(name) ? name : folded.get(name.trim().toLowerCase());
    if (f === undefined) {
      if (name.trim() !== "") ignored.push(`\`${name}\``);
      fields.push(undefined);
      return;
    }
    const first = used.get(f);
    if (first !== undefined) {
      throw new IoError(`columns ${first + 1} (\`${names[first]}\`) and ${i + 1} (\`${name}\`) both give the field \`${f}\`: remove or rename one of them`);
    }
    used.set(f, i);
    if (f !== name) renamed.push(`\`${name}\` as \`${f}\``);
    fields.push(f);
  });
  const notes: string[] = [];
  if (renamed.length > 0) notes.push(`reading column${renamed.length === 1 ? "" : "s"} ${renamed.join(", ")}`);
  if (ignored.length > 0) notes.push(`ignoring column${ignored.length === 1 ? "" : "s"} that match${ignored.length === 1 ? "es" : ""} no field of \`${schema.name}\`: ${ignored.join(", ")}`);
  const missing = schema.fields.filter((f) => !f.optional && !used.has(f.name)).map((f) => `\`${f.name}\``);
  if (missing.length > 0) notes.push(`no column for the required field${missing.length === 1 ? "" : "s"} ${missing.join(", ")}: every row will be rejected`);
  return { fields, notes };
}

/** How many line breaks (blank lines the parser skipped) come before the row's text. */
function leadingBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c !== 13) break;
  }
  return n;
}

/** The row's text without the blank lines before it and without its line break. */
function trimRaw(raw: string, lead: number): string {
  let start = 0;
  for (let k = 0; k < lead; k++) start = raw.indexOf("\n", start) + 1;
  let end = raw.length;
  if (raw.charCodeAt(end - 1) === 10) end--;
  if (raw.charCodeAt(end - 1) === 13) end--;
  return start === 0 && end === raw.length ? raw : raw.slice(start, end);
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

