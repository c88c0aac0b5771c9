// The benchmark merges the interleaved processes of one engine (bench/lib/rounds.mjs): rates pool
// every timed run, latency percentiles take the median process, so one disturbed process moves
// neither figure far.
import { describe, expect, it } from "vitest";
// Plain ESM benchmark module (bench/ is not a TypeScript project).
import { mergeRounds } from "../../bench/lib/rounds.mjs";

const round = (all: number[], p99: number, peak: number) => ({
  engine: "carve-norm", verified: 100_000, setupMs: 10, mem: { setupHeapMB: 1, setupRssMB: 1, peakRssMB: peak },
  rate: { median: 0, min: 0, max: 0, cpu: 0, runs: all.length, all, cpuAll: all, method: "batch" },
  latency: { p50: p99 / 3, p90: p99 / 2, p99, p999: p99 * 5, max: p99 * 10, method: "per call" },
});

describe("mergeRounds", () => {
  it("pools the runs and takes the median process's percentiles", () => {
    const m = mergeRounds([round([500, 510, 520], 4000, 170), round([200, 210, 220], 9000, 180), round([600, 610, 620], 3000, 175)]);
    expect(m.rounds).toBe(3);
    expect(m.rate).toMatchObject({ median: 510, min: 200, max: 620, runs: 9 });
    expect(m.latency.p99).toBe(4000); // the disturbed round's 9 µs does not become the figure
    expect(m.latency.max).toBe(90000);
    expect(m.mem.peakRssMB).toBe(180);
  });

  it("leaves a single round as it is", () => {
    const r = round([1, 2, 3], 5, 1);
    expect(mergeRounds([r])).toBe(r);
  });
});
