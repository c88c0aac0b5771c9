// `carve explain PATH --record JSON|@FILE [--why-not TERRITORY] [--as-of DATE] [--format text|json]`:
// one record's decision and every step that led to it. An invalid record is a normal answer
// (status invalid with its reasons, exit 0); unreadable input is a usage error (exit 2).
import { existsSync, readFileSync } from "node:fs";
import type { Decision } from "@carve/runtime";
import { closest } from "@carve/values";
import { parseAsOf } from "../as-of.js";
import { parseJson, problemText } from "../json-input.js";
import { ExitCode, IoError, styleFor, UsageError, useColor } from "../output.js";
import { loadRuntime } from "../runtime-load.js";
import { decisionText, entryFileName, traceText, whyNotText } from "../trace-text.js";

export interface ExplainOptions {
  record: string;
  whyNot?: string;
  asOf?: string;
  format: "text" | "json";
  color?: boolean;
}

export function runExplain(path: string, opts: ExplainOptions): number {
  const asOf = parseAsOf(opts.asOf);
  const record = readRecord(opts.record);
  const loaded = loadRuntime(path, opts.color);
  if (!loaded) return ExitCode.Findings;
  if (opts.whyNot !== undefined) checkTerritory(opts.whyNot, loaded.runtime.artifact.territories.map((t) => t.id));
  const d: Decision = loaded.runtime.evaluate(record, {
    explain: true,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(opts.whyNot !== undefined ? { whyNot: opts.whyNot } : {}),
    // Explaining must not move round_robin counters or count load: it is a question, not an assignment.
    sideEffects: false,
  });
  if (opts.format === "json") {
    process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const style = styleFor(useColor(process.stdout, opts.color));
  const fileName = entryFileName(loaded.compiled.program.entry);
  const out = [style.bold("decision"), decisionText(d, { style, indent: "  " })];
  if (d.trace && d.trace.length > 0) out.push("", style.bold("trace"), traceText(d.trace, { style, indent: "  ", fileName }));
  if (d.whyNot) {
    const head = d.whyNot.matched ? `why not ${d.whyNot.territory}? it is` : `why not ${d.whyNot.territory}?`;
    out.push("", style.bold(head), whyNotText(d.whyNot, { style, indent: "  ", fileName }));
  } else if (opts.whyNot !== undefined) {
    out.push("", style.bold(`why not ${opts.whyNot}?`), "  - the record is invalid, so no territory was tried (see the errors above)");
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return ExitCode.Ok;
}

function checkTerritory(id: string, ids: string[]): void {
  if (ids.includes(id)) return;
  const near = closest(id, ids);
  const hint = near.length > 0 ? `; did you mean ${near.map((x) => `\`${x}\``).join(" or ")}?` : `; territories are named by their path, e.g. ${ids.slice(0, 3).map((x) => `\`${x}\``).join(", ")}`;
  throw new UsageError(`--why-not: there is no territory \`${id}\`${hint}`);
}

/** `--record '{"id": …}'`, `--record @lead.json` or `--record @-` (standard input). */
function readRecord(arg: string): unknown {
  let text = arg;
  let what = "--record";
  if (arg.startsWith("@")) {
    const file = arg.slice(1);
    if (file === "") throw new UsageError("--record @ needs a file name after the `@`, e.g. --record @lead.json (or @- for standard input)");
    what = file === "-" ? "the record on standard input" : file;
    try {
      text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new IoError(code === "ENOENT" ? `no such file: ${file} (given as --record @${file})` : `cannot read ${file}: ${(e as Error).message}`);
    }
  } else if (arg.trim() !== "" && !/^\s*[[{"]/.test(arg) && !/^\s*(null|true|false|-?\d)/.test(arg)) {
    const hint = existsSync(arg) ? `; to read the file, write --record @${arg}` : "";
    throw new UsageError(`--record expects a JSON object such as '{"id": "L-1", "country": "US"}' or @FILE; got ${JSON.stringify(arg.length > 60 ? `${arg.slice(0, 60)}…` : arg)}${hint}`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new IoError(`${what} is not valid JSON: ${problemText(parsed.problem)}`);
  return parsed.value;
}
