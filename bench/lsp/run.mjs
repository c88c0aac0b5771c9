#!/usr/bin/env node
// `pnpm bench:lsp` (and the last part of `pnpm bench`): how quickly `carve lsp --stdio` answers an
// editor on a 5,000-line ruleset (SPEC §5; the issue's targets: front-end diagnostics within
// 100 ms of an edit, completion within 50 ms). Prints a Markdown report and writes it into
// docs/benchmarks.md between the language server's markers. Flags: see USAGE.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatePlan } from "../generate-plan.mjs";
import { loadCarve } from "../lib/carve.mjs";
import { median } from "../lib/measure.mjs";
import { renderLspReport } from "./report.mjs";
import { mainThreadTimes } from "./sched.mjs";
import { measureSession } from "./session.mjs";

const USAGE = `usage: node bench/lsp/run.mjs [options]
  --size N          territories of the generated plan (default 1140: plan.carve is about 5,000 lines)
  --edits N         edits to time (default 40; --quick: 8)
  --quick           fewer edits and requests (a smoke test: figures are rough)
  --no-doc / --doc  do not / do write docs/benchmarks.md (default: only a full run writes it)
  --keep            keep the work directory (the generated plan)`;

const DEFAULT_SIZE = 1140;

function parseArgs(argv) {
  const o = { size: DEFAULT_SIZE, edits: undefined, quick: false, doc: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return Number(argv[++i]);
    };
    if (a === "--size") o.size = value();
    else if (a === "--edits") o.edits = value();
    else if (a === "--quick") o.quick = true;
    else if (a === "--no-doc") o.doc = false;
    else if (a === "--doc") o.doc = true;
    else if (a === "--keep") o.keep = true;
    else if (a === "--help" || a === "-h") usage();
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.size) || o.size < 10) usage("--size takes a whole number of territories, at least 10");
  if (o.edits !== undefined && !(Number.isInteger(o.edits) && o.edits >= 4)) usage("--edits takes a whole number, at least 4");
  // A quick or resized run must not replace the recorded figures by accident.
  o.doc ??= !o.quick && o.size === DEFAULT_SIZE && (o.edits ?? 40) >= 40;
  return o;
}

function usage(error) {
  if (error) console.error(`error: ${error}`);
  console.error(USAGE);
  process.exit(error ? 2 : 0);
}

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const log = (m) => process.stderr.write(`${m}\n`);
const opts = parseArgs(process.argv.slice(2));
const P = opts.quick
  ? { edits: opts.edits ?? 8, requests: 5, typingCompletions: 4, quietMs: 600 }
  : { edits: opts.edits ?? 40, requests: 20, typingCompletions: 20, quietMs: 600 };

const work = mkdtempSync(join(os.tmpdir(), "carve-bench-lsp-"));
const plan = generatePlan(opts.size);
for (const [name, text] of Object.entries(plan.files)) writeFileSync(join(work, name), text);
const entryText = plan.files[plan.entry];

const results = {
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown CPU", cores: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, date: new Date().toISOString().slice(0, 10),
    load: { start: os.loadavg()[0].toFixed(1) },
  },
  command: `pnpm bench:lsp${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`,
  size: opts.size,
  kb: Buffer.byteLength(entryText) / 1024,
  rosterLines: plan.files["roster.carve"].split("\n").length,
  params: P,
};

// What one rebuild costs without the server around it, to tell the server's overhead from the
// compiler's work: the same two files through loadProgram and compileProgram, warm, in this process.
log(`— language server: ${opts.size} territories, plan.carve ${entryText.split("\n").length} lines; in-process baseline …`);
const carve = await loadCarve();
// Wall time and the main thread's CPU time, measured as for the server: on a busy machine the CPU
// time is the steadier figure.
const steps = { parse: [], load: [], compile: [] };
const timed = (name, fn, keep) => {
  const t0 = performance.now();
  const c0 = mainThreadTimes().cpu;
  const value = fn();
  if (keep) steps[name].push({ wall: performance.now() - t0, cpu: mainThreadTimes().cpu - c0 });
  return value;
};
for (let i = 0; i < (opts.quick ? 3 : 7); i++) {
  // The first two runs warm the JIT up; the server has done the same by the time edits arrive.
  const keep = i >= 2 || opts.quick;
  timed("parse", () => carve.language.parse(plan.entry, entryText), keep);
  const program = timed("load", () => carve.language.loadProgram(plan.entry, new carve.language.MemoryHost(plan.files)), keep);
  timed("compile", () => carve.compiler.compileProgram(program), keep);
}
const summary = (xs) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
results.inProcess = { parse: summary(steps.parse), load: summary(steps.load), compile: summary(steps.compile) };
// The server's own pauses after an edit (part of every diagnostics figure), to print next to them.
results.delays = (await import(here("../../packages/language-server/dist/index.js"))).DIAGNOSTIC_DELAYS;

log(`— language server: ${P.edits} edits, ${P.requests} of each request …`);
results.session = await measureSession({ dir: work, entry: join(work, plan.entry), text: entryText, P, log });
results.machine.load.end = os.loadavg()[0].toFixed(1);
if (results.session.stderr) log(`note: the server wrote to stderr:\n${results.session.stderr}`);

const report = renderLspReport(results);
console.log(report);
writeFileSync(join(work, "results.json"), JSON.stringify(results, null, 2));
log(`(raw results: ${join(work, "results.json")})`);
if (opts.doc) writeDoc(report);
else log("docs/benchmarks.md not written (a quick or partial run; pass --doc to write it anyway)");
if (!opts.keep) for (const name of Object.keys(plan.files)) rmSync(join(work, name), { force: true });
if (results.session.exitCode !== 0) {
  log(`ABORTED: the server did not exit cleanly after shutdown + exit (${results.session.exitCode})`);
  process.exit(1);
}

function writeDoc(text) {
  const path = here("../../docs/benchmarks.md");
  const BEGIN = "<!-- bench-lsp:begin (generated by `pnpm bench:lsp`; edit outside these markers) -->";
  const END = "<!-- bench-lsp:end -->";
  const doc = readFileSync(path, "utf8");
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) {
    log(`note: ${path} has no language-server markers; not written`);
    return;
  }
  writeFileSync(path, `${doc.slice(0, a + BEGIN.length)}\n${text}\n${doc.slice(b)}`);
  log(`wrote ${path}`);
}
