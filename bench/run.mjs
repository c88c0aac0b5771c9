#!/usr/bin/env node
// `pnpm bench`: Carve against its peers in one run. Per plan size: compile (fresh process), then
// one fresh process per engine, each checked against Carve's answers before any figure is kept;
// then `carve assign` on a million raw leads; last, the language server (bench/lsp/run.mjs, its
// own process and its own section of the doc). Prints a Markdown report and writes it into
// docs/benchmarks.md between its markers. Flags: see USAGE.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assignAvailable, assignBench } from "./assign.mjs";
import { timedRun } from "./lib/proc.mjs";
import { renderReport } from "./lib/report.mjs";
import { mergeRounds } from "./lib/rounds.mjs";
import { elapsedMs, now } from "./lib/measure.mjs";

const USAGE = `usage: node bench/run.mjs [options]
  --sizes 10,100,1000,10000   plan sizes (territories)
  --engines LIST              carve-norm,carve-raw,carve-js,naive,bitset,jre,zen,zen-batch
  --quick                     short runs and 20,000-lead samples (a smoke test: figures are rough)
  --assign-records N          leads for \`carve assign\` (default 1000000; --quick: 100000); 0 skips it
  --sql-rows N                leads DuckDB decides with \`carve compile --target sql\` (default 10000000; --quick: 200000); 0 skips it
  --no-lsp                    skip the language-server benchmark (\`pnpm bench:lsp\` runs only that one)
  --no-doc / --doc            do not / do write docs/benchmarks.md (default: only a full run writes it)
  --rounds N                  processes per synchronous engine at 1,000 territories, interleaved (default 3; --quick: 1)
  --keep                      keep the work directory (plans, artifacts, lead files)
  --from FILE                 no measuring: render the report (and the doc) from a results.json of an earlier run`;

const ENGINES = ["carve-norm", "carve-raw", "carve-js", "bitset", "naive", "jre", "zen", "zen-batch"];
// The async peers are timed on as many leads as fit in a budget; at 10,000 territories
// json-rules-engine needs about a second per lead, so it stops at 1,000 (see docs/benchmarks.md).
const MAX_SIZE = { jre: 1000 };
/** The plan size the issue's targets name. */
const TARGET_SIZE = 1000;

function parseArgs(argv) {
  const o = { sizes: [10, 100, 1000, 10000], engines: ENGINES, quick: false, assignRecords: undefined, doc: undefined, keep: false, from: undefined, lsp: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--sizes") o.sizes = value().split(",").map((s) => Number(s.replace(/[_,]/g, "")));
    else if (a === "--engines") o.engines = value().split(",");
    else if (a === "--quick") o.quick = true;
    else if (a === "--assign-records") o.assignRecords = Number(value());
    else if (a === "--sql-rows") o.sqlRows = Number(value());
    else if (a === "--no-doc") o.doc = false;
    else if (a === "--doc") o.doc = true;
    else if (a === "--keep") o.keep = true;
    else if (a === "--rounds") o.rounds = Number(value());
    else if (a === "--no-lsp") o.lsp = false;
    else if (a === "--from") o.from = value();
    else if (a === "--help" || a === "-h") usage();
    else usage(`unknown option ${a}`);
  }
  if (o.sizes.some((s) => !Number.isInteger(s) || s < 1)) usage("--sizes takes positive integers, e.g. --sizes 100,1000");
  if (o.assignRecords !== undefined && !(Number.isInteger(o.assignRecords) && o.assignRecords >= 0)) usage("--assign-records takes a whole number, e.g. 1000000 (0 skips it)");
  const unknown = o.engines.filter((e) => !ENGINES.includes(e));
  if (unknown.length) usage(`unknown engine ${unknown[0]}; choose from ${ENGINES.join(", ")}`);
  o.assignRecords ??= o.quick ? 100_000 : 1_000_000;
  if (o.sqlRows !== undefined && !(Number.isInteger(o.sqlRows) && o.sqlRows >= 0)) usage("--sql-rows takes a whole number, e.g. 10000000 (0 skips it)");
  o.sqlRows ??= o.quick ? 200_000 : 10_000_000;
  if (o.rounds !== undefined && !(Number.isInteger(o.rounds) && o.rounds >= 1)) usage("--rounds takes a whole number ≥ 1, e.g. 3");
  o.rounds ??= o.quick ? 1 : 3;
  // A quick or partial run must not replace the recorded figures by accident.
  const full = !o.quick && o.sizes.join() === "10,100,1000,10000" && o.engines.length === ENGINES.length && o.assignRecords >= 1_000_000;
  o.doc ??= full || o.from !== undefined;
  return o;
}

