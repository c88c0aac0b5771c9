// `carve balance PATH --records FILE [--measure FIELD] [--as-of DATE] [--format text|markdown|json]`:
// per territory and per owner, how many records and how much of a measure each carries, with
// spread figures, so a manager sees whether the plan is equitable. Every row is accounted for.
import { todayUtc } from "@carve/compiler";
import type { FieldSchema, RecordSchema } from "@carve/runtime";
import { closest, normalizeValue } from "@carve/values";
import { parseAsOf } from "../as-of.js";
import { balanceJson, balanceMarkdown, balanceText } from "../balance/report.js";
import { Tally } from "../balance/tally.js";
import { displayPath, ExitCode, styleFor, UsageError, useColor } from "../output.js";
import { checkRecordsFile, type InputFormat, inputFormatOf, rawField, recordBatches } from "../records-read.js";
import { loadRuntime } from "../runtime-load.js";

export interface BalanceOptions {
  records: string;
  measure?: string;
  asOf?: string;
  format: "text" | "markdown" | "json";
  inputFormat?: InputFormat;
  color?: boolean;
}

const NUMERIC = new Set(["int", "number", "money"]);

export async function runBalance(path: string, opts: BalanceOptions): Promise<number> {
  const asOf = parseAsOf(opts.asOf) ?? todayUtc();
  const inFormat = inputFormatOf(opts.records, opts.inputFormat);
  checkRecordsFile(opts.records);
  const loaded = loadRuntime(path, opts.color);
  if (!loaded) return ExitCode.Findings;
  const { runtime } = loaded;
  const schema = runtime.artifact.schema;
  const measure = opts.measure === undefined ? undefined : measureField(schema, opts.measure);
  const note = (m: string) => process.stderr.write(`${styleFor(useColor(process.stderr, opts.color)).info("note")}: ${m}\n`);

  const tally = new Tally(runtime.artifact);
  const evalOptions = { asOf };
  for await (const batch of recordBatches(opts.records, inFormat, schema, note)) {
    for (const row of batch) {
      if (row.problem !== undefined) {
        tally.rejectedRow();
        continue;
      }
      const d = runtime.evaluate(row.record, evalOptions);
      if (d.status === "invalid") tally.rejectedRow();
      else tally.decided(d, measure ? measureOf(row.record, measure) : undefined);
    }
  }

  const info = { source: opts.records === "-" ? "standard input" : displayPath(opts.records), ruleset: runtime.artifact.ruleset.name, asOf, measure: measure?.name };
  if (opts.format === "json") process.stdout.write(`${JSON.stringify(balanceJson(tally, info), null, 2)}\n`);
  else if (opts.format === "markdown") process.stdout.write(`${balanceMarkdown(tally, info)}\n`);
  else process.stdout.write(`${balanceText(tally, info, styleFor(useColor(process.stdout, opts.color)))}\n`);
  return ExitCode.Ok;
}

function measureField(schema: RecordSchema, name: string): FieldSchema {
  const numeric = schema.fields.filter((f) => NUMERIC.has(f.type));
  const field = schema.fields.find((f) => f.name === name);
  const choices = numeric.length > 0 ? `: use one of ${numeric.map((f) => f.name).join(", ")}` : " (the record declares none)";
  if (!field) {
    const [guess] = closest(name, numeric.map((f) => f.name), 1, Math.max(2, Math.floor(name.length / 3)));
    throw new UsageError(`--measure ${name}: the record has no field \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ""}\nthe measure is a number field${choices}`);
  }
  if (!NUMERIC.has(field.type)) throw new UsageError(`--measure ${name}: \`${name}\` is ${/^[aeiou]/.test(field.type) ? "an" : "a"} ${field.type} field, not a number${choices}`);
  return field;
}

/** The measure of a record the runtime accepted (so its value, if any, is a valid number). */
function measureOf(record: unknown, field: FieldSchema): number | undefined {
  const raw = rawField(record, field.name);
  if (raw === undefined || raw === null) return undefined;
  const r = normalizeValue(field.type, raw);
  return r.ok && typeof r.value === "number" ? r.value : undefined;
}
