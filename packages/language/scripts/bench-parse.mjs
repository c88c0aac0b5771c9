#!/usr/bin/env node
// Times parse() on a generated ruleset of about 5,000 lines (SPEC 5: the language server needs
// diagnostics within 100 ms of an edit). Needs the built package (`pnpm build`).
// Usage: node packages/language/scripts/bench-parse.mjs [lines=5000] [runs=20]
import { parse } from "../dist/index.js";

const targetLines = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 20);

function ruleset(n) {
  const lines = ['ruleset bench "Benchmark"', "territories first {"];
  for (let i = 0; lines.length < n - 2; i++) {
    lines.push(
      `  territory t${i} "Territory ${i}" {          # comment ${i}`,
      `    when country == US and region in [US-CA, US-OR] and employees >= ${i}_000 or industry == software`,
      `    assign rep_${i}`,
      `    from 2027-01-01`,
      "  }",
    );
  }
  lines.push("  otherwise triage", "}");
  return lines.join("\n");
}

const text = ruleset(targetLines);
const lineCount = text.split("\n").length;
for (let i = 0; i < 5; i++) parse("bench.carve", text); // warm up the JIT
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const { diagnostics } = parse("bench.carve", text);
  times.push(performance.now() - t0);
  if (diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${diagnostics[0].message}`);
}
times.sort((a, b) => a - b);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`parse: ${lineCount} lines, ${text.length} chars, ${runs} runs`);
console.log(`  min ${ms(times[0])}  median ${ms(times[Math.floor(runs / 2)])}  max ${ms(times[runs - 1])}`);
