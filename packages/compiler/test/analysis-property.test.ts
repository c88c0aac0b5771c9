// The acceptance property of the analysis: on random small plans, enumerate every record of a
// class-complete pool and every date around the plan's windows, compute the true overlaps, gaps,
// shadowed children and overrides and unsatisfiable conditions by brute force, and require the
// analysis to report exactly those — each with a witness that, evaluated, shows the finding.
import type { Atom, Box, FieldSchema, Target, Window } from "@carve/runtime";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyze, type AnalysisPlan, type Finding } from "../src/analysis/index.js";
import { inPeriod, keyOf, Oracle } from "./helpers/analysis-brute.js";
import { artifactOf, field, plan, schema, type GNode, type TNode } from "./helpers/analysis-plan.js";
import { loadArtifact, sealArtifact, type Decision } from "@carve/runtime";

const SEGS = ["a", "b", "c"];
const COUNTRIES = ["US", "CA", "FR"];
const REGIONS = ["US-CA", "US-NY", "CA-ON"];
const DATES = ["2027-01-01", "2027-03-01", "2027-06-01"];

interface Shape {
  segOpt: boolean;
  countryOpt: boolean;
  region: boolean;
  empOpt: boolean;
}

function fieldsOf(s: Shape): FieldSchema[] {
  const out = [field("seg", "enum", { values: SEGS, optional: s.segOpt }), field("country", "country", { optional: s.countryOpt })];
  if (s.region) out.push(field("region", "region", { optional: true, country: "country" }));
  out.push(field("emp", "int", { optional: s.empOpt }));
  return out;
}

const subset = (xs: string[]) => fc.subarray(xs, { minLength: 1 });
const bound = fc.integer({ min: 0, max: 10 });

function atomArb(s: Shape): fc.Arbitrary<Atom> {
  const arbs: fc.Arbitrary<Atom>[] = [
    fc.tuple(fc.boolean(), subset(SEGS)).map(([neg, v]) => ({ field: "seg", op: neg ? "notIn" : "in", values: v }) as Atom),
    fc.tuple(fc.boolean(), subset(COUNTRIES)).map(([neg, v]) => ({ field: "country", op: neg ? "notIn" : "in", values: v }) as Atom),
    fc.record({ lo: fc.option(bound), hi: fc.option(bound), li: fc.boolean(), hi2: fc.boolean() }).map(
      ({ lo, hi, li, hi2 }) => {
        const a: Atom = { field: "emp", op: "range", minInclusive: li, maxInclusive: hi2 };
        if (lo !== null) a.min = lo;
        if (hi !== null) a.max = hi;
        return a;
      }),
    fc.tuple(fc.boolean(), fc.subarray([0, 3, 5, 10], { minLength: 1 })).map(([neg, v]) => ({ field: "emp", op: neg ? "notIn" : "in", values: v }) as Atom),
    fc.tuple(fc.constantFrom("seg", "country", "emp", ...(s.region ? ["region"] : [])), fc.boolean()).map(([f, set]) => ({ field: f, op: set ? "set" : "unset" }) as Atom),
  ];
  if (s.region) {
    arbs.push(fc.tuple(fc.boolean(), subset(REGIONS)).map(([neg, v]) => ({ field: "region", op: neg ? "notIn" : "in", values: v }) as Atom));
  }
  return fc.oneof(...arbs);
}

function whenArb(s: Shape): fc.Arbitrary<Box[] | undefined> {
  const box = fc.array(atomArb(s), { minLength: 0, maxLength: 3 }).map((atoms) => ({ atoms: atoms.map((atom, condition) => ({ atom, condition })) }));
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 6, arbitrary: fc.array(box, { minLength: 1, maxLength: 2 }) });
}

const windowArb: fc.Arbitrary<Window | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ from: fc.constantFrom(...DATES) }) },
  { weight: 1, arbitrary: fc.record({ until: fc.constantFrom(...DATES) }) },
);

function territoryArb(s: Shape, nested: boolean): fc.Arbitrary<TNode> {
  const children = nested ? fc.option(groupArb(s, false), { freq: 3 }) : fc.constant(null);
  return fc.record({ when: whenArb(s), window: windowArb, children, assign: fc.boolean() }).map(({ when, window, children: c, assign }) => {
    const n: TNode = { name: "t" };
    if (when) n.when = when;
    if (window) n.window = window;
    if (c) n.children = c;
    if (assign) n.assign = { kind: "queue", id: "q" };
    return n;
  });
}

