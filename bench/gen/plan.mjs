// The plan model: a geography × segment × vertical territory plan with exactly N territories,
// built deterministically from (N, seed). `render.mjs` turns it into Carve source text and
// `rows.mjs` into the flat first-match table the peer engines evaluate.
//
// A condition (`cond`) maps record fields to one constraint each: a list of values (country,
// region, industry, source), a list of prefixes (postal_code) or an inclusive {min, max} range
// (employees, annual_revenue). `refs` names the set or segment the source text uses for a field.
import { LEVELS } from "./cells.mjs";
import { rng } from "./random.mjs";

export const SEGMENTS = {
  enterprise: { employees: { min: 1000 } },
  mid_market: { employees: { min: 200, max: 999 } },
};

const SEG = {
  ent: { label: "Enterprise", cond: SEGMENTS.enterprise, refs: { employees: "enterprise" } },
  mm: { label: "Mid-market", cond: SEGMENTS.mid_market, refs: { employees: "mid_market" } },
  smb: { label: "Commercial", cond: {}, refs: {} },
};
const V = (name, label, industries) => ({ name, label, cond: industries ? { industry: industries } : {} });
const VERTICALS = {
  1: [V("all", "")],
  2: [V("tech", "tech", ["software", "fintech", "media"]), V("all", "")],
  3: [V("tech", "tech", ["software", "fintech", "media"]), V("reg", "regulated", ["healthcare", "public_sector", "education"]), V("all", "")],
  4: [V("digital", "digital", ["software", "media"]), V("fin", "fintech", ["fintech"]), V("reg", "regulated", ["healthcare", "public_sector", "education"]), V("all", "")],
  6: [
    V("sw", "software", ["software"]), V("fin", "fintech", ["fintech"]), V("hc", "healthcare", ["healthcare"]),
    V("pub", "public", ["public_sector", "education"]), V("ind", "industrial", ["manufacturing", "logistics"]), V("all", ""),
  ],
  10: [
    ...["software", "fintech", "healthcare", "manufacturing", "retail", "logistics", "media", "public_sector", "education"].map((i) => V(i, i.replace("_", " "), [i])),
    V("all", ""),
  ],
};
const SOURCES = { 1: [{ name: "", label: "", cond: {} }], 2: [{ name: "in", label: "inbound", cond: { source: ["inbound", "event"] } }, { name: "", label: "", cond: {} }] };

/** segment × vertical × source grids, smallest first; the all-wildcard combination is dropped. */
const GRIDS = [[["ent", "smb"], 1, 1], [["ent", "mm", "smb"], 1, 1], [["ent", "smb"], 2, 1], [["ent", "mm", "smb"], 2, 1],
  [["ent", "mm", "smb"], 3, 1], [["ent", "mm", "smb"], 4, 1], [["ent", "mm", "smb"], 6, 1], [["ent", "mm", "smb"], 10, 1], [["ent", "mm", "smb"], 10, 2]];

// US public sector and education leads belong to the `us_public_sector` territory at the top, so
// US cells have no vertical for them (a plan that lists them anyway gets "can never match" warnings).
const US_EXCLUDED = ["public_sector", "education"];

function combos([segs, v, s], excluded) {
  const out = [];
  for (const seg of segs) {
    for (const vert of VERTICALS[v]) {
      const industries = vert.cond.industry?.filter((i) => !excluded.includes(i));
      if (industries?.length === 0) continue;
      for (const src of SOURCES[s]) {
        const cond = { ...SEG[seg].cond, ...(industries ? { industry: industries } : {}), ...src.cond };
        if (Object.keys(cond).length === 0) continue;
        const name = [seg, vert.name, src.name].filter(Boolean).join("_");
        const label = [SEG[seg].label, vert.label, src.label].filter(Boolean).join(" ");
        out.push({ name, label, cond, refs: SEG[seg].refs });
      }
    }
  }
  return out;
}
const GRID_COMBOS = { us: GRIDS.map((g) => combos(g, US_EXCLUDED)), other: GRIDS.map((g) => combos(g, [])) };
const isUS = (cell) => cell.cond.country?.length === 1 && cell.cond.country[0] === "US";
const gridsFor = (cell) => GRID_COMBOS[isUS(cell) ? "us" : "other"];
const maxChildren = (cell) => gridsFor(cell).at(-1).length;

function childrenFor(cell, k) {
  return k === 0 ? [] : gridsFor(cell).find((g) => g.length >= k).slice(0, k);
}

