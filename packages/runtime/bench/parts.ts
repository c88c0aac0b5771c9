// Where the time goes: normalisation alone vs. the whole decision (profiling aid).
import { loadArtifact } from "../src/index.js";
import { buildModel } from "../src/model.js";
import { newRecord, readField, RecordNormalizer } from "../src/normalize-record.js";
import { bigPlan, crmRecords, normalisedRecords } from "../test/big-plan.js";

const art = bigPlan();
const rt = loadArtifact(art);
const model = buildModel(art);
const fieldsOf = model.fields;
const norm = new RecordNormalizer(model);
const rec = newRecord(art.schema.fields.length);
const sets = { normalised: normalisedRecords(10_000), crm: crmRecords(10_000) };
const time = (label: string, f: (r: unknown) => void, recs: unknown[]) => {
  const n = 400_000;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) f(recs[i % recs.length]);
  const c = process.cpuUsage(c0);
  console.log(`${label}: ${(((c.user + c.system) / n) * 1000).toFixed(0)} ns`);
};
const opts = { asOf: "2027-03-01" };
for (let round = 0; round < 3; round++) {
  for (const [name, recs] of Object.entries(sets)) {
    time(`${name} normalise`, (r) => norm.normalize(r, rec), recs);
    time(`${name} evaluate`, (r) => rt.evaluate(r, opts), recs);
    time(`${name} read only`, (r) => { for (const f of fieldsOf) readField(r as Record<string, unknown>, f); }, recs);
  }
}
