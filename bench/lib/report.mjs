// The Markdown report: machine, per-size tables, compile table, targets. run.mjs prints it and
// writes it between the markers of docs/benchmarks.md.
import { sqlSection } from "../sql/report.mjs";
import { int, mb, msText, ns, rate, table, times } from "./format.mjs";

export const ENGINE_LABELS = {
  "carve-norm": "**Carve runtime**, pre-normalised records",
  "carve-raw": "**Carve runtime**, raw CRM records",
  "carve-js": "**Carve JS module** (`carve compile --target js`), pre-normalised records",
  naive: "naive first-match interpreter",
  bitset: "hand-tuned bitset loop",
  jre: "json-rules-engine (flat, awaited)",
  zen: "zen-engine (awaited one at a time)",
  "zen-batch": "zen-engine (256 in flight)",
};

/** How the rounds at the target size were merged (lib/rounds.mjs), when there were several. */
function roundsNote(results) {
  const merged = Object.entries(results.cases).flatMap(([size, cases]) => Object.values(cases).filter((c) => (c.rounds ?? 1) > 1).map((c) => ({ size: Number(size), rounds: c.rounds })));
  if (merged.length === 0) return "";
  return ` At ${int(merged[0].size)} territories each synchronous engine ran in ${Math.max(...merged.map((m) => m.rounds))} processes, taking turns with the others: decisions/s is the median (and range) of all their timed runs, and p50, p99 and p99.9 are the medians of the processes' own figures.`;
}

/** Carve's rate over another engine's, in words. */
function relative(x) {
  return x >= 1 ? `Carve ${times(x)} faster` : `Carve ${times(1 / x)} slower`;
}

function sizeTable(size, cases) {
  const carve = cases["carve-norm"]?.rate.median;
  const rows = Object.values(cases).map((c) => [
    ENGINE_LABELS[c.engine],
    `${rate(c.rate.median)}${c.rate.runs > 1 ? ` (${rate(c.rate.min).replace(/ .*/, "")}–${rate(c.rate.max)})` : ""}`,
    rate(c.rate.cpu),
    c.engine === "carve-norm" || !carve ? "—" : relative(carve / c.rate.median),
    ns(c.latency.p50), ns(c.latency.p99), ns(c.latency.p999),
    msText(c.setupMs), `${mb(c.mem.setupHeapMB)} / ${mb(c.mem.setupRssMB)}`, mb(c.mem.peakRssMB),
    int(c.verified),
  ]);
  return [
    `#### ${int(size)} territories`,
    "",
    table(["engine", "decisions/s (median; min–max)", "per CPU-second", "vs Carve (pre-normalised)", "p50", "p99", "p99.9", "setup", "setup Δheap / ΔRSS", "peak RSS", "records verified = timed"], rows),
  ].join("\n");
}

const wallCpu = (wall, cpu) => `${msText(wall)} / ${msText(cpu)}`;
/** loadProgram + compileProgram, as `carve compile` runs them (analysis included when compileProgram runs it). */
export const compileTotal = (c) => ({ wall: c.loadProgramMs + c.compileProgramMs, cpu: c.cpuMs.load + c.cpuMs.compile });
const analysed = (c) => c.analysis.how === "inside compileProgram";

function compileTable(compiles) {
  const rows = Object.values(compiles).map((c) => [
    int(c.size), int(c.sourceLines), wallCpu(c.loadProgramMs, c.cpuMs.load), wallCpu(c.compileProgramMs, c.cpuMs.compile),
    Number.isNaN(c.analysis.ms) ? "—" : `${wallCpu(c.analysis.ms, c.analysis.cpuMs)}${analysed(c) ? "" : ` (${c.analysis.how})`}${c.analysis.incomplete ? " (stopped at its budget)" : ""}`,
    wallCpu(compileTotal(c).wall, compileTotal(c).cpu), msText(c.loadArtifactMs),
    mb(c.artifactMB),
    c.jsModule ? `${mb(c.jsModule.MB)}, emitted in ${msText(c.jsModule.emitMs)}` : "—",
    c.checkCli ? `${wallCpu(c.checkCli.wallMs, c.checkCli.cpuMs)}, ${mb(c.checkCli.peakMB)} (exit ${c.checkCli.code})` : "—",
  ]);
  return table(["territories", "source lines", "loadProgram (parse, bind, check)", "compileProgram (lower, analyse, seal)", "of which analysis (`analyze` alone)", "total", "loadArtifact (validate, index)", "artifact", "JS module (`--target js`)", "`carve check` in a new process (+ peak RSS)"], rows);
}

function workloadTable(compiles) {
  const rows = Object.values(compiles).map((c) => [
    int(c.size), int(c.rows), int(c.territoriesHit), `${(c.otherwiseShare * 100).toFixed(2)}%`, c.meanRowPosition.toFixed(0),
    Object.entries(c.diagnostics).map(([k, v]) => `${v}× ${k}`).join(", ") || "none",
    c.analysis.findings ? Object.entries(c.analysis.findings).map(([k, v]) => `${v} ${k}`).join(", ") || "none" : "—",
  ]);
  return table(["territories", "first-match rows (flattened)", "territories hit by the sample", "to `otherwise`", "mean position of the winning row", "compile diagnostics", "analysis findings"], rows);
}