function usage(error) {
  if (error) console.error(`error: ${error}`);
  console.error(USAGE);
  process.exit(error ? 2 : 0);
}

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const opts = parseArgs(process.argv.slice(2));
const P = opts.quick
  ? { records: 20_000, verifyMs: 3_000, runMs: 250, runs: 3, latencyCount: 20_000, latencyMs: 500, asyncMs: 2_000, minAsync: 20 }
  : { records: 100_000, verifyMs: 15_000, runMs: 1_000, runs: 5, latencyCount: 100_000, latencyMs: 2_000, asyncMs: 10_000, minAsync: 50 };
const log = (m) => process.stderr.write(`${m}\n`);
if (opts.from) {
  const report = renderReport(JSON.parse(readFileSync(opts.from, "utf8")));
  console.log(report);
  if (opts.doc) writeDoc(report);
  process.exit(0);
}
const work = mkdtempSync(join(os.tmpdir(), "carve-bench-"));
const started = now();

function child(script, arg, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, here(script), JSON.stringify(arg)], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) {
    log(r.stderr.trim());
    log(`\nABORTED: ${script} ${JSON.stringify(arg)} exited ${r.status}${r.status === 3 ? " (an engine disagrees with Carve: no figures are reported)" : ""}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const results = {
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown CPU", cores: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, date: new Date().toISOString().slice(0, 10),
    load: { start: loadAvg() },
  },
  versions: {
    jre: JSON.parse(readFileSync(here("../node_modules/json-rules-engine/package.json"), "utf8")).version,
    zen: JSON.parse(readFileSync(here("../node_modules/@gorules/zen-engine/package.json"), "utf8")).version,
  },
  command: `pnpm bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`,
  params: { ...P, rounds: opts.rounds }, compile: {}, cases: {}, skipped: [], assign: undefined,
};

for (const size of opts.sizes) {
  log(`— ${size.toLocaleString("en-US")} territories: compiling …`);
  const c = child("compile-case.mjs", { size, work, records: P.records });
  const check = timedRun([process.execPath, here("../packages/cli/dist/main.js"), "check", join(work, String(size), "plan.carve"), "--no-color"]);
  c.checkCli = { wallMs: check.wallMs, cpuMs: check.cpuMs, peakMB: check.peakMB, code: check.code };
  results.compile[size] = c;
  results.cases[size] = {};
  const rounds = {};
  for (const engine of opts.engines) {
    if (size > (MAX_SIZE[engine] ?? Infinity)) {
      results.skipped.push({ engine, size, reason: `too slow above ${MAX_SIZE[engine].toLocaleString("en-US")} territories` });
      continue;
    }
    const r = child("case.mjs", { engine, size, work, ...P }, ["--expose-gc"]);
    rounds[engine] = [r];
    log(`   ${engine.padEnd(10)} agrees with Carve on all ${r.verified.toLocaleString("en-US")} records it was timed on`);
  }
  // The targets are set at 1,000 territories: there the synchronous engines run again, in turn,
  // so that a slow spell of the machine does not fall on one engine only (lib/rounds.mjs).
  const again = size === TARGET_SIZE ? Object.keys(rounds).filter((e) => rounds[e][0].rate.method === "batch") : [];
  for (let round = 1; round < opts.rounds && again.length > 0; round++) {
    log(`   round ${round + 1} of ${opts.rounds}: ${again.join(", ")}`);
    for (const engine of again) rounds[engine].push(child("case.mjs", { engine, size, work, ...P }, ["--expose-gc"]));
  }
  for (const [engine, rs] of Object.entries(rounds)) results.cases[size][engine] = mergeRounds(rs);
}

if (opts.assignRecords > 0) {
  const size = opts.sizes.includes(1000) ? 1000 : opts.sizes[opts.sizes.length - 1];
  const available = assignAvailable();
  if (available !== true) {
    results.assign = { status: "skipped", note: `skipped: ${available}` };
    log(`note: \`carve assign\` skipped: ${available}`);
  } else {
    log(`— carve assign: ${opts.assignRecords.toLocaleString("en-US")} raw leads, ${size} territories …`);
    const expected = JSON.parse(readFileSync(join(work, String(size), "expected.json"), "utf8"));
    results.assign = await assignBench({ size, records: opts.assignRecords, work, expected });
    if (results.assign.status === "ok" && (results.assign.mismatches > 0 || results.assign.outRows !== opts.assignRecords)) {
      log(`ABORTED: carve assign disagrees with the runtime: ${JSON.stringify({ ...results.assign, summary: undefined })}`);
      process.exit(1);
    }
    if (results.assign.status !== "ok") log(`note: ${results.assign.note}`);
  }
}

