// Several processes of one synchronous engine, interleaved with the other engines' (norm, raw,
// bitset, norm, raw, bitset, …), merged into one result. On a shared VM a slow spell lasts
// seconds to minutes and used to sink whichever engine was running; spread over the rounds it
// touches every engine alike. Rates pool every timed run of every round (median, min, max);
// latency percentiles are the median of the rounds' percentiles (each round's are exact over its
// own samples, and the median of three ignores one disturbed round).
import { median } from "./measure.mjs";

/** One result from a round's results (the first round's fields where a merge has no meaning). */
export function mergeRounds(rounds) {
  if (rounds.length === 1) return rounds[0];
  const [first] = rounds;
  const wall = rounds.flatMap((r) => r.rate.all ?? [r.rate.median]);
  const cpu = rounds.flatMap((r) => r.rate.cpuAll ?? [r.rate.cpu]);
  const mid = (k) => median(rounds.map((r) => r.latency[k]));
  return {
    ...first,
    rounds: rounds.length,
    verified: Math.min(...rounds.map((r) => r.verified)),
    setupMs: median(rounds.map((r) => r.setupMs)),
    mem: { ...first.mem, peakRssMB: Math.max(...rounds.map((r) => r.mem.peakRssMB)) },
    rate: { ...first.rate, median: median(wall), min: Math.min(...wall), max: Math.max(...wall), cpu: median(cpu), runs: wall.length, all: wall, cpuAll: cpu },
    latency: { ...first.latency, p50: mid("p50"), p90: mid("p90"), p99: mid("p99"), p999: mid("p999"), max: Math.max(...rounds.map((r) => r.latency.max)) },
  };
}
