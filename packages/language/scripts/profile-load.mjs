#!/usr/bin/env node
// loadProgram cold, as `carve check` and `carve compile` run it: one fresh process, one call,
// CPU time (user + system, all threads) per phase. Needs the built package (`pnpm build`).
//   node bench/generate-plan.mjs 10000 /tmp/p10k
//   node packages/language/scripts/profile-load.mjs /tmp/p10k [entry=plan.carve]
// Add `node --cpu-prof` to see where the time goes (garbage collection included); run it a few
// times and compare medians, one run is noisy.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, entry = "plan.carve"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node packages/language/scripts/profile-load.mjs DIR [ENTRY]");
  process.exit(2);
}
const files = Object.fromEntries(
  readdirSync(dir).filter((f) => f.endsWith(".carve")).map((f) => [f, readFileSync(join(dir, f), "utf8")]),
);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const out = {};
let t = cpuMs();
const lap = (name) => { const now = cpuMs(); out[name] = Math.round(now - t); t = now; };

const L = await import("../dist/index.js");
lap("import");
const { carveParser } = await import("../dist/syntax/parser.js");
carveParser();
lap("parser (performSelfAnalysis)");
const loaded = L.loadFiles(entry, new L.MemoryHost(files));
lap("loadFiles (lex, parse, build AST)");
const program = L.checkProgram(entry, loaded);
lap("checkProgram (bind, check)");
out["total CPU ms"] = Object.values(out).reduce((a, b) => a + b, 0);
out.lines = Object.values(files).reduce((n, text) => n + text.split("\n").length, 0);
out.diagnostics = program.diagnostics.length;
console.log(JSON.stringify(out, null, 2));
