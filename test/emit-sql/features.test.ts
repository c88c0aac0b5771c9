// The SQL backend against the runtime on a ruleset that uses every construct the emitter
// translates (fixtures/features.carve), with seeded random records on dates that cross every
// window of the plan — in DuckDB and PostgreSQL, with the date folded into the query and kept as
// a literal, and with the date the warehouse reads itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { todayUtc } from "@carve/compiler";
import { type Artifact, sealArtifact } from "@carve/runtime";
import { compileFiles, runDifferential } from "./differential.js";
import { describeEngines } from "./engines.js";
import { featureRecords } from "./feature-records.js";

const artifact = compileFiles({ "features.carve": readFileSync(join(import.meta.dirname, "fixtures", "features.carve"), "utf8") }, "features.carve");
const records = featureRecords(3000, 7);
// The checker refuses overflow loops (CARVE059), but an artifact edited by hand or written by an
// older compiler may hold one: both backends must stop the chain the same way.
const looped = sealArtifact(((): Omit<Artifact, "hash"> => {
  const { hash: _hash, ...body } = structuredClone(artifact);
  const loopB = body.roster.teams.find((t) => t.id === "loop_b")!;
  loopB.overflow = { kind: "team", id: "loop_a" };
  return body;
})());
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

  test("an overflow loop in the artifact ends as in the runtime (ben away, as of 2027-03-15)", async () => {
    const r = await runDifferential(engine(), looped, records, "2027-03-15", { asOf: "2027-03-15" });
    expect(r.differences).toEqual([]);
    expect(r.compared).toBeGreaterThan(2500);
  });

  test("with the warehouse's own date (today, UTC)", async () => {
    const r = await runDifferential(engine(), artifact, records, todayUtc(), {});
    expect(r.differences).toEqual([]);
  });
});
