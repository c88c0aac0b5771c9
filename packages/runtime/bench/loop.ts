// A plain timing loop (no harness overhead) for profiling: compile with tsc and run with node.
import { loadArtifact } from "../src/index.js";
import { bigPlan, crmRecords, normalisedRecords } from "../test/big-plan.js";

const rt = loadArtifact(JSON.stringify(bigPlan()));
const sets = { normalised: normalisedRecords(10_000), crm: crmRecords(10_000) };
const asOf = "2027-03-01";
for (let round = 0; round < 3; round++) {
  for (const [name, recs] of Object.entries(sets)) {
    const n = 300_000;
    // CPU time of this process, not wall time: steadier on a shared machine.
    const c0 = process.cpuUsage();
    let assigned = 0;
    for (let i = 0; i < n; i++) if (rt.evaluate(recs[i % recs.length], { asOf }).status === "assigned") assigned++;
    const c1 = process.cpuUsage(c0);
    const ms = (c1.user + c1.system) / 1000;
    // p99 from batches of 100 (single calls are below the timer's resolution)
    const batch: number[] = [];
    for (let b = 0; b < 2000; b++) {
      const s = performance.now();
      for (let i = 0; i < 100; i++) rt.evaluate(recs[(b * 100 + i) % recs.length], { asOf });
      batch.push((performance.now() - s) * 10); // µs per decision
    }
    batch.sort((x, y) => x - y);
    console.log(`${name}: ${Math.round(n / ms * 1000).toLocaleString()} decisions/s, ${(ms * 1000 / n).toFixed(2)} µs mean, batch p99 ${batch[Math.floor(batch.length * 0.99)].toFixed(2)} µs, assigned ${assigned}`);
  }
}
