// Timing and memory helpers shared by the benchmark cases. All times in nanoseconds unless named
// otherwise; `process.hrtime.bigint()` throughout.

export const now = () => process.hrtime.bigint();
export const elapsedMs = (t0) => Number(now() - t0) / 1e6;

/** CPU time (user + system, all threads of this process) in ms since `c0 = process.cpuUsage()`. */
export function cpuMs(c0) {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** p-th percentile (0..100) of ascending numbers, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latencySummary(samples) {
  const s = Float64Array.from(samples).sort();
  return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), p999: percentile(s, 99.9), max: s[s.length - 1] };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The cost of the two hrtime.bigint() calls around a timed call: median of 100k empty timings. */
export function timerOverheadNs() {
  const xs = new Float64Array(100_000);
  for (let i = 0; i < xs.length; i++) {
    const t0 = now();
    xs[i] = Number(now() - t0);
  }
  return percentile(xs.sort(), 50);
}

/**
 * Decisions per second of a synchronous `fn` cycling over `records` for about `ms` milliseconds
 * (the clock is read once per 256 calls, so it costs nothing measurable): per wall-clock second,
 * and per second of this process's CPU time (which other processes on a busy machine do not eat).
 */
export function rateFor(fn, records, ms) {
  const n = records.length;
  const deadline = now() + BigInt(Math.round(ms * 1e6));
  let i = 0;
  let calls = 0;
  let sink = 0;
  const t0 = now();
  const c0 = process.cpuUsage();
  let t;
  do {
    for (let k = 0; k < 256; k++) {
      if (fn(records[i]) !== undefined) sink++;
      if (++i === n) i = 0;
    }
    calls += 256;
  } while ((t = now()) < deadline);
  const cpu = cpuMs(c0);
  if (sink !== calls) throw new Error("an engine returned undefined");
  return { wall: calls / (Number(t - t0) / 1e9), cpu: calls / (cpu / 1000) };
}

/** Per-call latency of a synchronous `fn`, one hrtime pair per call, for `count` calls or `ms`. */
export function latencySync(fn, records, count, ms) {
  const xs = [];
  const deadline = now() + BigInt(Math.round(ms * 1e6));
  for (let i = 0, j = 0; i < count; i++) {
    const t0 = now();
    fn(records[j]);
    const t1 = now();
    xs.push(Number(t1 - t0));
    if (++j === records.length) j = 0;
    if ((i & 1023) === 0 && t1 > deadline) break;
  }
  return xs;
}

const MB = 1024 * 1024;
/** heapUsed and RSS in MB after two forced collections (needs node --expose-gc). */
export function memory() {
  if (typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / MB, rssMB: m.rss / MB };
}

/** Peak RSS of this process so far, MB. */
export const peakRssMB = () => (process.resourceUsage().maxRSS * 1024) / MB;
