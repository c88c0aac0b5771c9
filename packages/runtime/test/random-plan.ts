// Random artifacts and records over small shared value pools, so that random tests hit, miss and
// straddle every kind of atom (for the indexed-vs-reference property).
import type { Artifact, Scalar } from "../src/artifact-types.js";
import { c, plan, type GroupSpec, type TerritorySpec, type Test, type When } from "./builders.js";
import { rng } from "./big-plan.js";

const FIELDS = {
  id: "string key",
  s: "string?",
  n: "int?",
  m: "money?",
  d: "date?",
  e: "enum(alpha, beta, gamma, delta)?",
  country: "country?",
  r: "region?",
  p: "postal?",
  dom: "domain?",
  b: "bool?",
  owner: "rep?",
};

const POOLS: Record<string, Scalar[]> = {
  s: ["acme", "acme corp", "beta", "zeta", "ac", "a", "mary", "m"],
  n: [-5, 0, 1, 10, 100, 999, 1000, 5000],
  m: [0, 0.5, 99.99, 1000, 250000000],
  d: ["2027-01-01", "2027-03-15", "2027-06-30", "2028-01-01"],
  e: ["alpha", "beta", "gamma", "delta"],
  country: ["US", "CA", "FR"],
  r: ["US-CA", "US-NY", "CA-ON"],
  p: ["94105", "94105-1234", "10001", "94999-1234", "95000", "94000"],
  dom: ["acme.com", "stanford.edu", "ox.ac.uk", "beta.io"],
  b: [true, false],
  owner: ["r0", "r1", "r2", "r3"],
};
const TEXT_VALUES: Record<string, string[]> = {
  s: ["ac", "a", "be", "corp", "me", "z", "", "acme corp"],
  p: ["9", "94", "941", "94105", "1", "94999", "941051234"],
  dom: [".edu", ".com", "acme.com", "ox", "ac.uk", "b"],
};
const REPS = ["r0", "r1", "r2", "r3", "r4"];

export function randomPlan(seed: number, size = 12): Artifact {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T,>(xs: readonly T[]) => xs[int(xs.length)];
  const some = <T,>(xs: readonly T[], max: number) => Array.from({ length: 1 + int(max) }, () => pick(xs));

  const atom = (): Test => {
    const field = pick(Object.keys(POOLS));
    const pool = POOLS[field];
    const k = int(10);
    if (k === 0) return c.set(field);
    if (k === 1) return c.unset(field);
    if (k <= 4 && field in TEXT_VALUES) {
      const vals = some(TEXT_VALUES[field], 2);
      const neg = r() < 0.3;
      return pick([c.startsWith, c.endsWith, c.contains])(field, vals, neg);
    }
    if (k <= 6 && field !== "b") {
      const a = pick(pool) as number | string;
      const b = pick(pool) as number | string;
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const range = pick([c.gte(field, lo), c.gt(field, lo), c.lt(field, hi), c.lte(field, hi), c.between(field, lo, hi)]);
      if (range.atom.op === "range" && r() < 0.3) range.atom.minInclusive = !range.atom.minInclusive;
      return range;
    }
    return r() < 0.7 ? c.in(field, some(pool, 3)) : c.notIn(field, some(pool, 2));
  };
  const when = (): When | undefined => {
    const k = int(6);
    if (k === 0) return undefined;
    if (k === 1) return { any: Array.from({ length: int(3) }, () => Array.from({ length: 1 + int(3) }, atom)) };
    return Array.from({ length: 1 + int(3) }, atom);
  };
  const target = () => pick([...REPS, "q", "t_hash", "t_rr", "t_ll", "@owner"]);
  const window = () => (r() < 0.2 ? { from: pick(POOLS.d as string[]) } : r() < 0.2 ? { until: pick(POOLS.d as string[]) } : {});
  let names = 0;
  const territory = (depth: number): TerritorySpec => ({
    name: `t${names++}`,
    when: when(),
    ...(r() < 0.7 ? { assign: target() } : {}),
    ...window(),
    ...(depth < 2 && r() < 0.3 ? { children: group(depth + 1, 1 + int(5)) } : {}),
  });
  const group = (depth: number, n: number): GroupSpec => ({
    policy: r() < 0.7 ? "first" : "unique",
    territories: Array.from({ length: n }, () => territory(depth)),
    ...(r() < 0.5 ? { otherwise: target() } : {}),
  });

  return plan({
    fields: FIELDS,
    territories: group(0, 1 + int(size * 4)),
    overlays: r() < 0.5 ? Array.from({ length: int(4) }, () => territory(1)) : undefined,
    overrides: Array.from({ length: int(5) }, (_, i) => ({ name: `o${i}`, when: when() ?? [], assign: target(), ...window() })),
    reps: REPS.map((id, i) => ({
      id,
      ...(i === 1 ? { away: [{ from: "2027-03-01", until: "2027-03-31" }] } : {}),
      ...(i === 2 ? { window: { until: "2027-06-30" } } : {}),
      ...(i === 3 ? { capacity: 3 } : {}),
    })),
    queues: ["q"],
    teams: [
      { id: "t_hash", members: ["r0", { rep: "r1", weight: 2 }, "r2"], strategy: { kind: "hash", field: pick(["id", "s", "n"]) }, overflow: "q" },
      { id: "t_rr", members: ["r1", "r2", { rep: "r3", weight: 3 }], strategy: { kind: "round_robin" } },
      { id: "t_ll", members: ["r3", "r4"], strategy: { kind: "least_loaded" }, overflow: "t_rr" },
    ],
  });
}

const SPELLINGS: Record<string, unknown[]> = {
  s: ["ACME", "  acme corp ", "Beta", "zeta", "AC", "Mary", "mz", "", "acme co", "b"],
  n: [-5, 0, 1, 9, 10, 11, 100, 999, 1000, 1001, 5000, "1,000", "12"],
  m: [0, 0.5, 99.99, 100, 999.5, "$1.5K", 250000000, 3e8],
  d: ["2027-01-01", "2026-12-31", "2027-03-15", "2027-03-16", "2027-06-30", "2028-01-01", "2029-05-05"],
  e: ["alpha", "BETA", "Gamma", "delta"],
  country: ["US", "usa", "Canada", "FR", "Germany"],
  r: ["US-CA", "New York", "CA-ON"],
  p: ["94105", "94105-1234", "10001", "94999-1234", "95000", "94000", "9410"],
  dom: ["acme.com", "https://www.stanford.edu/x", "ox.ac.uk", "beta.io", "x@acme.com", "edu.org"],
  b: [true, false, "yes", 0],
  owner: ["r0", "R1", "r2", "r3", "r4"],
};

/** Random valid-or-not records over the same pools (some spellings are deliberately invalid). */
export function randomRecords(seed: number, n: number): Record<string, unknown>[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const rec: Record<string, unknown> = { id: r() < 0.5 ? `L-${i}` : `L-${Math.floor(r() * 5)}` };
    for (const [field, values] of Object.entries(SPELLINGS)) {
      if (r() < 0.3) continue;
      rec[field] = values[Math.floor(r() * values.length)];
    }
    if (rec.r !== undefined && rec.country === undefined) rec.country = "US";
    return rec;
  });
}

export const DATES = ["2026-12-31", "2027-01-01", "2027-03-15", "2027-06-30", "2027-07-01", "2028-01-01"];
