import { expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { acme } from "./acme.js";
test("smoke", () => {
  const rt = loadArtifact(JSON.stringify(acme()));
  const d = rt.evaluate({ id: "L-1", country: "United States", region: "California", employees: 5000, industry: "software", source: "inbound" }, { asOf: "2027-03-01", explain: true });
  console.log(JSON.stringify(d, null, 1));
  const d2 = rt.evaluate({ id: "L-2", country: "US", region: "US-NY", employees: 40, industry: "retail", source: "inbound", account: { status: "customer", owner: "bob" } }, { asOf: "2027-03-01", explain: true, whyNot: "na.west" });
  console.log(JSON.stringify(d2, null, 1));
  console.log(JSON.stringify(rt.evaluate({ id: "L-3", country: "Atlantis", employees: 10, industry: "other", source: "event" })));
});
