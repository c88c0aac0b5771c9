// Writing `carve assign` results as they are made: one row per decision (CSV or NDJSON), and
// the rejects file, a batch at a time. Writes respect
// back-pressure, so a slow disk or pipe slows the run down instead of filling memory.
import { closeSync, createWriteStream, openSync } from "node:fs";
import type { Writable } from "node:stream";
import type { Decision, FieldError, OverlayAssignment } from "@carve/runtime";
import { csvLine, csvText } from "./csv-write.js";
import { IoError, UsageError } from "./output.js";

export type OutputFormat = "csv" | "ndjson";

/** By the file's extension; else the `--format` flag; else CSV. A flag that contradicts the extension is an error. */
export function outputFormatOf(path: string, flag: OutputFormat | undefined): OutputFormat {
  const ext = extensionFormat(path);
  if (ext && flag && ext !== flag) {
    throw new UsageError(`--format ${flag} contradicts --out ${path}, whose extension says ${ext}: drop --format or rename the file`);
  }
  return ext ?? flag ?? "csv";
}

export function extensionFormat(path: string): OutputFormat | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith(".csv") ? "csv" : lower.endsWith(".ndjson") || lower.endsWith(".jsonl") ? "ndjson" : undefined;
}

/**
 * A destination for rows: a file (created now, so a bad path fails before any work) or stdout.
 * Rows are collected with `add` and written per batch by `flush`: one stream write per batch
 * instead of per row.
 */
export class Sink {
  private readonly stream: Writable;
  private failure: Error | undefined;
  private pending: (string[] | object)[] = [];
  rows = 0;

  constructor(readonly path: string, private readonly format: OutputFormat, columns: string[]) {
    if (path === "-") this.stream = process.stdout;
    else {
      let fd: number;
      try {
        fd = openSync(path, "w");
      } catch (e) {
        throw new IoError(`cannot write ${path}: ${(e as Error).message}`);
      }
      try {
        this.stream = createWriteStream("", { fd });
      } catch (e) {
        closeSync(fd);
        throw e;
      }
    }
    this.stream.on("error", (e) => (this.failure ??= e));
    if (format === "csv") this.stream.write(csvLine(columns));
  }

  add(row: string[] | object): void {
    this.rows++;
    this.pending.push(row);
  }

  /** Writes what `add` collected; waits when the destination is slower than the run. */
  async flush(): Promise<void> {
    if (this.failure) throw this.error();
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    const text = this.format === "csv" ? csvText(rows as string[][]) : `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
    if (this.stream.write(text)) return;
    // A stream that already failed (EPIPE, a full disk) never drains: stop instead of waiting.
    if (this.failure || this.stream.destroyed) throw this.error();
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
      this.stream.on("close", done);
    });
    if (this.failure || this.stream.destroyed) throw this.error();
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.path === "-") return;
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.error();
  }

  private error(): IoError {
    const where = this.path === "-" ? "standard output" : this.path;
    return new IoError(`cannot write ${where}: ${this.failure?.message ?? "the stream was closed"}`);
  }
}

export const CSV_OUTPUT_COLUMNS = ["status", "territory", "territory_label", "owner", "owner_kind", "owner_team", "via", "overlays"];

/** `a=rep:x;b=queue:y;c=rep:z@team` (z picked from a team) — an overlay with no one available is `a=`. */
export function overlaysCell(overlays: readonly OverlayAssignment[]): string {
  return overlays.map((o) => `${o.territory}=${o.owner ? `${o.owner.kind}:${o.owner.id}${o.owner.team !== undefined ? `@${o.owner.team}` : ""}` : ""}`).join(";");
}

export function csvRow(keyValue: string, d: Decision): string[] {
  const o = d.owner;
  return [
    keyValue, d.status, d.territory?.id ?? "", d.territory?.label ?? "",
    o?.id ?? "", o?.kind ?? "", o?.team ?? "", d.via ?? "", overlaysCell(d.overlays),
  ];
}

export function ndjsonRow(keyName: string, keyValue: string | number, d: Decision): object {
  const t = d.territory;
  return {
    [keyName]: keyValue,
    status: d.status,
    territory: t ? { id: t.id, ...(t.label !== undefined ? { label: t.label } : {}) } : null,
    owner: d.owner ?? null,
    via: d.via ?? null,
    overlays: d.overlays,
  };
}

/**
 * `--normalize-only`: a record's normalised values (schema order) as a CSV row — text as it is,
 * numbers as String(n), booleans `true`/`false`, dates YYYY-MM-DD, an empty cell for no value (a
 * normalised text is never empty, so the two cannot be confused). What the SQL backend reads.
 */
export function normalizedCsvRow(values: readonly unknown[]): string[] {
  return values.map((v) => (v === undefined || v === null ? "" : String(v)));
}

/** The same as one NDJSON object keyed by the dotted field names; null for no value. */
export function normalizedNdjsonRow(fields: readonly string[], values: readonly unknown[]): object {
  const out: Record<string, unknown> = {};
  fields.forEach((f, i) => (out[f] = values[i] ?? null));
  return out;
}

export interface Reject {
  row: number;
  line: number;
  key?: string;
  errors: FieldError[];
  raw: string;
}

export function reasonsText(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.field.startsWith("(") ? e.reason : `${e.field}: ${e.reason}`)).join("; ");
}

export function rejectColumns(keyName: string | undefined): string[] {
  return ["row", "line", ...(keyName ? [keyName] : []), "reasons", "input"];
}

export function rejectCsvRow(r: Reject, hasKey: boolean): string[] {
  return [String(r.row), String(r.line), ...(hasKey ? [r.key ?? ""] : []), reasonsText(r.errors), r.raw];
}

export function rejectNdjsonRow(r: Reject, keyName: string | undefined): object {
  return {
    row: r.row,
    line: r.line,
    ...(keyName ? { [keyName]: r.key ?? null } : {}),
    errors: r.errors,
    input: r.raw,
  };
}