if (opts.sqlRows > 0) {
  // Its own process: DuckDB takes every core and several GB for ten million rows.
  const size = opts.sizes.includes(1000) ? 1000 : opts.sizes[opts.sizes.length - 1];
  log(`— SQL (DuckDB): ${opts.sqlRows.toLocaleString("en-US")} generated leads, ${size} territories …`);
  results.sql = child("sql/duckdb.mjs", { size, rows: opts.sqlRows });
}

results.machine.load.end = loadAvg();
const report = renderReport(results);
console.log(report);
log(`(whole run: ${(elapsedMs(started) / 1000).toFixed(0)} s; raw results: ${join(work, "results.json")})`);
writeFileSync(join(work, "results.json"), JSON.stringify(results, null, 2));
if (opts.doc) writeDoc(report);
else log("docs/benchmarks.md not written (a quick or partial run; pass --doc to write it anyway)");
if (!opts.keep) {
  for (const size of opts.sizes) rmSync(join(work, String(size)), { recursive: true, force: true });
}

if (opts.lsp) {
  // Same rule for the doc as above: a quick or partial run leaves the recorded figures alone.
  const flags = [...(opts.quick ? ["--quick"] : []), opts.doc ? "--doc" : "--no-doc", ...(opts.keep ? ["--keep"] : [])];
  const lsp = spawnSync(process.execPath, [here("lsp/run.mjs"), ...flags], { stdio: "inherit" });
  if (lsp.status !== 0) {
    log(`ABORTED: the language-server benchmark exited ${lsp.status}`);
    process.exit(1);
  }
}

/** The 1-minute load average: how busy the machine was besides us. */
function loadAvg() {
  return os.loadavg()[0].toFixed(1);
}

function writeDoc(text) {
  const path = here("../docs/benchmarks.md");
  const BEGIN = "<!-- bench:begin (generated by `pnpm bench`; edit outside these markers) -->";
  const END = "<!-- bench:end -->";
  let doc;
  try {
    doc = readFileSync(path, "utf8");
  } catch {
    doc = `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  }
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) {
    log(`note: ${path} has no bench markers; not written`);
    return;
  }
  writeFileSync(path, `${doc.slice(0, a + BEGIN.length)}\n${text}\n${doc.slice(b)}`);
  log(`wrote ${path}`);
}
