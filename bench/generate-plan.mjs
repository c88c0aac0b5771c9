#!/usr/bin/env node
// Seeded generator of realistic territory plans as Carve source, and of matching lead streams.
//   node bench/generate-plan.mjs 1000 [outDir] [--seed N]   writes outDir/plan.carve + roster.carve
//                                                           (or prints plan.carve without outDir)
// As a module: generatePlan(size, seed) → { model, files, rows, entry }; generateLeads(n, seed).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildPlan, countTerritories } from "./gen/plan.mjs";
import { renderPlan, renderRoster } from "./gen/render.mjs";
import { planRows } from "./gen/rows.mjs";

export { generateLeads, leadStream } from "./gen/records.mjs";
export { planRows, FIELD_KINDS } from "./gen/rows.mjs";

export const PLAN_SEED = 20270301;
export const LEAD_SEED = 424242;

export function generatePlan(size, seed = PLAN_SEED) {
  const model = buildPlan(size, seed);
  const count = countTerritories(model);
  if (count !== size) throw new Error(`internal: asked for ${size} territories, built ${count}`);
  return {
    model,
    entry: "plan.carve",
    files: { "plan.carve": renderPlan(model), "roster.carve": renderRoster(model) },
    rows: planRows(model),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : PLAN_SEED;
  const [sizeText, outDir] = args;
  const size = Number(sizeText);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed)) {
    console.error("usage: node bench/generate-plan.mjs SIZE [OUT_DIR] [--seed N]   (SIZE: number of territories, e.g. 1000)");
    process.exit(2);
  }
  let plan;
  try {
    plan = generatePlan(size, seed);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  if (outDir === undefined) process.stdout.write(plan.files["plan.carve"]);
  else {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(plan.files)) writeFileSync(join(outDir, name), text);
    console.error(`wrote ${Object.keys(plan.files).map((f) => join(outDir, f)).join(", ")} (${size} territories)`);
  }
}
