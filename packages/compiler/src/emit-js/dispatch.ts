// How a compiled table finds its rows: straight-line tests in row order, or, for a large table
// whose rows mostly test one field for equality (country == US, region in west_states), a
// dispatch on that field's key first — one Map lookup picks the case holding only the rows that
// can match that key (and the rows that do not test the field), still in row order. Cases nest.
import type { CAtom, Window } from "@carve/runtime";

export interface PlannedRow {
  row: number;
  /** the atoms still to test (those a dispatch above already decided are left out) */
  atoms: readonly CAtom[];
  window?: Window;
}

export type Plan =
  | { kind: "rows"; rows: PlannedRow[] }
  | {
      kind: "dispatch";
      slot: number;
      /** per case: the keys that select it and its plan; the keys of one case share one candidate list */
      cases: { keys: unknown[]; plan: Plan }[];
      /** the rows that do not test the field for equality (also when the record's key is listed nowhere) */
      otherwise: Plan;
    };

/** Fewer rows than this are tested straight through. */
const MIN_ROWS = 8;
/** A dispatch must at least halve the rows tested for an average key. */
const MAX_SHARE = 0.5;
const MAX_DEPTH = 4;

/**
 * Plans a table's rows. A row under several keys is written once per case: the whole plan writes
 * at most about four times the table's rows (plus a little for small tables).
 */
export function planRows(rows: PlannedRow[]): Plan {
  return plan(rows, new Set(), 0, { left: 3 * rows.length + 64 });
}

function plan(rows: PlannedRow[], used: ReadonlySet<number>, depth: number, budget: { left: number }): Plan {
  if (rows.length < MIN_ROWS || depth >= MAX_DEPTH) return { kind: "rows", rows };
  const d = choose(rows, used, budget.left);
  if (!d) return { kind: "rows", rows };
  budget.left -= d.written - rows.length;
  const inner = new Set(used).add(d.slot);
  return {
    kind: "dispatch",
    slot: d.slot,
    cases: d.cases.map((c) => ({ keys: c.keys, plan: plan(c.rows, inner, depth + 1, budget) })),
    otherwise: plan(d.wild, inner, depth + 1, budget),
  };
}

/** The first atom of `r` that tests `slot` for equality with listed values (not negated). */
function eqAtom(r: PlannedRow, slot: number): Extract<CAtom, { kind: "eq" }> | undefined {
  for (const a of r.atoms) if (a.kind === "eq" && !a.negated && a.slot === slot) return a;
  return undefined;
}

interface Dispatch {
  slot: number;
  cases: { keys: unknown[]; rows: PlannedRow[] }[];
  wild: PlannedRow[];
  /** row tests written over all cases */
  written: number;
}

/** The field whose dispatch leaves the fewest rows per key, if one is worth it within the budget. */
function choose(rows: PlannedRow[], used: ReadonlySet<number>, budget: number): Dispatch | undefined {
  const slots: number[] = [];
  for (const r of rows) for (const a of r.atoms) if (a.kind === "eq" && !a.negated && !used.has(a.slot) && !slots.includes(a.slot)) slots.push(a.slot);
  let best: { d: Dispatch; avg: number } | undefined;
  for (const slot of slots) {
    const d = dispatchOn(rows, slot);
    if (!d) continue;
    const keys = d.cases.reduce((n, c) => n + c.keys.length, 0);
    const perKey = d.cases.reduce((n, c) => n + c.keys.length * c.rows.length, 0) / keys;
    if (perKey > rows.length * MAX_SHARE || d.written - rows.length > budget) continue;
    if (!best || perKey < best.avg) best = { d, avg: perKey };
  }
  return best?.d;
}

function dispatchOn(rows: PlannedRow[], slot: number): Dispatch | undefined {
  const keyed = rows.map((r) => eqAtom(r, slot));
  // Per key (in order of first appearance), the rows that list it.
  const byKey = new Map<unknown, number[]>();
  keyed.forEach((a, i) => {
    for (const k of a?.values ?? []) {
      let own = byKey.get(k);
      if (own === undefined) byKey.set(k, (own = []));
      if (own[own.length - 1] !== i) own.push(i);
    }
  });
  if (byKey.size === 0) return undefined;
  const wildRows: number[] = [];
  keyed.forEach((a, i) => {
    if (a === undefined) wildRows.push(i);
  });
  // The candidate rows of each key — its own and the wild ones, in row order — the dispatch atom
  // dropped (the key makes it hold); keys with the same candidates share one case.
  const bySignature = new Map<string, { keys: unknown[]; rows: PlannedRow[] }>();
  let written = wildRows.length;
  for (const [k, own] of byKey) {
    const members = mergeSorted(own, wildRows);
    const signature = members.join(",");
    const known = bySignature.get(signature);
    if (known) {
      known.keys.push(k);
      continue;
    }
    written += members.length;
    const caseRows = members.map((i) => {
      const a = keyed[i];
      return a === undefined ? rows[i] : { ...rows[i], atoms: rows[i].atoms.filter((x) => x !== a) };
    });
    bySignature.set(signature, { keys: [k], rows: caseRows });
  }
  return { slot, cases: [...bySignature.values()], wild: wildRows.map((i) => rows[i]), written };
}

/** Two ascending lists of distinct numbers, merged. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}
