// Throughput of the runtime on the 1,000-territory plan (SPEC 5). Run:
//   pnpm exec vitest bench --run packages/runtime/bench
// Targets on the 2-core CI machine: ≥ 2M decisions/s on normalised records, ≥ 500k/s on raw CRM
// records, p99 < 5 µs. Timings are not asserted anywhere: this prints them.
import { bench, describe } from "vitest";
import { loadArtifact } from "../src/index.js";
import { bigPlan, crmRecords, normalisedRecords } from "../test/big-plan.js";

const rt = loadArtifact(JSON.stringify(bigPlan()));
const normalised = normalisedRecords(10_000);
const crm = crmRecords(10_000);
const asOf = "2027-03-01";

describe("evaluate, 1,125 territories", () => {
  let i = 0;
  bench("normalised records", () => {
    rt.evaluate(normalised[i++ % normalised.length], { asOf });
  });
  let j = 0;
  bench("raw CRM records", () => {
    rt.evaluate(crm[j++ % crm.length], { asOf });
  });
  let k = 0;
  bench("raw CRM records, explained", () => {
    rt.evaluate(crm[k++ % crm.length], { asOf, explain: true });
  });
});
