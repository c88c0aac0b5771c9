// One benchmark case in a fresh process: one engine × one plan size. Builds the engine, checks its
// answers against Carve's (every record it is timed on), then measures. Prints one JSON line.
// Exit 3 on any disagreement, with the records that differ on stderr.
//   node --expose-gc bench/case.mjs '{"engine":"naive","size":1000,"work":"/tmp/x", …}'
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateLeads, generatePlan, LEAD_SEED } from "./generate-plan.mjs";
import { AS_OF, loadCarve, territoryOf } from "./lib/carve.mjs";
import { cpuMs, elapsedMs, latencySummary, latencySync, median, memory, now, peakRssMB, rateFor, timerOverheadNs } from "./lib/measure.mjs";
import { PEERS } from "./peers/index.mjs";

const opt = JSON.parse(process.argv[2]);
const dir = join(opt.work, String(opt.size));
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
const count = Math.min(opt.records, expected.length);
const leads = generateLeads(count, LEAD_SEED);

async function engineFor(name) {
  if (name === "carve-norm" || name === "carve-raw") {
    const { runtime } = await loadCarve();
    const json = readFileSync(join(dir, "artifact.json"), "utf8");
    const options = { asOf: AS_OF };
    const records = name === "carve-raw" ? leads.raw : leads.norm;
    return {
      records, async: false,
      build: () => {
        const rt = runtime.loadArtifact(json);
        return { evaluate: (rec) => rt.evaluate(rec, options), answer: territoryOf };
      },
    };
  }
  if (name === "carve-js") {
    // The module `carve compile --target js` wrote (compile-case.mjs); importing it is its setup.
    const options = { asOf: AS_OF };
    return {
      records: leads.norm, async: false,
      build: async () => {
        const mod = await import(pathToFileURL(join(dir, "module.mjs")).href);
        return { evaluate: (rec) => mod.decide(rec, options), answer: territoryOf };
      },
    };
  }
  const peer = PEERS[name.replace(/-batch$/, "")];
  if (!peer) throw new Error(`unknown engine ${name}`);
  const plan = generatePlan(opt.size);
  if (plan.files["plan.carve"] !== readFileSync(join(dir, "plan.carve"), "utf8")) throw new Error("the regenerated plan differs from the compiled one");
  return { records: leads.norm, async: peer.async, build: () => peer.build(plan.rows) };
}

const failures = [];
function check(i, got) {
  if (got === expected[i]) return;
  failures.push({ index: i, record: leads.norm[i], raw: leads.raw[i], carve: expected[i], got });
  if (failures.length >= 5) fail();
}
function fail() {
  if (failures.length === 0) return;
  console.error(`DISAGREEMENT: ${opt.engine} at ${opt.size} territories gives a different territory than Carve's runtime:`);
  for (const f of failures) console.error(JSON.stringify(f));
  process.exit(3);
}

const spec = await engineFor(opt.engine);
const { records } = spec;
const before = memory();
let t0 = now();
const engine = await spec.build(); // the carve-js module is imported here: its setup
const setupMs = elapsedMs(t0);
const after = memory();
const answer = engine.answer ?? ((x) => x);
const result = { engine: opt.engine, size: opt.size, setupMs, mem: { setupHeapMB: after.heapMB - before.heapMB, setupRssMB: after.rssMB - before.rssMB, baseRssMB: before.rssMB } };

if (!spec.async) {
  const fn = engine.evaluate;
  t0 = now();
  check(0, answer(fn(records[0])));
  result.firstCallUs = elapsedMs(t0) * 1000;
  // Verification pass (also the warm-up): every record, or as many as fit in the budget.
  t0 = now();
  let i = 1;
  for (; i < count; i++) {
    check(i, answer(fn(records[i])));
    if ((i & 255) === 0 && elapsedMs(t0) > opt.verifyMs) break;
  }
  fail();
  result.verified = Math.min(i + 1, count);
  const sample = records.slice(0, result.verified);
  const runs = [];
  for (let r = 0; r < opt.runs; r++) runs.push(rateFor(fn, sample, opt.runMs));
  const rates = runs.map((x) => x.wall);
  const cpuRates = runs.map((x) => x.cpu);
  result.rate = { median: median(rates), min: Math.min(...rates), max: Math.max(...rates), cpu: median(cpuRates), runs: rates.length, all: rates, cpuAll: cpuRates, method: "batch" };
  result.timerNs = timerOverheadNs();
  result.latency = { ...latencySummary(latencySync(fn, sample, opt.latencyCount, opt.latencyMs)), method: "per call" };
} else if (!opt.engine.endsWith("-batch")) {
  // Awaited one call at a time: the way a request handler calls it. Timed and verified in one pass.
  t0 = now();
  check(0, await engine.evaluate(records[0]));
  result.firstCallUs = elapsedMs(t0) * 1000;
  const lat = [];
  const start = now();
  const c0 = process.cpuUsage();
  let i = 1;
  for (; i < count; i++) {
    const t = now();
    const got = await engine.evaluate(records[i]);
    lat.push(Number(now() - t));
    check(i, got);
    if (elapsedMs(start) > opt.asyncMs && i >= opt.minAsync) break;
  }
  const wallMs = elapsedMs(start);
  const cpu = cpuMs(c0);
  fail();
  result.verified = Math.min(i + 1, count);
  result.rate = { median: (result.verified - 1) / (wallMs / 1000), cpu: (result.verified - 1) / (cpu / 1000), runs: 1, method: "awaited one at a time" };
  result.latency = { ...latencySummary(lat), method: "per awaited call" };
} else {
  // Many calls in flight (Promise.all of 256): zen-engine's best throughput, on its worker thread.
  const B = 256;
  t0 = now();
  check(0, await engine.evaluate(records[0]));
  result.firstCallUs = elapsedMs(t0) * 1000;
  const lat = [];
  const start = now();
  const c0 = process.cpuUsage();
  let i = 1;
  while (i < count) {
    const batch = records.slice(i, Math.min(count, i + B));
    const t = now();
    const got = await Promise.all(batch.map((r) => engine.evaluate(r)));
    lat.push(Number(now() - t));
    got.forEach((g, k) => check(i + k, g));
    i += batch.length;
    if (elapsedMs(start) > opt.asyncMs && i >= opt.minAsync) break;
  }
  const wallMs = elapsedMs(start);
  const cpu = cpuMs(c0);
  fail();
  result.verified = i;
  result.rate = { median: (i - 1) / (wallMs / 1000), cpu: (i - 1) / (cpu / 1000), runs: 1, method: `Promise.all of ${B}` };
  result.latency = { ...latencySummary(lat), method: `per batch of ${B}` };
}
engine.dispose?.();
result.mem.peakRssMB = peakRssMB();
console.log(JSON.stringify(result));
