// The SQL backend against the runtime on a ruleset that uses every construct the emitter
// translates (fixtures/features.carve), with seeded random records on dates that cross every
// window of the plan — in DuckDB and PostgreSQL, with the date folded into the query and kept as
// a literal, and with the date the warehouse reads itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { todayUtc } from "@carve/compiler";
import { compileFiles, runDifferential } from "./differential.js";
import { describeEngines } from "./engines.js";
import { featureRecords } from "./feature-records.js";

const artifact = compileFiles({ "features.carve": readFileSync(join(import.meta.dirname, "fixtures", "features.carve"), "utf8") }, "features.carve");
const records = featureRecords(3000, 7);
// Before, inside and after the windows of the plan's reps, members, territories and overrides.
const DATES = ["2027-01-15", "2027-02-20", "2027-03-15", "2027-04-20", "2027-05-31", "2027-06-10", "2027-07-01"];

describeEngines("$name", (engine) => {

  test.each(DATES)("decides every record as the runtime does as of %s", async (asOf) => {
    const r = await runDifferential(engine(), artifact, records, asOf, { asOf });
    expect(r.differences).toEqual([]);
    expect(r.compared).toBeGreaterThan(2500);
  });

  test.each(DATES)("with the date kept as one literal in the query (as of %s)", async (asOf) => {
    const r = await runDifferential(engine(), artifact, records, asOf, { asOf, foldAsOf: false });
    expect(r.differences).toEqual([]);
  });

  test("with the warehouse's own date (today, UTC)", async () => {
    const r = await runDifferential(engine(), artifact, records, todayUtc(), {});
    expect(r.differences).toEqual([]);
  });
});
