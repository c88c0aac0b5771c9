// A rule table (evaluator.ts `tableLayouts`: one row per box of each item's `when`, items in
// priority order) as JavaScript: `first(r, d)` returns the lowest row that holds on the normalised
// record `r` and is in effect on the date `d`, or -1; `all(r, d, o)` sets the bit of every such
// row in the cleared row bitset `o`. These are the two searches of the runtime's Matcher.
import type { TableLayout } from "@carve/runtime";
import { atomCode, RECORD_ARRAYS, windowCode } from "./atom-code.js";
import { type Plan, type PlannedRow, planRows } from "./dispatch.js";
import type { Hoisted } from "./hoisted.js";

export type Search = "first" | "all";

/**
 * A dispatch whose cases add up to more than this (in characters) moves its biggest cases into
 * functions of their own until it fits: engines optimise small functions sooner, and identical
 * cases then share one function.
 */
const SWITCH_SIZE = 6_000;
/** Cases smaller than this stay in place. */
const CASE_SIZE = 300;

/** The function (`first(r, d) {…}` or `all(r, d, o) {…}`) as an object-literal method. */
export function tableFunction(layout: TableLayout, search: Search, h: Hoisted, indent: string): string {
  const rows: PlannedRow[] = [];
  for (let r = 0; r < layout.rows; r++) {
    const window = layout.items[layout.rowItem[r]].window;
    rows.push(window === undefined ? { row: r, atoms: layout.rowBox[r] } : { row: r, atoms: layout.rowBox[r], window });
  }
  const body: string[] = [];
  printPlan(planRows(rows), search, h, "", body);
  const signature = search === "first" ? "first(r, d)" : "all(r, d, o)";
  return [`${indent}${signature} {`, ...withArrays(body).map((l) => `${indent}  ${l}`), `${indent}}`].join("\n");
}

/** The body, preceded by the record arrays it reads taken out of the record. */
function withArrays(body: readonly string[]): string[] {
  const text = body.join("\n");
  const arrays = (Object.keys(RECORD_ARRAYS) as (keyof typeof RECORD_ARRAYS)[]).filter((k) => new RegExp(`\\b${k}\\[`).test(text));
  return arrays.length > 0 ? [`const ${arrays.map((k) => `${k} = r.${RECORD_ARRAYS[k]}`).join(", ")};`, ...body] : [...body];
}

function printPlan(p: Plan, search: Search, h: Hoisted, indent: string, out: string[]): void {
  if (p.kind === "rows") {
    if (!printRows(p.rows, search, h, indent, out)) out.push(`${indent}${search === "first" ? "return -1;" : "return;"}`);
    return;
  }
  const entries: [unknown, number][] = [];
  p.cases.forEach((c, i) => {
    for (const k of c.keys) entries.push([k, i]);
  });
  const branches = [...p.cases.map((c, i) => ({ label: `case ${i}`, plan: c.plan })), { label: "default", plan: p.otherwise }].map((b) => {
    const lines: string[] = [];
    printPlan(b.plan, search, h, "", lines);
    return { label: b.label, lines, size: lines.reduce((n, l) => n + l.length + 1, 0), call: undefined as string | undefined };
  });
  let total = branches.reduce((n, b) => n + b.size, 0);
  for (const b of [...branches].sort((x, y) => y.size - x.size)) {
    if (total <= SWITCH_SIZE || b.size < CASE_SIZE) break;
    const name = h.fn(search === "first" ? "r, d" : "r, d, o", withArrays(b.lines));
    b.call = search === "first" ? `return ${name}(r, d);` : `${name}(r, d, o); return;`;
    total -= b.size;
  }
  out.push(`${indent}switch (${h.map(entries)}.get(c[${p.slot}])) {`);
  for (const b of branches) {
    if (b.call !== undefined) out.push(`${indent}  ${b.label}: ${b.call}`);
    else out.push(`${indent}  ${b.label}: {`, ...b.lines.map((l) => `${indent}    ${l}`), `${indent}  }`);
  }
  out.push(`${indent}}`);
}

/** Writes the rows' tests; true when the last one written always returns. */
function printRows(rows: readonly PlannedRow[], search: Search, h: Hoisted, indent: string, out: string[]): boolean {
  const written = new Set<string>();
  for (const r of rows) {
    const tests = [...r.atoms.map((a) => atomCode(a, h)), windowCode(r.window)].filter((x) => x !== "");
    const test = tests.join(" && ");
    // Searching for the first row, a row testing exactly what an earlier one tested is never reached.
    if (search === "first" && written.has(test)) continue;
    written.add(test);
    const action = search === "first" ? `return ${r.row};` : `o[${r.row >>> 5}] |= ${(1 << (r.row & 31)) >>> 0};`;
    if (tests.length > 0) {
      out.push(`${indent}if (${test}) ${action}`);
      continue;
    }
    out.push(`${indent}${action}`);
    if (search === "first") return true; // the rows after one that always holds are never reached
  }
  return false;
}
