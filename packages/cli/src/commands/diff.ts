// `carve diff OLD NEW` / `carve diff PATH --base GITREF [--records FILE [--limit N] [--out FILE]]
//  [--as-of DATE] [--format text|markdown|json]`: what changes between two versions of a ruleset —
// every kind of record that changes territory or owner, with an example (static, proved for all
// records), the declarations that changed, and with --records how many and which records of a
// file move. Exit 0: nothing differs; 1: something does (or the comparison is incomplete); 2:
// usage, I/O, or a version that does not compile.
import { resolve } from "node:path";
import { diffArtifacts, todayUtc } from "@carve/compiler";
import { loadArtifact, type RecordSchema } from "@carve/runtime";
import { parseAsOf } from "../as-of.js";
import { diffJson } from "../diff/json.js";
import { DataDiff, replayRow, statefulTeams, type Move } from "../diff/data.js";
import { GitRevision } from "../diff/git-revision.js";
import { diffMarkdown } from "../diff/markdown.js";
import { unchanged, type DiffReport, type Version } from "../diff/report.js";
import { diffText } from "../diff/text.js";
import { compileEntry, compilePath, type Compiled } from "../load.js";
import { displayPath, ExitCode, styleFor, UsageError, useColor } from "../output.js";
import { checkRecordsFile, type InputFormat, inputFormatOf, recordBatches } from "../records-read.js";
import { extensionFormat, Sink } from "../records-write.js";

export interface DiffCommandOptions {
  base?: string;
  records?: string;
  inputFormat?: InputFormat;
  limit?: string;
  out?: string;
  asOf?: string;
  format: "text" | "markdown" | "json";
  color?: boolean;
}

const DEFAULT_LIMIT = 20;

export async function runDiff(paths: string[], opts: DiffCommandOptions): Promise<number> {
  if (opts.base !== undefined ? paths.length !== 1 : paths.length !== 2) {
    throw new UsageError(opts.base !== undefined
      ? "with --base, give one ruleset: carve diff PATH --base GITREF"
      : "give two versions to compare (carve diff OLD NEW), or one and a git revision (carve diff PATH --base GITREF)");
  }
  const asOf = parseAsOf(opts.asOf) ?? todayUtc();
  const limit = parseLimit(opts.limit);
  if (opts.records === undefined && opts.out !== undefined) throw new UsageError("--out writes the records that move: it needs --records FILE");
  const inFormat = opts.records !== undefined ? inputFormatOf(opts.records, opts.inputFormat) : undefined;
  if (opts.records !== undefined) checkRecordsFile(opts.records);
  if (opts.out !== undefined && opts.out !== "-" && opts.records !== undefined && resolve(opts.out) === resolve(opts.records)) {
    throw new UsageError(`--out ${opts.out} is the records file itself: write the moves elsewhere`);
  }

  const versions = load(paths, opts);
  if (versions === undefined) return ExitCode.Usage;
  const [old, neu] = versions;
  const result = diffArtifacts(old.compiled.artifact, neu.compiled.artifact, { asOf });
  const report: DiffReport = { old: old.version, neu: neu.version, result, schema: witnessSchema(old.compiled, neu.compiled) };
  if (opts.records !== undefined) report.data = await replay(opts.records, inFormat!, opts, report.schema, old.compiled, neu.compiled, asOf, limit);

  const stream = opts.out === "-" ? process.stderr : process.stdout;
  if (opts.format === "json") stream.write(`${JSON.stringify(diffJson(report), null, 2)}\n`);
  else if (opts.format === "markdown") stream.write(diffMarkdown(report));
  else stream.write(diffText(report, styleFor(useColor(stream as NodeJS.WriteStream, opts.color))));
  return unchanged(report) ? ExitCode.Ok : ExitCode.Findings;
}

interface Loaded {
  compiled: Compiled;
  version: Version;
}

/** Both versions compiled (errors printed), or undefined when either does not compile. */
function load(paths: string[], opts: DiffCommandOptions): [Loaded, Loaded] | undefined {
  let old: Compiled | undefined;
  let oldLabel: string;
  if (opts.base !== undefined) {
    const rev = GitRevision.open(paths[0], opts.base);
    old = compileEntry(rev.entryOf(paths[0]), rev, opts.color, `at ${opts.base}`);
    oldLabel = `${displayPath(resolve(paths[0]))} at ${opts.base}`;
  } else {
    old = compilePath(paths[0], opts.color);
    oldLabel = displayPath(resolve(paths[0]));
  }
  const newPath = paths[paths.length - 1];
  const neu = compilePath(newPath, opts.color);
  if (old === undefined || neu === undefined) return undefined;
  const version = (c: Compiled, label: string): Version => ({ label, ruleset: c.artifact.ruleset.name, hash: c.artifact.hash });
  return [{ compiled: old, version: version(old, oldLabel) }, { compiled: neu, version: version(neu, displayPath(resolve(newPath))) }];
}

/** The new version's fields, then those only the old one has: witnesses and records use both. */
function witnessSchema(old: Compiled, neu: Compiled): RecordSchema {
  const s = neu.artifact.schema;
  const known = new Set(s.fields.map((f) => f.name));
  return { ...s, fields: [...s.fields, ...old.artifact.schema.fields.filter((f) => !known.has(f.name))] };
}

async function replay(
  records: string, format: InputFormat, opts: DiffCommandOptions, schema: RecordSchema, old: Compiled, neu: Compiled, asOf: string, limit: number,
): Promise<NonNullable<DiffReport["data"]>> {
  const r = { old: loadArtifact(old.artifact), neu: loadArtifact(neu.artifact), asOf, keyField: schema.key };
  const stateful: [Set<string>, Set<string>] = [statefulTeams(r.old), statefulTeams(r.neu)];
  const key = schema.key;
  const outFormat = opts.out === undefined ? undefined : (extensionFormat(opts.out) ?? "csv");
  const sink = opts.out === undefined ? undefined : new Sink(opts.out, outFormat!, [...(key !== undefined ? [key] : []), ...MOVE_COLUMNS]);
  const style = styleFor(useColor(process.stderr, opts.color));
  const note = (m: string) => process.stderr.write(`${style.info("note")}: ${m}\n`);
  const diff = new DataDiff(limit);
  for await (const batch of recordBatches(records, format, schema, note)) {
    for (const row of batch) {
      const move = replayRow(r, diff, row, stateful);
      if (move !== undefined) sink?.add(outFormat === "csv" ? moveCsv(move, key) : moveNdjson(move, key));
    }
    await sink?.flush();
  }
  await sink?.close();
  const source = records === "-" ? "standard input" : displayPath(resolve(records));
  return { source, diff, ...(opts.out !== undefined ? { outFile: opts.out === "-" ? "-" : displayPath(resolve(opts.out)) } : {}) };
}

const MOVE_COLUMNS = ["row", "old_status", "old_territory", "old_owner", "new_status", "new_territory", "new_owner"];

/** One moved record: its key (when the record has one), row number, and both placements. */
function moveCsv(m: Move, key: string | undefined): string[] {
  const cells = [String(m.row), m.from.status, m.from.territory, m.from.owner, m.to.status, m.to.territory, m.to.owner];
  return key !== undefined ? [m.key ?? "", ...cells] : cells;
}

function moveNdjson(m: Move, key: string | undefined): object {
  return { ...(key !== undefined ? { [key]: m.key ?? null } : {}), row: m.row, old: m.from, new: m.to };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--limit ${JSON.stringify(value)} is not a number of records: write e.g. --limit 50`);
  return Number(value.trim());
}
