// `carve assign` end to end through the built CLI: N generated raw leads as NDJSON → the plan's
// source → results NDJSON. Wall time, CPU time and peak RSS from /usr/bin/time. The first leads
// (the benchmark's sample) are checked against Carve's answers from the library.
import { spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { LEAD_SEED, leadStream } from "./generate-plan.mjs";
import { AS_OF } from "./lib/carve.mjs";
import { elapsedMs, now } from "./lib/measure.mjs";
import { timedRun } from "./lib/proc.mjs";

const CLI = fileURLToPath(new URL("../packages/cli/dist/main.js", import.meta.url));

/** Does the built CLI have an `assign` command? */
export function assignAvailable() {
  if (!existsSync(CLI)) return "the CLI is not built (packages/cli/dist/main.js)";
  const r = spawnSync(process.execPath, [CLI, "assign", "--help"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("--records") ? true : `the built CLI has no \`assign --records\` command yet (exit ${r.status}: ${(r.stderr || r.stdout).trim().split("\n")[0]})`;
}

function writeLeads(path, count) {
  const fd = openSync(path, "w");
  const it = leadStream(LEAD_SEED);
  let chunk = [];
  for (let i = 0; i < count; i++) {
    chunk.push(JSON.stringify(it.next().value.raw));
    if (chunk.length === 10_000 || i === count - 1) {
      writeSync(fd, `${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  closeSync(fd);
}

/** Reads the results file: row count, and the territory ids of the first `expected.length` rows compared. */
async function checkResults(path, expected) {
  let rows = 0;
  let mismatches = 0;
  let example;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === "") continue;
    if (rows < expected.length) {
      const r = JSON.parse(line);
      const id = r.territory?.id ?? null;
      if (id !== expected[rows]) {
        mismatches++;
        example ??= { row: rows + 1, carveLibrary: expected[rows], cli: id, status: r.status };
      }
    }
    rows++;
  }
  return { rows, mismatches, example };
}

export async function assignBench({ size, records, work, expected }) {
  const dir = join(work, String(size));
  const input = join(dir, `leads-${records}.ndjson`);
  let t0 = now();
  writeLeads(input, records);
  const generateMs = elapsedMs(t0);
  const out = join(dir, "assigned.ndjson");
  const rejects = join(dir, "rejects.ndjson");
  const args = [CLI, "assign", join(dir, "plan.carve"), "--records", input, "--out", out, "--rejects", rejects, "--as-of", AS_OF, "--no-color"];
  const r = timedRun([process.execPath, ...args]);
  const command = `carve assign plan.carve --records leads.ndjson --out assigned.ndjson --rejects rejects.ndjson --as-of ${AS_OF}`;
  if (r.code !== 0) {
    return { status: "failed", note: `\`${command}\` exited ${r.code}: ${r.stderr.trim().split("\n").slice(0, 5).join(" / ")}` };
  }
  const check = await checkResults(out, expected);
  const rejected = existsSync(rejects) ? statSync(rejects).size : 0;
  return {
    status: "ok", command, size, records, generateMs, wallS: r.wallMs / 1000, cpuS: r.cpuMs / 1000, peakMB: r.peakMB ?? NaN, code: r.code,
    inputMB: statSync(input).size / 1e6, outRows: check.rows, rejectBytes: rejected,
    checked: Math.min(expected.length, check.rows), mismatches: check.mismatches, example: check.example,
    // The CLI's own count of the time spent on the records (after loading and compiling the plan).
    cliReport: /in ([\d.,]+ m?s) \(([\d,]+ rows\/s)\)/.exec(r.stdout)?.slice(1).join(", "),
  };
}
