// The compile step of one plan size, in a fresh process (cold, as `carve check` / `carve compile`
// run): generate the plan, time loadProgram → compileProgram → analyze (when the compiler exports
// it), write the plan, the artifact, its JS module and Carve's answers for the lead sample into WORK/SIZE/.
//   node bench/compile-case.mjs '{"size":1000,"work":"/tmp/x","records":100000}'
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateLeads, generatePlan, LEAD_SEED } from "./generate-plan.mjs";
import { AS_OF, compilePlan, loadCarve, territoryOf } from "./lib/carve.mjs";
import { cpuMs, elapsedMs, now } from "./lib/measure.mjs";

const opt = JSON.parse(process.argv[2]);
const dir = join(opt.work, String(opt.size));
mkdirSync(dir, { recursive: true });

let t0 = now();
const plan = generatePlan(opt.size);
const generateMs = elapsedMs(t0);
for (const [name, text] of Object.entries(plan.files)) writeFileSync(join(dir, name), text);

t0 = now();
const carve = await loadCarve();
const importMs = elapsedMs(t0);
const compiled = compilePlan(carve, plan);

// Static analysis: `compileProgram` runs it (SPEC 2.7) when the compiler has it wired in — its
// CARVE070–078 findings then appear among the diagnostics — so the compile figure is "check +
// analyse + compile". For the breakdown, `analyze` (when exported) is also timed on its own, after.
const codes = new Set(compiled.diagnostics.map((d) => d.code));
const analysis = { how: "not available (no `analyze` export)", ms: NaN, cpuMs: NaN, findings: null };
if (typeof carve.compiler.analyze === "function") {
  const a = compiled.artifact;
  t0 = now();
  const c0 = process.cpuUsage();
  const findings = carve.compiler.analyze({ schema: a.schema, territories: a.territories, groups: a.groups, overlays: a.overlays, overrides: a.overrides, roster: a.roster });
  analysis.ms = elapsedMs(t0);
  analysis.cpuMs = cpuMs(c0);
  analysis.findings = countBy(findings.map((f) => f.kind));
  const inCompile = [...codes].some((c) => /^CARVE07[0-8]$/.test(c));
  analysis.how = inCompile ? "inside compileProgram" : findings.length === 0 ? "no findings" : "not in compileProgram";
  const incomplete = findings.filter((f) => f.kind === "incomplete");
  if (incomplete.length) analysis.incomplete = incomplete.map((f) => f.reason);
}
writeFileSync(join(dir, "artifact.json"), compiled.json);

// `carve compile --target js`: the module the carve-js engine imports.
t0 = now();
const jsModule = carve.compiler.emitJsModule(compiled.artifact);
const emitJsMs = elapsedMs(t0);
writeFileSync(join(dir, "module.mjs"), jsModule);

t0 = now();
const runtime = carve.runtime.loadArtifact(compiled.json);
const loadArtifactMs = elapsedMs(t0);

// Carve's answers (pre-normalised records) are the reference every engine is checked against;
// the raw spelling of each lead must give the same answer.
const leads = generateLeads(opt.records, LEAD_SEED);
const options = { asOf: AS_OF };
const expected = [];
const rowIndex = new Map(plan.rows.map((r, i) => [r.id, i]));
let positions = 0;
for (let i = 0; i < leads.norm.length; i++) {
  const id = territoryOf(runtime.evaluate(leads.norm[i], options));
  if (id !== null && !rowIndex.has(id)) fail(`Carve gives territory ${JSON.stringify(id)} for ${JSON.stringify(leads.norm[i])}, which is not a row of the plan`);
  const raw = territoryOf(runtime.evaluate(leads.raw[i], options));
  if (raw !== id) fail(`Carve gives ${JSON.stringify(raw)} for the raw lead ${JSON.stringify(leads.raw[i])} but ${JSON.stringify(id)} for its normalised form ${JSON.stringify(leads.norm[i])}`);
  expected.push(id);
  positions += id === null ? plan.rows.length : rowIndex.get(id);
}
writeFileSync(join(dir, "expected.json"), JSON.stringify(expected));

const hits = countBy(expected);
console.log(JSON.stringify({
  size: opt.size,
  generateMs, importMs,
  loadProgramMs: compiled.ms.load, compileProgramMs: compiled.ms.compile, cpuMs: compiled.cpuMs,
  analysis,
  loadArtifactMs,
  artifactMB: compiled.json.length / 1e6,
  jsModule: { emitMs: emitJsMs, MB: Buffer.byteLength(jsModule) / 1e6 },
  sourceLines: Object.values(plan.files).reduce((s, t) => s + t.split("\n").length, 0),
  rows: plan.rows.length,
  territoriesHit: Object.keys(hits).filter((k) => k !== "null").length,
  otherwiseShare: (hits.null ?? 0) / expected.length,
  meanRowPosition: positions / expected.length,
  diagnostics: countBy(compiled.diagnostics.map((d) => `${d.severity} ${d.code}`)),
}));

function countBy(xs) {
  const m = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}
function fail(message) {
  console.error(`DISAGREEMENT: ${message}`);
  process.exit(3);
}