function groupArb(s: Shape, nested: boolean): fc.Arbitrary<GNode> {
  return fc.record({
    policy: fc.constantFrom("first" as const, "unique" as const),
    territories: fc.array(territoryArb(s, nested), { minLength: 1, maxLength: nested ? 4 : 3 }),
    otherwise: fc.boolean(),
  }).map(({ policy, territories, otherwise }) => ({ policy, territories, otherwise: otherwise ? ({ kind: "queue", id: "q" } as Target) : undefined }));
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({ segOpt: fc.boolean(), countryOpt: fc.boolean(), region: fc.boolean(), empOpt: fc.boolean() });

const planArb: fc.Arbitrary<AnalysisPlan> = shapeArb.chain((s) =>
  fc.record({
    top: groupArb(s, true),
    overrides: fc.array(fc.record({ when: whenArb(s), window: windowArb, certain: fc.boolean() }), { maxLength: 3 }),
  }).map(({ top, overrides }) =>
    plan(schema(...fieldsOf(s)), top, {
      overrides: overrides.map((o, i) => ({
        name: `o${i}`,
        when: o.when ?? [{ atoms: [] }],
        target: o.certain ? { kind: "queue", id: "q" } : { kind: "field", field: "owner" },
        ...(o.window ? { window: o.window } : {}),
      })),
    })));

/** Every record over values that represent every class the generators can create. */
function poolOf(p: AnalysisPlan): Record<string, unknown>[] {
  const f = new Map(p.schema.fields.map((x) => [x.name, x]));
  const opt = (name: string, values: unknown[]) => (f.get(name)!.optional ? [...values, undefined] : values);
  const out: Record<string, unknown>[] = [];
  const regionOf = new Map([["US", ["US-CA", "US-NY", "US-TX"]], ["CA", ["CA-ON", "CA-QC"]], ["FR", ["FR-IDF"]], ["DE", ["DE-BY"]]]);
  for (const seg of opt("seg", SEGS)) {
    for (const country of opt("country", ["US", "CA", "FR", "DE"])) {
      const regions = !f.has("region") ? [undefined] : [undefined, ...(country === undefined ? [...regionOf.values()].flat() : regionOf.get(country as string)!)];
      for (const region of regions) {
        for (const emp of opt("emp", [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1000])) {
          const r: Record<string, unknown> = {};
          if (seg !== undefined) r.seg = seg;
          if (country !== undefined) r.country = country;
          if (region !== undefined) r.region = region;
          if (emp !== undefined) r.emp = emp;
          out.push(r);
        }
      }
    }
  }
  return out;
}

const DAYS = ["2020-01-01", "2026-12-31", "2027-01-01", "2027-01-02", "2027-02-28", "2027-03-01", "2027-03-02", "2027-05-31", "2027-06-01", "2027-06-02", "2030-01-01"];

/** `by` of a shadowed child: each one takes some of its records, and together they take all. */
function checkTakers(o: Oracle, pool: Record<string, unknown>[], findings: Finding[]): void {
  for (const f of findings) {
    if (f.kind !== "shadowed" || f.by.length === 0) continue;
    const when = o.plan.territories[f.territory].when;
    const days = DAYS.filter((d) => inPeriod(f.period, d));
    const taken = new Set<number>();
    const loose: unknown[] = [];
    for (const d of days) {
      for (const r of pool) {
        if (!o.whenHolds(when, r) || !o.reaches(f.group, r, d)) continue;
        const j = o.takenBy(f.territory, r, d);
        if (j === undefined || !f.by.includes(j)) loose.push({ r, d, j });
        else taken.add(j);
      }
    }
    expect(loose.slice(0, 3), JSON.stringify(f)).toEqual([]);
    expect([...taken].sort((a, b) => a - b), JSON.stringify(f)).toEqual([...f.by].sort((a, b) => a - b));
  }
}

/** A witness must show its finding on every day of the finding's period. */
function checkWitnesses(o: Oracle, findings: Finding[]): void {
  for (const f of findings) {
    if (!("witness" in f) || f.witness === undefined) continue;
    expect(o.validWitness(f.witness), JSON.stringify(f)).toBeUndefined();
    for (const d of DAYS) if (inPeriod("period" in f ? f.period : undefined, d)) checkWitness(o, f, d);
  }
}

function checkWitness(o: Oracle, f: Finding, d: string): void {
  const p = o.plan;
  if (!("witness" in f) || f.witness === undefined) return;
  const w = f.witness;
  {
    if (f.kind === "overlap") {
      expect(o.reaches(f.group, w, d) && o.matches(f.a, w, d) && o.matches(f.b, w, d), JSON.stringify(f)).toBe(true);
    } else if (f.kind === "gap") {
      expect(o.reaches(f.group, w, d), JSON.stringify(f)).toBe(true);
      expect(p.groups[f.group].territories.some((t) => o.matches(t, w, d)), JSON.stringify(f)).toBe(false);
    } else if (f.kind === "shadowed") {
      expect(o.whenHolds(p.territories[f.territory].when, w), JSON.stringify(f)).toBe(true);
      if (f.takenBy !== undefined) {
        expect(o.reaches(f.group, w, d), JSON.stringify(f)).toBe(true);
        expect(o.takenBy(f.territory, w, d), JSON.stringify(f)).toBe(f.takenBy);
        expect(f.by).toContain(f.takenBy);
      } else expect(f.by).toEqual([]);
    } else if (f.kind === "shadowed-override") {
      expect(o.whenHolds(p.overrides[f.override].when, w)).toBe(true);
      const takers = p.overrides.slice(0, f.override).map((x, j) => j)
        .filter((j) => o.active(p.overrides[j].window, d) && p.overrides[j].target.kind === "queue" && o.whenHolds(p.overrides[j].when, w));
      expect(takers[0], JSON.stringify(f)).toBe(f.takenBy);
    }
  }
}

// CARVE_PROPERTY_RUNS=5000 for a long soak; 200 keeps the suite quick.
const RUNS = Number(process.env.CARVE_PROPERTY_RUNS ?? 200);

describe("analysis agrees with brute force", () => {
  test("overlaps, gaps, shadowed children and overrides, unsatisfiable conditions", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const findings = analyze(p);
        expect(findings.filter((f) => f.kind === "incomplete")).toEqual([]);
        expect(analyze(p)).toEqual(findings); // deterministic
        const o = new Oracle(p);
        const pool = poolOf(p);
        const keyed = findings.map((f) => ({ f, key: keyOf(f) })).filter((x) => x.key !== undefined);
        const unsat = new Set(keyed.filter((x) => x.f.kind === "unsatisfiable").map((x) => x.key!));
        expect([...unsat].sort()).toEqual([...o.unsatTruth(pool)].sort());
        for (const d of DAYS) {
          const truth = new Set([...o.treeTruth(pool, d), ...o.overrideTruth(pool, d)]);
          const reported = new Set(keyed.filter((x) => x.f.kind !== "unsatisfiable" && inPeriod("period" in x.f ? x.f.period : undefined, d)).map((x) => x.key!));
          expect({ day: d, keys: [...reported].sort() }).toEqual({ day: d, keys: [...truth].sort() });
        }
        checkWitnesses(o, findings);
        checkTakers(o, pool, findings);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 200);
});

// The same witnesses, decided by the real runtime (@carve/runtime): descent, first match in
// `first` and `unique` groups, windows — the analysis's reach semantics must be the runtime's.
describe("witnesses behave as reported in the runtime", () => {
  test("gaps stop descent, shadowed witnesses go to takenBy, overlaps are ambiguous", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const findings = analyze(p);
        const runtime = loadArtifact(sealArtifact(artifactOf({ ...p, overrides: [] })));
        const ids = p.territories.map((x) => x.id);
        for (const f of findings) {
          if (!("witness" in f) || f.witness === undefined) continue;
          for (const d of DAYS) {
            if (!inPeriod("period" in f ? f.period : undefined, d)) continue;
            const dec: Decision = runtime.evaluate(f.witness, { asOf: d, explain: true });
            const why = JSON.stringify({ f, d, dec: { status: dec.status, territory: dec.territory, errors: dec.errors } });
            expect(dec.status, why).not.toBe("invalid");
            const path = dec.territory?.path ?? [];
            if (f.kind === "gap") {
              const parent = p.groups[f.group].parent;
              expect(dec.territory?.id, why).toBe(parent === undefined ? undefined : ids[parent]);
            } else if (f.kind === "shadowed" && f.takenBy !== undefined) {
              expect(path, why).toContain(ids[f.takenBy]);
              expect(path, why).not.toContain(ids[f.territory]);
            } else if (f.kind === "overlap") {
              const amb = (dec.trace ?? []).find((e) => e.step === "ambiguous" && e.matched.includes(ids[f.a]));
              expect(amb && amb.step === "ambiguous" && amb.matched.includes(ids[f.b]), why).toBe(true);
            }
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, RUNS * 200);
});