/** [target, measured, verdict] per target of the issue. */
export function targets(results) {
  const at = (size, engine) => results.cases[size]?.[engine];
  const k = 1000;
  const out = [];
  const verdict = (ok) => (ok === undefined ? "not measured" : ok ? "**met**" : "**missed**");
  const norm = at(k, "carve-norm");
  const raw = at(k, "carve-raw");
  const both = (c) => (c ? `${rate(c.rate.median)} (per CPU-second: ${rate(c.rate.cpu)})` : "—");
  out.push(["≥ 2 M decisions/s, pre-normalised, 1,000 territories", both(norm), verdict(norm && norm.rate.median >= 2e6)]);
  out.push(["≥ 500 k decisions/s, raw records, 1,000 territories", both(raw), verdict(raw && raw.rate.median >= 5e5)]);
  out.push(["p99 < 5 µs, 1,000 territories (pre-normalised / raw)", norm ? `${ns(norm.latency.p99)} / ${raw ? ns(raw.latency.p99) : "—"}` : "—", verdict(norm && raw && norm.latency.p99 < 5000 && raw.latency.p99 < 5000)]);
  for (const peer of ["jre", "zen", "zen-batch"]) {
    const p = at(k, peer);
    const x = norm && p ? norm.rate.median / p.rate.median : undefined;
    out.push([`≥ 100× ${ENGINE_LABELS[peer]}, 1,000 territories`, x === undefined ? "—" : times(x), verdict(x === undefined ? undefined : x >= 100)]);
  }
  const b = at(k, "bitset");
  const x = norm && b ? b.rate.median / norm.rate.median : undefined;
  out.push(["within 2× of the hand-tuned bitset loop, 1,000 territories", x === undefined ? "—" : `bitset is ${times(x)} Carve`, verdict(x === undefined ? undefined : x <= 2)]);
  const c = results.compile[10000];
  const total = c ? compileTotal(c) : undefined;
  out.push([
    "10,000 territories check + analyse + compile < 5 s",
    c ? `${msText(total.wall)} (CPU ${msText(total.cpu)})${analysed(c) ? "" : `; analysis: ${c.analysis.how}`}${c.analysis.incomplete ? "; the analysis stopped at its work budget" : ""}` : "—",
    verdict(c ? total.wall < 5000 && analysed(c) : undefined),
  ]);
  const a = results.assign;
  out.push([
    "`carve assign` 1,000,000 raw records < 30 s and < 300 MB",
    a?.status === "ok" ? `${a.wallS.toFixed(1)} s (CPU ${a.cpuS.toFixed(1)} s), ${a.peakMB.toFixed(0)} MB peak RSS (${int(a.records)} records)` : a?.note ?? "—",
    verdict(a?.status === "ok" && a.records >= 1e6 ? a.wallS < 30 && a.peakMB < 300 : undefined),
  ]);
  return out;
}

function timerNs(results) {
  const xs = Object.values(results.cases).flatMap((cs) => Object.values(cs)).map((c) => c.timerNs).filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length ? xs[xs.length >> 1] : NaN;
}

export function renderReport(results) {
  const m = results.machine;
  const parts = [
    `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memGB} GB RAM, ${m.os}, Node ${m.node} ` +
      `(load average ${m.load.start} at the start, ${m.load.end} at the end of the run); ` +
      `json-rules-engine ${results.versions.jre}, @gorules/zen-engine ${results.versions.zen}. ` +
      `Command: \`${results.command}\`.`,
    "",
    "### Targets (from the issue)",
    "",
    table(["target", "measured", "verdict"], targets(results)),
    "",
    "### Evaluation",
    "",
    `Latency of the synchronous engines includes the two clock reads around each call (median ${ns(timerNs(results))} here).` + roundsNote(results),
    "",
    ...Object.entries(results.cases).flatMap(([size, cases]) => [sizeTable(Number(size), cases), ""]),
  ];
  if (results.skipped.length) {
    parts.push("Not run: " + results.skipped.map((s) => `${ENGINE_LABELS[s.engine] ?? s.engine} at ${int(s.size)} (${s.reason})`).join("; ") + ".", "");
  }
  parts.push("### Compilation (fresh process per size; cold, as the CLI runs it)", "", "Times are wall / CPU.", "", compileTable(results.compile), "");
  parts.push("### Workload", "", workloadTable(results.compile), "");
  const a = results.assign;
  parts.push("### `carve assign`", "");
  if (a?.status === "ok") {
    parts.push(`\`${a.command}\`: ${int(a.records)} raw NDJSON records (${mb(a.inputMB)}) against the ${int(a.size)}-territory plan (from source) in ` +
      `**${a.wallS.toFixed(1)} s** wall, ${a.cpuS.toFixed(1)} s CPU (${rate(a.records / a.wallS)} end to end), **${a.peakMB.toFixed(0)} MB** peak RSS; exit ${a.code}. ` +
      `${a.cliReport ? `The CLI's own report for the records alone: ${a.cliReport}. ` : ""}` +
      `All ${int(a.outRows)} rows were written; the first ${int(a.checked)} match the library's answers.`);
  } else parts.push(a?.note ?? "not run");
  parts.push("");
  if (results.sql) parts.push(...sqlSection(results.sql));
  return parts.join("\n");
}
