// A 1,000-territory plan, geography × segment × vertical (SPEC 5), and record generators, shared
// by the tests and the throughput benchmark.
import type { Artifact } from "../src/artifact-types.js";
import { c, plan, type TerritorySpec } from "./builders.js";

const US_GEOS: Record<string, string[]> = {
  pacific: ["US-CA", "US-OR", "US-WA"],
  mountain: ["US-NV", "US-AZ", "US-UT", "US-ID", "US-CO", "US-MT", "US-WY", "US-NM"],
  midwest: ["US-IL", "US-OH", "US-MI", "US-IN", "US-WI", "US-MN"],
  plains: ["US-IA", "US-MO", "US-KS", "US-NE", "US-SD", "US-ND"],
  texas: ["US-TX", "US-OK"],
  southeast: ["US-FL", "US-GA", "US-NC", "US-SC", "US-TN", "US-AL"],
  mid_atlantic: ["US-NY", "US-NJ", "US-PA", "US-DE", "US-MD", "US-DC"],
  new_england: ["US-MA", "US-CT", "US-RI", "US-VT", "US-NH", "US-ME"],
  south: ["US-LA", "US-MS", "US-AR", "US-KY", "US-WV", "US-VA"],
  pacific_islands: ["US-HI", "US-AK"],
};
const COUNTRY_GEOS = ["CA", "GB", "DE", "FR", "NL", "ES", "IT", "SE", "JP", "AU", "SG", "IN", "BR", "MX", "IE"];
export const INDUSTRIES = ["software", "healthcare", "fintech", "manufacturing", "logistics", "retail", "public_sector", "education", "energy", "other"];
export const REPS = Array.from({ length: 60 }, (_, i) => `rep${i}`);

export function bigPlan(): Artifact {
  const segments = (geo: string): TerritorySpec[] => [
    { name: "strategic", when: { any: [[c.gte("employees", 10_000)], [c.gte("annual_revenue", 1_000_000_000)]] } },
    { name: "enterprise", when: { any: [[c.gte("employees", 1000)], [c.gte("annual_revenue", 250_000_000)]] } },
    { name: "mid", when: [c.between("employees", 200, 999)] },
    { name: "smb" },
  ].map((s, si) => ({
    ...s,
    assign: `${geo}_${s.name}_team`,
    children: {
      policy: "first" as const,
      territories: INDUSTRIES.map((ind, k) => ({
        name: ind,
        when: ind === "other" ? undefined : [c.eq("industry", ind)],
        assign: REPS[(si * 7 + k * 3 + geo.length) % REPS.length],
      })),
    },
  }));
  const geos: TerritorySpec[] = [
    ...Object.entries(US_GEOS).map(([name, regions]) => ({
      name, when: [c.eq("country", "US"), c.in("region", regions)], children: { policy: "first" as const, territories: segments(name) },
    })),
    ...COUNTRY_GEOS.map((cc) => ({
      name: cc.toLowerCase(), when: [c.eq("country", cc)], children: { policy: "first" as const, territories: segments(cc.toLowerCase()) },
    })),
  ];
  const teamIds = geos.flatMap((g) => ["strategic", "enterprise", "mid", "smb"].map((s) => `${g.name}_${s}_team`));
  return plan({
    name: "big",
    fields: {
      id: "string key",
      country: "country",
      region: "region?",
      postal_code: "postal?",
      industry: `enum(${INDUSTRIES.join(", ")})`,
      employees: "int",
      annual_revenue: "money?",
      email_domain: "domain?",
      "account.status": "enum(prospect, customer, churned)?",
      "account.owner": "rep?",
    },
    overrides: [
      { name: "keep_owner", when: [c.eq("account.status", "customer"), c.set("account.owner")], assign: "@account.owner" },
      { name: "universities", when: [c.endsWith("email_domain", [".edu", ".ac.uk"])], assign: "edu_queue" },
    ],
    territories: { policy: "first", otherwise: "triage", territories: geos },
    overlays: [
      { name: "healthcare_specialist", when: [c.eq("industry", "healthcare"), c.gte("employees", 500)], assign: "rep1" },
      { name: "bay_area", when: [c.eq("country", "US"), c.startsWith("postal_code", ["940", "941", "943", "945", "950", "951"])], assign: "rep2" },
    ],
    reps: REPS.map((id, i) => ({ id, email: `${id}@acme.com`, ...(i % 17 === 5 ? { away: [{ from: "2027-01-01", until: "2027-01-31" }] } : {}) })),
    teams: teamIds.map((id, i) => ({
      id,
      members: [REPS[i % REPS.length], { rep: REPS[(i + 11) % REPS.length], weight: 2 }, REPS[(i + 23) % REPS.length]],
      strategy: { kind: "hash", field: "id" } as const,
      overflow: "triage",
    })),
    queues: ["triage", "edu_queue"],
  });
}

const REGION_NAMES: Record<string, string> = { "US-CA": "California", "US-NY": "New York", "US-TX": "Texas", "US-WA": "Washington", "US-IL": "Illinois", "US-FL": "Florida" };
const COUNTRY_NAMES: Record<string, string> = { US: "United States", GB: "United Kingdom", DE: "Germany", CA: "Canada", FR: "France", JP: "Japan" };
const ALL_REGIONS = Object.values(US_GEOS).flat();

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Records whose values are already in normalised form. */
export function normalisedRecords(n: number, seed = 1): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const us = r() < 0.6;
    const rec: Record<string, unknown> = {
      id: `L-${i}`,
      country: us ? "US" : pick(COUNTRY_GEOS),
      industry: pick(INDUSTRIES),
      employees: Math.floor(r() ** 3 * 20000),
    };
    if (us) {
      rec.region = pick(ALL_REGIONS);
      rec.postal_code = String(10000 + Math.floor(r() * 89999));
    }
    if (r() < 0.5) rec.annual_revenue = Math.floor(r() * 2e9);
    if (r() < 0.3) rec.email_domain = pick(["acme.com", "stanford.edu", "ox.ac.uk", "example.org"]);
    if (r() < 0.1) rec.account = { status: "customer", owner: pick(REPS) };
    return rec;
  });
}

/** Records as a CRM exports them: names, text numbers, mixed case, nested and flat keys. */
export function crmRecords(n: number, seed = 2): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return normalisedRecords(n, seed).map((rec) => {
    const out: Record<string, unknown> = { ...rec };
    const cc = rec.country as string;
    if (COUNTRY_NAMES[cc] && r() < 0.7) out.country = COUNTRY_NAMES[cc];
    if (typeof rec.region === "string") out.region = REGION_NAMES[rec.region] ?? (r() < 0.5 ? rec.region.slice(3) : rec.region);
    out.industry = r() < 0.5 ? (rec.industry as string).toUpperCase() : ` ${rec.industry as string} `;
    out.employees = (rec.employees as number).toLocaleString("en-US");
    if (rec.annual_revenue !== undefined) out.annual_revenue = `$${((rec.annual_revenue as number) / 1e6).toFixed(1)}M`;
    if (rec.email_domain !== undefined) out.email_domain = `https://www.${rec.email_domain as string}/about`;
    if (rec.account !== undefined) {
      delete out.account;
      out["account.status"] = "Customer";
      out["account.owner"] = `${(rec.account as { owner: string }).owner}@ACME.com`;
    }
    out.id = ` ${rec.id as string} `;
    if (r() < 0.05) out.notes = pick(["call back", "hot lead", ""]);
    return out;
  });
}
