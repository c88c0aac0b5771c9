// `carve diff --format text`: for the terminal. Headline, then every kind of record that changes
// hands (with where those records are and an example), the declarations that changed, and —
// with --records — the counts, the first records that move and the accounting line.
import { witnessText } from "@carve/compiler";
import type { Style } from "@carve/language";
import { count, plural, table } from "../summary-table.js";
import type { Move } from "./data.js";
import { changeText, dateNotes, headline, movesOf, outcomeText, OWNERS_NOTE, percent, totalsOf, unchanged, type DiffReport } from "./report.js";

/** Rows of the from→to tables shown. */
const TOP = 20;
/** Pairs shown (a change to a segment many territories use can make hundreds). */
const MAX_PAIRS = 50;
const MAX_CHANGES = 100;

export function diffText(r: DiffReport, style: Style): string {
  const { result } = r;
  const out: string[] = [
    `${style.bold("carve diff")} ${r.old.label} → ${r.neu.label} ${style.dim(`(as of ${result.asOf})`)}`,
    "",
    unchanged(r) ? style.bold(headline(r)) : style.warning(headline(r)),
  ];
  if (!result.complete) {
    out.push("", style.error("the comparison is incomplete — it does not show every record that changes hands:"));
    for (const reason of result.incomplete) out.push(`  ${reason}`);
  }
  if (result.pairs.length > 0) {
    out.push("", style.bold(`Records that change hands, as of ${result.asOf} (every kind${result.complete ? "" : " found"}):`));
    result.pairs.slice(0, MAX_PAIRS).forEach((p, i) => {
      out.push("", `  ${i + 1}. ${outcomeText(p.from)}  ${style.accent("→")}  ${outcomeText(p.to)}`);
      p.regions.forEach((region, k) => out.push(`     ${style.dim(k === 0 ? "records:" : "     or:")} ${region}`));
      if (p.moreRegions > 0) out.push(`     ${style.dim(`     or: ${plural(p.moreRegions, "more part")} not shown`)}`);
      out.push(`     ${style.dim("e.g.")} ${witnessText(p.witness, r.schema)}`);
      for (const note of p.notes) out.push(`     ${style.dim("note:")} ${note}`);
    });
    if (result.pairs.length > MAX_PAIRS) out.push("", `  … and ${plural(result.pairs.length - MAX_PAIRS, "more kind")} (--format json lists them all)`);
    out.push("", style.dim(OWNERS_NOTE));
  }
  if (result.changes.length > 0) {
    out.push("", style.bold("Declarations that changed:"));
    for (const c of result.changes.slice(0, MAX_CHANGES)) out.push(`  ${style.accent(mark(c.kind))} ${changeText(c)}`);
    if (result.changes.length > MAX_CHANGES) out.push(`  … and ${plural(result.changes.length - MAX_CHANGES, "more change")} (--format json lists them all)`);
  }
  const dates = dateNotes(result.changes);
  if (dates.length > 0) out.push("", style.dim(`Dates: the records above are those of ${result.asOf}; these windows changed, so other dates may differ:`), ...dates.map((d) => `  ${d}`));
  if (r.data !== undefined) out.push("", ...dataText(r, style));
  return `${out.join("\n")}\n`;
}

function mark(kind: string): string {
  return kind === "added" ? "+" : kind === "removed" ? "-" : kind === "renamed" ? ">" : "~";
}

function dataText(r: DiffReport, style: Style): string[] {
  const { diff, source, outFile } = r.data!;
  const out = [style.bold(`On ${source}, as of ${r.result.asOf}:`)];
  for (const [name, matrix] of [["territory", diff.territories], ["owner", diff.owners]] as const) {
    const totals = totalsOf(matrix).filter((t) => t.before !== t.after);
    if (totals.length > 0) {
      out.push("", table([{ header: name }, { header: "before", align: "right" }, { header: "after", align: "right" }, { header: "change", align: "right" }],
        totals.slice(0, TOP).map((t) => [t.label, count(t.before), count(t.after), signed(t.after - t.before)])));
      if (totals.length > TOP) out.push(`  … and ${totals.length - TOP} more`);
    }
    const moves = movesOf(matrix);
    if (moves.length > 0) {
      out.push("", table([{ header: `${name} before` }, { header: "after" }, { header: "records", align: "right" }],
        moves.slice(0, TOP).map((m) => [m.from, m.to, count(m.n)])));
      if (moves.length > TOP) out.push(`  … and ${moves.length - TOP} more`);
    }
  }
  if (diff.samples.length > 0) {
    const k = diff.samples.length;
    out.push("", k === diff.moved
      ? `the ${k === 1 ? "record that moves" : `${k} records that move`}${outFile ? "" : " (write them to a file with --out FILE)"}:`
      : `the first ${k} of ${count(diff.moved)} records that move${outFile ? "" : " (write them all with --out FILE)"}:`);
    for (const m of diff.samples) out.push(`  ${moveText(m)}`);
  }
  const line = `${plural(diff.rows, "row")} = ${count(diff.moved)} moved + ${count(diff.unchanged)} unchanged + ${count(diff.rejected)} rejected`;
  out.push("", `${style.bold(line)} (${percent(diff.unchangedShare())} of valid records unchanged)`);
  if (outFile !== undefined && outFile !== "-") out.push(`wrote ${outFile} (${plural(diff.moved, "moved record")})`);
  return out;
}

export function moveText(m: Move): string {
  const who = m.key !== undefined ? `${m.key} (row ${m.row})` : `row ${m.row}`;
  return `${who}: ${m.from.territory}, ${m.from.owner} → ${m.to.territory}, ${m.to.owner}`;
}

function signed(n: number): string {
  return n > 0 ? `+${count(n)}` : count(n);
}
