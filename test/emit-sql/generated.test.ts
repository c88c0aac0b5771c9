// The bar for the SQL backend: 100,000 generated leads (bench/generate-plan.mjs, raw as a
// CRM exports them) on a generated 1,000-territory plan decide exactly as the runtime decides,
// record by record, in DuckDB and in PostgreSQL.
import { expect, test } from "vitest";
import { generateLeads, generatePlan, LEAD_SEED } from "../../bench/generate-plan.mjs";
import { compileFiles, runDifferential } from "./differential.js";
import { describeEngines } from "./engines.js";

const plan = generatePlan(1000);
const artifact = compileFiles(plan.files, plan.entry);
const leads = generateLeads(100_000, LEAD_SEED).raw;
// A rep of the generated roster is away that day: availability is part of the comparison.
const AS_OF = "2027-03-01";

describeEngines("$name", (engine) => {

  test("100,000 generated leads on a 1,000-territory plan decide as the runtime decides", async () => {
    const r = await runDifferential(engine(), artifact, leads, AS_OF, { asOf: AS_OF });
    expect(r.differences).toEqual([]);
    expect(r.compared + r.invalid).toBe(100_000);
    expect(r.compared).toBeGreaterThan(99_000);
  }, 300_000);
});
