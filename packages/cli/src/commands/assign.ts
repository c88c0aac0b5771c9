// `carve assign PATH --records FILE [--out FILE] [--rejects FILE] [--as-of DATE] [--format csv|ndjson]
//  [--input-format csv|ndjson] [--normalize-only]`: decides every record of a CSV or NDJSON file,
// streaming, and accounts for every row: input rows = assigned + unassigned + rejected. With
// --normalize-only it decides nothing: --out gets each valid record's normalised fields, one
// column per field — the table the SQL backend reads (docs/sql.md).
import { resolve } from "node:path";
import { todayUtc } from "@carve/compiler";
import type { Decision, FieldError } from "@carve/runtime";
import { parseAsOf } from "../as-of.js";
import { AssignSummary, summaryText } from "../assign-summary.js";
import { displayPath, ExitCode, styleFor, UsageError, useColor } from "../output.js";
import { Progress } from "../progress.js";
import { checkRecordsFile, type InputFormat, inputFormatOf, rawKey, recordBatches } from "../records-read.js";
import {
  CSV_OUTPUT_COLUMNS, csvRow, extensionFormat, ndjsonRow, normalizedCsvRow, normalizedNdjsonRow, type OutputFormat, outputFormatOf, type Reject,
  rejectColumns, rejectCsvRow, rejectNdjsonRow, Sink,
} from "../records-write.js";
import { loadRuntime } from "../runtime-load.js";
import { plural } from "../summary-table.js";

export interface AssignOptions {
  records: string;
  out?: string;
  rejects?: string;
  asOf?: string;
  format?: OutputFormat;
  inputFormat?: InputFormat;
  /** write normalised fields instead of decisions */
  normalizeOnly?: boolean;
  color?: boolean;
}

export async function runAssign(path: string, opts: AssignOptions): Promise<number> {
  // One date for the whole run, even one that crosses midnight.
  const asOf = parseAsOf(opts.asOf) ?? todayUtc();
  const inFormat = inputFormatOf(opts.records, opts.inputFormat);
  checkRecordsFile(opts.records);
  checkDistinct(opts);
  if (opts.normalizeOnly && opts.asOf !== undefined) throw new UsageError("--as-of has no effect with --normalize-only: nothing is decided");
  // Only the Runtime is kept: the compiled program (its syntax trees, the source map) would stay
  // alive through the whole stream, and V8 sizes its heap, hence the peak memory, by what is alive.
  const runtime = loadRuntime(path, opts.color)?.runtime;
  if (!runtime) return ExitCode.Findings;
  const schema = runtime.artifact.schema;
  const keyField = schema.key;
  const keyName = keyField ?? "row";

  const outFormat = opts.out !== undefined ? outputFormatOf(opts.out, opts.format) : undefined;
  const fields = schema.fields.map((f) => f.name);
  const out = opts.out !== undefined ? new Sink(opts.out, outFormat!, opts.normalizeOnly ? fields : [keyName, ...CSV_OUTPUT_COLUMNS]) : undefined;
  const rejectFormat = opts.rejects !== undefined ? (extensionFormat(opts.rejects) ?? opts.format ?? "csv") : undefined;
  const rejects = opts.rejects !== undefined ? new Sink(opts.rejects, rejectFormat!, rejectColumns(keyField)) : undefined;
  const report = opts.out === "-" ? process.stderr : process.stdout;
  const style = styleFor(useColor(report, opts.color));
  const note = (m: string) => process.stderr.write(`${styleFor(useColor(process.stderr, opts.color)).info("note")}: ${m}\n`);

  const batches = recordBatches(opts.records, inFormat, schema, note);
  const summary = new AssignSummary();
  const progress = new Progress();
  const evalOptions = { asOf };
  const hasKey = keyField !== undefined;
  try {
    for await (const batch of batches) {
      for (const row of batch) {
        let d: Decision | undefined;
        let errors: FieldError[] | undefined;
        let normalized: unknown[] | undefined;
        if (row.problem !== undefined) errors = [{ field: "(row)", reason: row.problem }];
        else if (opts.normalizeOnly) {
          const n = runtime.normalize(row.record);
          if (n.ok) normalized = n.values;
          else errors = n.errors;
        } else {
          d = runtime.evaluate(row.record, evalOptions);
          if (d.status === "invalid") errors = d.errors ?? [];
        }
        // The key as given (so results join back to the input); the runtime's normalised key only
        // for records that are objects.
        const key = hasKey ? (row.key ?? rawKey(row.record, keyField) ?? (isObject(row.record) ? d?.key : undefined)) : undefined;
        if (errors) {
          const r: Reject = { row: row.row, line: row.line, errors, raw: row.raw, ...(key !== undefined ? { key } : {}) };
          summary.rejectedRow(r);
          rejects?.add(rejectFormat === "csv" ? rejectCsvRow(r, hasKey) : rejectNdjsonRow(r, keyField));
        } else if (normalized) {
          summary.normalizedRow();
          out?.add(outFormat === "csv" ? normalizedCsvRow(normalized) : normalizedNdjsonRow(fields, normalized));
        } else {
          summary.decided(d!);
          if (out) {
            const k = hasKey ? (key ?? "") : String(row.row);
            out.add(outFormat === "csv" ? csvRow(k, d!) : ndjsonRow(keyName, hasKey ? k : row.row, d!));
          }
        }
      }
      await out?.flush();
      await rejects?.flush();
      progress.tick(summary.rows);
    }
  } finally {
    progress.done();
  }
  await out?.close();
  await rejects?.close();

  const seconds = progress.elapsedSeconds();
  const rate = seconds > 0 ? ` (${Math.round(summary.rows / seconds).toLocaleString("en-US")} rows/s)` : "";
  const source = opts.records === "-" ? "standard input" : displayPath(opts.records);
  const lines = [
    opts.normalizeOnly
      ? `normalised ${source} for ${runtime.artifact.ruleset.name} in ${seconds.toFixed(1)} s${rate}`
      : `assigned ${source} with ${runtime.artifact.ruleset.name} as of ${asOf} in ${seconds.toFixed(1)} s${rate}`,
    "",
    summaryText(summary, { style, rejectsFile: opts.rejects, keyName: keyField }),
  ];
  if (out && opts.out !== "-") lines.push(`wrote ${displayPath(opts.out!)} (${plural(summary.assigned + summary.unassigned + summary.normalized, "row")})`);
  if (rejects && opts.rejects !== "-") lines.push(`wrote ${displayPath(opts.rejects!)} (${plural(summary.rejected, "rejected row")})`);
  report.write(`${lines.join("\n")}\n`);
  return ExitCode.Ok;
}

/** Writing a file also empties it: never let an output be the input or the other output. */
function checkDistinct(opts: AssignOptions): void {
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== "-" && b !== "-" && resolve(a) === resolve(b);
  if (same(opts.out, opts.records)) throw new UsageError(`--out ${opts.out} is the records file itself: write the results elsewhere`);
  if (same(opts.rejects, opts.records)) throw new UsageError(`--rejects ${opts.rejects} is the records file itself: write the rejects elsewhere`);
  if (same(opts.out, opts.rejects) || (opts.out === "-" && opts.rejects === "-")) {
    throw new UsageError("--out and --rejects name the same file: give the rejects their own file");
  }
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