/** Picks the cell level with about five territories per cell, and at most one cell per territory. */
function chooseLevel(budget) {
  let best = 0;
  let bestScore = Infinity;
  LEVELS.forEach((level, i) => {
    const g = level().length;
    if (g > budget && i > 0) return;
    const score = Math.abs(Math.log(budget / g) - Math.log(5));
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return LEVELS[best]();
}

/** Shares `extra` territories among cells ∝ √(lead share), each cell at most its grid's size more. */
function distribute(cells, extra) {
  const w = cells.map((c) => Math.sqrt(c.weight));
  const cap = cells.map(maxChildren);
  const extras = cells.map(() => 0);
  let left = extra;
  let open = cells.map((_, i) => i);
  while (left > 0 && open.length > 0) {
    const total = open.reduce((s, i) => s + w[i], 0);
    const ideal = open.map((i) => Math.min(cap[i] - extras[i], (left * w[i]) / total));
    const base = ideal.map(Math.floor);
    let given = base.reduce((s, x) => s + x, 0);
    const order = open.map((i, j) => [j, ideal[j] - base[j]]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [j] of order) {
      if (given >= left) break;
      if (extras[open[j]] + base[j] < cap[open[j]]) (base[j] += 1), (given += 1);
    }
    open.forEach((i, j) => (extras[i] += base[j]));
    left -= given;
    open = open.filter((i) => extras[i] < cap[i]);
    if (given === 0) break;
  }
  if (left > 0) throw new Error(`the generator builds plans of at most about ${cells.length + cap.reduce((a, b) => a + b, 0) + 3} territories; ask for fewer`);
  return extras;
}

function roster(n, r) {
  const reps = [];
  for (let i = 1; i <= Math.max(4, Math.ceil(n / 3)); i++) {
    const id = `rep${String(i).padStart(5, "0")}`;
    const rep = { id, label: `Rep ${i}`, email: `${id}@example.com` };
    if (r.chance(0.1)) rep.capacity = r.int(50, 400);
    // Some reps are away around the benchmark's asOf date (2027-03-01): their records pass up the path.
    if (r.chance(0.03)) rep.away = r.chance(0.5) ? "2027-02-20..2027-03-10" : "2026-12-20..2027-01-04";
    reps.push(rep);
  }
  const teams = [{ id: "strategic_ae", label: "Strategic AEs", members: reps.slice(0, 3).map((x, i) => ({ rep: x.id, weight: i === 0 ? 2 : 1 })) }];
  for (let i = 1; i <= Math.floor(n / 50); i++) {
    const members = [0, 1, 2].map(() => ({ rep: r.pick(reps).id, weight: r.int(1, 3) }));
    teams.push({ id: `team${String(i).padStart(4, "0")}`, members: members.filter((m, j) => members.findIndex((x) => x.rep === m.rep) === j) });
  }
  const queues = ["na_queue", "emea_queue", "apac_queue", "latam_queue", "pubsec_queue", "partner_desk", "triage"].map((id) => ({ id }));
  return { reps, teams, queues };
}

/** The model of a plan with exactly `n` territories (n ≥ 1). */
export function buildPlan(n, seed = 20270301) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`the plan size must be a positive integer, got ${n}`);
  const r = rng(seed ^ n);
  const { reps, teams, queues } = roster(n, r);
  let repIndex = 0;
  const leafTarget = () => (teams.length > 1 && r.chance(0.1) ? { kind: "team", id: r.pick(teams.slice(1)).id } : { kind: "rep", id: reps[repIndex++ % reps.length].id });

  const top = [
    { name: "strategic", label: "Strategic accounts", cond: { annual_revenue: { min: 5e9 } }, refs: {}, assign: { kind: "team", id: "strategic_ae" } },
    { name: "us_public_sector", label: "US public sector", cond: { country: ["US"], industry: ["public_sector", "education"] }, refs: {}, assign: { kind: "queue", id: "pubsec_queue" } },
    { name: "partner_enterprise", label: "Partner-sourced enterprise", cond: { source: ["partner"], ...SEGMENTS.enterprise }, refs: { employees: "enterprise" }, assign: { kind: "queue", id: "partner_desk" } },
  ].slice(0, n >= 100 ? 3 : Math.min(2, n));

  const budget = n - top.length;
  const cells = chooseLevel(budget).slice(0, budget);
  const extras = budget > 0 ? distribute(cells, budget - cells.length) : [];
  const territories = [...top];
  cells.forEach((cell, i) => {
    const geo = { name: cell.name, label: cell.label, cond: cell.cond, refs: cell.set ? { region: cell.set } : {} };
    const kids = childrenFor(cell, extras[i]).map((c) => ({ name: `${cell.name}_${c.name}`, label: `${cell.label} ${c.label}`, cond: c.cond, refs: c.refs, assign: leafTarget() }));
    if (kids.length === 0) territories.push({ ...geo, assign: leafTarget() });
    else if (r.chance(0.5)) territories.push({ ...geo, assign: { kind: "queue", id: cell.queue }, children: kids });
    else {
      for (const k of kids) territories.push({ ...k, cond: merge(geo.cond, k.cond), refs: { ...geo.refs, ...k.refs } });
      territories.push({ ...geo, label: `${cell.label}, other`, assign: { kind: "queue", id: cell.queue } });
    }
  });

  const sets = cells.filter((c) => c.set).map((c) => ({ name: c.set, values: c.cond.region }));
  // Declare only what the plan uses: the analysis warns about unused teams, queues and segments.
  const used = new Set([...territories.flatMap((t) => [t, ...(t.children ?? [])]).map((t) => t.assign.id), "partner_desk", "triage"]);
  const refs = JSON.stringify(territories);
  const segments = Object.fromEntries(Object.entries(SEGMENTS).filter(([name]) => refs.includes(`"employees":"${name}"`)));
  const overrides = [
    { name: "partner_big_deals", label: "Partner-sourced big deals go to the partner desk", cond: { source: ["partner"], annual_revenue: { min: 1e9 } }, refs: {}, target: { kind: "queue", id: "partner_desk" } },
  ];
  return {
    name: `bench${n}`, label: `Benchmark plan, ${n} territories`, size: n, sets, segments, territories,
    otherwise: { kind: "queue", id: "triage" }, overrides, reps,
    teams: teams.filter((t) => used.has(t.id)), queues: queues.filter((q) => used.has(q.id)),
  };
}

/** The conjunction of two conditions on disjoint fields. */
export function merge(a, b) {
  for (const k of Object.keys(b)) if (k in a) throw new Error(`internal: both conditions constrain ${k}`);
  return { ...a, ...b };
}

/** How many territories a model declares (nested ones included). */
export function countTerritories(model) {
  return model.territories.reduce((s, t) => s + 1 + (t.children?.length ?? 0), 0);
}
