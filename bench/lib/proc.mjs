// Running a command in its own process, with wall time, CPU time and peak RSS from
// `/usr/bin/time` when it exists (else wall time only).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { elapsedMs, now } from "./measure.mjs";

const TIME = "/usr/bin/time";

/** { code, stdout, stderr, wallMs, cpuMs?, peakMB? } */
export function timedRun(argv) {
  const file = join(tmpdir(), `carve-bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(TIME);
  const t0 = now();
  const r = useTime
    ? spawnSync(TIME, ["-o", file, "-f", "%e %U %S %M", ...argv], { encoding: "utf8", maxBuffer: 256 << 20 })
    : spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 256 << 20 });
  const out = { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", wallMs: elapsedMs(t0) };
  if (useTime && existsSync(file)) {
    // The last line: `time` writes "Command exited with non-zero status N" before it on failure.
    const [, user, sys, kb] = readFileSync(file, "utf8").trim().split("\n").pop().split(" ").map(Number);
    out.cpuMs = (user + sys) * 1000;
    out.peakMB = kb / 1024;
    rmSync(file, { force: true });
  }
  return out;
}
