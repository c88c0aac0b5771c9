// `carve explain PATH --record JSON|@FILE [--why-not TERRITORY] [--as-of DATE] [--format text|json]`:
// one record's decision and every step that led to it. An invalid record is a normal answer
// (status invalid with its reasons, exit 0); unreadable input is a usage error (exit 2).
import { existsSync, readFileSync } from "node:fs";
import type { Decision } from "@carve/runtime";
import { parseAsOf } from "../as-of.js";
import { parseJson, problemText } from "../json-input.js";
import { ExitCode, IoError, styleFor, UsageError, useColor } from "../output.js";
import { loadRuntime } from "../runtime-load.js";
import { decisionText, traceText, whyNotText } from "../trace-text.js";

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
  const d: Decision = loaded.runtime.evaluate(record, {
    explain: true,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(opts.whyNot !== undefined ? { whyNot: opts.whyNot } : {}),
    // Explaining must not move round_robin counters or count load: it is a question, not an assignment.
    sideEffects: false,
  });
  const unknown = d.whyNot?.reasons.find((r) => r.kind === "unknown-territory");
  if (unknown && d.whyNot) throw new UsageError(`--why-not: ${d.whyNot.messages[0]}`);
  if (opts.format === "json") {
    process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const style = styleFor(useColor(process.stdout, opts.color));
  const out = [style.bold("decision"), decisionText(d, { style, indent: "  " })];
  if (d.trace && d.trace.length > 0) out.push("", style.bold("trace"), traceText(d.trace, { style, indent: "  " }));
  if (d.whyNot) {
    const head = d.whyNot.matched ? `why not ${d.whyNot.territory}? it is` : `why not ${d.whyNot.territory}?`;
    out.push("", style.bold(head), whyNotText(d.whyNot, { style, indent: "  " }));
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return ExitCode.Ok;
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
