// The Markdown report of the language-server benchmark: targets first, then the details.
// run.mjs prints it and writes it into docs/benchmarks.md between the language server's markers.
import { int, msText, table } from "../lib/format.mjs";
import { percentile } from "../lib/measure.mjs";

const TARGET = { diagnosticsMs: 100, completionMs: 50 };

export function stats(xs) {
  const s = Float64Array.from(xs).sort();
  return { count: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

const wallCpu = (x) => `${msText(x.wall)} / ${msText(x.cpu)}`;
const trio = (st) => `${msText(st.p50)} / ${msText(st.p95)} / ${msText(st.max)}`;
/** Times of the server's main thread from /proc (Linux only). */
const cpuTrio = (xs) => (xs.every(Number.isFinite) ? trio(stats(xs)) : "—");
const verdict = (st, limit) => (st.p95 <= limit ? "**met**" : "**missed**");

export function renderLspReport(r) {
  const m = r.machine;
  const s = r.session;
  const front = stats(s.edits.map((e) => e.frontMs));
  const frontCpu = s.edits.map((e) => e.frontCpuMs);
  const idleCompletion = stats(Object.entries(s.requests).filter(([k]) => k.startsWith("completion")).flatMap(([, v]) => v.ms));
  const typingCompletion = stats(s.typing.map((t) => t.completionMs));
  const delays = r.delays
    ? `${r.delays.frontEndMs > 0 ? `it waits ${r.delays.frontEndMs} ms after an edit before running the front end` : "it runs the front end as soon as the messages already received are handled (no pause)"}, and waits ${r.delays.analysisMs} ms before the analysis`
    : "its pauses after an edit are unknown (no DIAGNOSTIC_DELAYS export)";
  const phases = s.phases.length === 1 && s.phases[0] === 1
    ? "one publish per version (front end and analysis together)"
    : `${s.phases.join(" or ")} publishes per version (front-end diagnostics first, the analysis' findings after)`;

  const editRows = ["label", "error", "fix"].map((kind) => {
    const es = s.edits.filter((e) => e.kind === kind);
    if (es.length === 0) return undefined;
    const analysed = es.filter((e) => Number.isFinite(e.analysisMs));
    return [
      { label: "type / delete a letter in a territory's label", error: "misspell an owner (`assign rep00123x`: CARVE025 appears)", fix: "fix the misspelling (CARVE025 goes)" }[kind],
      int(es.length), trio(stats(es.map((e) => e.frontMs))), cpuTrio(es.map((e) => e.frontCpuMs)), cpuTrio(es.map((e) => e.frontWaitMs)),
      analysed.length ? trio(stats(analysed.map((e) => e.analysisMs))) : "— (no analysis on a program with errors)",
    ];
  }).filter(Boolean);

  const requestRows = Object.entries(s.requests).map(([name, v]) => [name, v.items === undefined ? "" : int(v.items), int(v.ms.length), trio(stats(v.ms))]);
  const typing = stats(s.typing.map((t) => t.frontMs));

  return [
    `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memGB} GB RAM, ${m.os}, Node ${m.node} ` +
      `(load average ${m.load.start} at the start, ${m.load.end} at the end of the run). Command: \`${r.command}\`.`,
    "",
    `The ruleset: the benchmark plan of ${int(r.size)} territories (\`bench/generate-plan.mjs\`), \`plan.carve\` of ` +
      `**${int(s.lines)} lines** (${r.kb.toFixed(0)} KB) importing \`roster.carve\` (${int(r.rosterLines)} lines). ` +
      `The server: ${delays}; it sent ${phases}. Figures are median / p95 / max, client-side wall time.`,
    "",
    "#### Targets (from the issue)",
    "",
    table(["target", "median / p95 / max", "verdict (p95)"], [
      [`front-end diagnostics within ${TARGET.diagnosticsMs} ms of an edit (${int(front.count)} edits; includes the server's pause)`, trio(front), verdict(front, TARGET.diagnosticsMs)],
      ["— of which the server's main thread was on a core (the verdict adds the pause: the time with a core to itself)", cpuTrio(frontCpu), frontCpu.every(Number.isFinite) ? verdict(stats(frontCpu.map((c) => c + (r.delays?.frontEndMs ?? 0))), TARGET.diagnosticsMs) : "—"],
      [`completion within ${TARGET.completionMs} ms, server idle (${int(idleCompletion.count)} requests at 5 places)`, trio(idleCompletion), verdict(idleCompletion, TARGET.completionMs)],
      [`completion within ${TARGET.completionMs} ms, sent right after an edit (${int(typingCompletion.count)} requests)`, trio(typingCompletion), verdict(typingCompletion, TARGET.completionMs)],
    ]),
    "",
    "#### Edits: didChange → publishDiagnostics of that version",
    "",
    table(["edit", "edits", "first publish (front end)", "server on a core until then", "server waiting for a core", "publish with the analysis' findings"], editRows),
    "",
    "#### Requests (server idle, the current text already built)",
    "",
    table(["request", "items", "requests", "median / p95 / max"], requestRows),
    "",
    `After the edits that were followed at once by a completion request, the first publish came ${trio(typing)} after the edit.`,
    "",
    "#### Start and memory",
    "",
    table(["", "time"], [
      ["spawn `carve lsp --stdio` → initialize answered", msText(s.cold.initializeMs)],
      ["didOpen → first publish", msText(s.cold.firstPublishMs)],
      [`didOpen → publish with the analysis' findings (${int(s.cold.diagnostics)} diagnostics)`, msText(s.cold.analysisPublishMs)],
      ["for comparison, in-process and warm (wall / main-thread CPU): `parse` of `plan.carve` alone (lex, parse, build the syntax tree)", wallCpu(r.inProcess.parse)],
      ["for comparison, in-process and warm (wall / main-thread CPU): `loadProgram` (parse, bind, check) of the two files", wallCpu(r.inProcess.load)],
      ["for comparison, in-process and warm (wall / main-thread CPU): `compileProgram` (lower, analyse, seal)", wallCpu(r.inProcess.compile)],
    ]),
    "",
    `Server peak RSS: ${Number.isFinite(s.serverPeakRssMB) ? `${s.serverPeakRssMB.toFixed(0)} MB` : "—"}; exit code after shutdown + exit: ${s.exitCode}.`,
  ].join("\n");
}
