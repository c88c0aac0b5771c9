// Large generated plans for scale tests: geography × segment × vertical.
import { listCountries } from "@carve/values";
import type { AnalysisPlan } from "../../src/analysis/index.js";
import { all, eq, field, first, ge, lt, plan, queue, schema, startsWith, t, unique, type GNode, type TNode } from "./analysis-plan.js";

export const INDUSTRIES = ["software", "healthcare", "fintech", "manufacturing", "logistics", "retail", "public_sector", "education", "energy", "other"];
export const BANDS = [0, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000, 2000000, 5000000, 10000000, 20000000];

export const scaleSchema = schema(
  field("id", "string"),
  field("country", "country"),
  field("region", "region", { optional: true, country: "country" }),
  field("industry", "enum", { values: INDUSTRIES }),
  field("employees", "int"),
);

/** countries × industries × employee bands territories in one group (10,000 = 50 × 10 × 20). */
export function flatPlan(policy: "first" | "unique", countries: number, otherwise = true): AnalysisPlan {
  const codes = listCountries().map((c) => c.code).slice(0, countries);
  const ts: TNode[] = [];
  for (const c of codes) {
    for (const ind of INDUSTRIES) {
      BANDS.forEach((lo, i) => {
        const hi = BANDS[i + 1];
        const atoms = [eq("country", c), eq("industry", ind), ge("employees", lo)];
        if (hi !== undefined) atoms.push(lt("employees", hi));
        ts.push(t(`${c}_${ind}_${i}`, { when: [all(...atoms)], assign: queue("q") }));
      });
    }
  }
  const group: GNode = policy === "first" ? first(ts) : unique(ts);
  if (otherwise) group.otherwise = queue("triage");
  return plan(scaleSchema, group);
}

/** The same territories nested: country → industry → band. */
export function nestedPlan(countries: number): AnalysisPlan {
  const codes = listCountries().map((c) => c.code).slice(0, countries);
  const geo = codes.map((c) =>
    t(c, {
      when: [all(eq("country", c))],
      assign: queue(`q_${c}`),
      children: unique(INDUSTRIES.map((ind) =>
        t(ind, {
          when: [all(eq("industry", ind))],
          children: first(BANDS.map((lo, i) => {
            const hi = BANDS[i + 1];
            return t(`b${i}`, { when: [all(...(hi === undefined ? [ge("employees", lo)] : [ge("employees", lo), lt("employees", hi)]))] });
          })),
        }))),
    }));
  return plan(scaleSchema, first(geo, queue("triage")));
}

/**
 * A plan whose gap check is hard: `n` territories, each a random "3-clause" box over `d` int
 * fields (three fields each restricted to one side of 0). Whether they cover every record is a
 * 3-SAT question; near n = 4.26·d that takes exponential work.
 */
export function explosivePlan(d: number, n: number, seed = 1): AnalysisPlan {
  const fields = Array.from({ length: d }, (_, i) => field(`x${i}`, "int"));
  let state = seed;
  const rnd = (m: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state >>> 16) % m;
  };
  const ts: TNode[] = [];
  for (let k = 0; k < n; k++) {
    const vars = new Set<number>();
    while (vars.size < 3) vars.add(rnd(d));
    const atoms = [...vars].map((i) => (rnd(2) === 0 ? ge(`x${i}`, 0) : lt(`x${i}`, 0)));
    ts.push(t(`t${k}`, { when: [all(...atoms)] }));
  }
  return plan(schema(...fields), first(ts));
}

export const cellSchema = schema(
  field("id", "string"),
  field("country", "country"),
  field("region", "region", { optional: true, country: "country" }),
  field("postal", "postal", { optional: true, country: "country" }),
  field("industry", "enum", { values: INDUSTRIES }),
  field("employees", "int"),
);

/**
 * The benchmark's shape (bench/generate-plan.mjs): one top-level `first` group of geography cells
 * — a US state and a ZIP3 prefix each — every other cell a nested `first` group of industry ×
 * band territories under the cell (the parent assigns the rest), the others flat at the top level
 * (cell × industry × band, then a catch-all for the cell). `cells` × 40 territories in all.
 */
export function cellPlan(cells: number): AnalysisPlan {
  const states = ["US-CA", "US-TX", "US-NY", "US-FL", "US-IL", "US-PA", "US-OH", "US-GA", "US-NC", "US-MI"];
  const split = (c: number) =>
    INDUSTRIES.flatMap((ind) => [0, 200, 1000].map((lo, k) => {
      const band = k === 2 ? [ge("employees", lo)] : [ge("employees", lo), lt("employees", [200, 1000][k])];
      return { name: `c${c}_${ind}_${k}`, atoms: [eq("industry", ind), ...band] };
    }));
  const top: TNode[] = [];
  for (let c = 0; c < cells; c++) {
    const cell = [eq("country", "US"), eq("region", states[c % states.length]), startsWith("postal", String(100 + c))];
    if (c % 2 === 0) {
      top.push(t(`c${c}`, {
        when: [all(...cell)],
        assign: queue(`q${c}`),
        children: first(split(c).map((s) => t(s.name, { when: [all(...s.atoms)], assign: queue(`q${c}`) }))),
      }));
    } else {
      for (const s of split(c)) top.push(t(s.name, { when: [all(...cell, ...s.atoms)], assign: queue(`q${c}`) }));
      top.push(t(`c${c}_rest`, { when: [all(...cell)], assign: queue(`q${c}`) }));
    }
  }
  return plan(cellSchema, first(top, queue("triage")));
}
