// Throughput of the runtime on the 1,125-territory plan of test/big-plan.ts (SPEC 5):
//   pnpm exec vitest bench --run packages/runtime/bench
// Each iteration evaluates a batch of 100 records, so decisions/s = hz × 100 and the per-batch
// percentiles divided by 100 are per-decision figures. Nothing here is asserted.
import { bench, describe } from "vitest";
import { loadArtifact } from "../src/index.js";
import { bigPlan, crmRecords, normalisedRecords } from "../test/big-plan.js";

const rt = loadArtifact(JSON.stringify(bigPlan()));
const asOf = "2027-03-01";
const BATCH = 100;

function batches(records: Record<string, unknown>[], options: { asOf: string; explain?: boolean }) {
  let i = 0;
  return () => {
    for (let k = 0; k < BATCH; k++) rt.evaluate(records[i++ % records.length], options);
  };
}

describe(`evaluate ${BATCH} records, ${rt.artifact.territories.length} territories`, () => {
  bench("normalised records", batches(normalisedRecords(10_000), { asOf }), { time: 2000 });
  bench("raw CRM records", batches(crmRecords(10_000), { asOf }), { time: 2000 });
  bench("raw CRM records, explained", batches(crmRecords(1_000), { asOf, explain: true }), { time: 2000 });
});
