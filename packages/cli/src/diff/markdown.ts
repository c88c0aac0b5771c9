// `carve diff --format markdown`: a pull-request comment a reviewer reads in thirty seconds — the
// headline first, then a table of the kinds of records that change hands with an example each;
// where those records are, the declarations that changed and the records that move go in
// <details> blocks. Every text from the rules is escaped; long lists are cut so the comment stays
// well under GitHub's 65,536-character limit.
import { witnessText } from "@carve/compiler";
import { count, plural } from "../summary-table.js";
import { changeText, dateNotes, headline, movesOf, outcomeText, OWNERS_NOTE, percent, unchanged, type DiffReport } from "./report.js";
import { moveText } from "./text.js";

const MAX_ROWS = 20;
const MAX_CHANGES = 60;
/** Comfortably under GitHub's 65,536 characters per comment. */
const MAX_LENGTH = 60_000;

/** Fewer pairs and regions until the comment fits. */
export function diffMarkdown(r: DiffReport): string {
  let text = "";
  for (const [pairs, regions] of [[25, 5], [15, 2], [8, 1], [3, 0]]) {
    text = render(r, pairs, regions);
    if (text.length <= MAX_LENGTH) break;
  }
  return text;
}

function render(r: DiffReport, MAX_PAIRS: number, MAX_REGIONS: number): string {
  const { result, data } = r;
  const out: string[] = [`### carve diff: ${text(r.neu.ruleset)}`, ""];
  let head = `**${text(headline(r))}**`;
  if (data !== undefined) head += ` — ${count(data.diff.moved)} of ${count(data.diff.moved + data.diff.unchanged)} valid records in ${code(data.source)}`;
  out.push(`${head} (as of ${result.asOf}; ${text(r.old.label)} → ${text(r.neu.label)})`);
  if (!result.complete) {
    out.push("", "> [!WARNING]", "> The comparison is incomplete: it does not show every record that changes hands.");
    for (const reason of result.incomplete) out.push(`> * ${text(reason)}`);
  }
  if (result.pairs.length > 0) {
    out.push("", "| | before | after | for example |", "|---|---|---|---|");
    result.pairs.slice(0, MAX_PAIRS).forEach((p, i) => {
      out.push(`| ${i + 1} | ${text(outcomeText(p.from))} | ${text(outcomeText(p.to))} | ${cell(code(witnessText(p.witness, r.schema)))} |`);
    });
    if (result.pairs.length > MAX_PAIRS) out.push("", `… and ${result.pairs.length - MAX_PAIRS} more kinds (run \`carve diff\` locally to see them all).`);
    out.push("", `<sub>${text(OWNERS_NOTE)}</sub>`);
    const regions = result.pairs.slice(0, MAX_PAIRS).map((p, i) => {
      const lines = [`${i + 1}. ${text(outcomeText(p.from))} → ${text(outcomeText(p.to))}`];
      for (const region of p.regions.slice(0, MAX_REGIONS)) lines.push(`   * ${code(region)}`);
      const more = p.moreRegions + Math.max(0, p.regions.length - MAX_REGIONS);
      if (more > 0) lines.push(`   * … and ${plural(more, "more part")}`);
      for (const note of p.notes) lines.push(`   * note: ${text(note)}`);
      return lines.join("\n");
    });
    out.push("", details("Which records change hands", regions.join("\n")));
  }
  if (data !== undefined && data.diff.moved > 0) out.push("", details(`Records of ${text(data.source)} that move (${count(data.diff.moved)})`, dataMarkdown(r)));
  if (result.changes.length > 0) {
    const lines = result.changes.slice(0, MAX_CHANGES).map((c) => `* ${text(changeText(c))}`);
    if (result.changes.length > MAX_CHANGES) lines.push(`* … and ${result.changes.length - MAX_CHANGES} more`);
    const dates = dateNotes(result.changes);
    if (dates.length > 0) lines.push("", `Windows changed, so the diff on another date than ${result.asOf} may differ.`);
    out.push("", details(`Declarations that changed (${result.changes.length})`, lines.join("\n")));
  }
  if (data !== undefined) {
    const d = data.diff;
    out.push("", `${count(d.rows)} rows = ${count(d.moved)} moved + ${count(d.unchanged)} unchanged + ${count(d.rejected)} rejected; ${percent(d.unchangedShare())} of valid records unchanged.`);
  }
  if (unchanged(r)) out.push("", "Nothing to review: no record changes hands.");
  return `${out.join("\n")}\n`;
}

function dataMarkdown(r: DiffReport): string {
  const d = r.data!.diff;
  const out: string[] = [];
  for (const [name, matrix] of [["territory", d.territories], ["owner", d.owners]] as const) {
    const moves = movesOf(matrix);
    if (moves.length === 0) continue;
    out.push(`| ${name} before | after | records |`, "|---|---|---:|");
    for (const m of moves.slice(0, MAX_ROWS)) out.push(`| ${text(m.from)} | ${text(m.to)} | ${count(m.n)} |`);
    if (moves.length > MAX_ROWS) out.push(`| … ${moves.length - MAX_ROWS} more | | |`);
    out.push("");
  }
  out.push(d.samples.length === d.moved ? "The records that move:" : `The first ${d.samples.length} records that move:`, "");
  for (const m of d.samples) out.push(`* ${text(moveText(m))}`);
  return out.join("\n");
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** Text from the rules or the data, inert in Markdown and HTML. */
function text(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#!~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/** A code span that holds any text (the fence is longer than any run of backticks inside). */
function code(s: string): string {
  const flat = s.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A table cell: pipes escaped (also inside code spans, as GitHub requires). */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}
