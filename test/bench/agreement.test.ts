// The benchmark's premise: every peer engine answers exactly what Carve's runtime answers on the
// generated plans, and Carve answers the same for a lead's raw CRM spelling as for its normalised
// form. The benchmark itself (bench/run.mjs) re-checks this on every timed record; this test keeps
// the generator and the peers honest in CI without timing anything.
import { describe, expect, it } from "vitest";
import { loadProgram, MemoryHost } from "@carve/language";
import { compileProgram } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
// Plain ESM benchmark modules (bench/ is not a TypeScript project).
import { generateLeads, generatePlan } from "../../bench/generate-plan.mjs";
import { PEERS } from "../../bench/peers/index.mjs";

const AS_OF = "2027-03-01";
type Lead = Record<string, unknown>;
type Peer = { build(rows: unknown): { evaluate(r: Lead): unknown; dispose?(): void }; async: boolean };

function carveFor(size: number) {
  const plan = generatePlan(size);
  const result = compileProgram(loadProgram(plan.entry, new MemoryHost(plan.files)));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const runtime = loadArtifact(JSON.parse(JSON.stringify(result.artifact)));
  const territory = (r: unknown) => {
    const d = runtime.evaluate(r, { asOf: AS_OF });
    expect(d.status, JSON.stringify(d.errors)).not.toBe("invalid");
    return d.territory?.id ?? null;
  };
  return { plan, territory };
}

describe("generated plans", () => {
  it("declare exactly the number of territories asked for", () => {
    for (const n of [1, 2, 7, 10, 50, 100, 333, 1000, 10000]) {
      const { files, rows } = generatePlan(n);
      expect(files["plan.carve"].match(/^\s*territory /gm)?.length).toBe(n);
      expect(rows.length).toBe(n);
    }
  });

  it("are reproducible from their seed, and another seed gives another plan", () => {
    expect(generatePlan(100).files).toEqual(generatePlan(100).files);
    expect(generatePlan(100, 7).files["roster.carve"]).not.toEqual(generatePlan(100).files["roster.carve"]);
  });
});

describe("peer engines agree with Carve's runtime", () => {
  const size = 50;
  const { plan, territory } = carveFor(size);
  const { norm, raw } = generateLeads(500);
  const expected: (string | null)[] = norm.map(territory);

  it("on a sample that exercises the plan (many territories, some `otherwise`)", () => {
    const hit = new Set(expected.filter((x) => x !== null));
    expect(hit.size).toBeGreaterThan(size / 2);
    expect(expected).toContain(null);
    expect(expected.some((id) => id?.includes("."))).toBe(true); // nested territories are reached
  });

  it("Carve gives the raw CRM spelling of each lead the same territory", () => {
    expect(raw.map(territory)).toEqual(expected);
    expect(raw.some((r: Lead) => typeof r.annual_revenue === "string" && r.annual_revenue.startsWith("$"))).toBe(true);
  });

  for (const name of ["naive", "bitset", "zen", "jre"]) {
    it(name, async () => {
      const peer: Peer = PEERS[name];
      const engine = peer.build(plan.rows);
      // json-rules-engine takes milliseconds a lead: 200 leads keep the test fast.
      const n = name === "jre" ? 200 : norm.length;
      const got = [];
      for (const r of norm.slice(0, n)) got.push(peer.async ? await engine.evaluate(r) : engine.evaluate(r));
      engine.dispose?.();
      expect(got).toEqual(expected.slice(0, n));
    });
  }

  it("a peer built from a reordered table disagrees (the comparison can fail)", () => {
    const rows = [...plan.rows].reverse();
    const engine = (PEERS.bitset as Peer).build(rows);
    expect(norm.map((r: Lead) => engine.evaluate(r))).not.toEqual(expected);
  });
});
