// `carve balance` output: text for the terminal, Markdown for a review, JSON for machines. The
// spread figures compare like with like: territories (not the records no territory took) and
// reps (queues are holding pens, not people whose load should be even).
import type { Style } from "@carve/language";
import { count, table } from "../summary-table.js";
import { type Load, type Spread, spreadOf } from "./spread.js";
import { NO_TERRITORY, type Row, type Tally } from "./tally.js";

export interface BalanceInfo {
  source: string;
  ruleset: string;
  asOf: string;
  /** the measure field, if any */
  measure?: string;
}

interface Section {
  title: string;
  rows: Row[];
  spread: { records: Spread | null; measure?: Spread | null };
}

function sections(t: Tally, info: BalanceInfo): Section[] {
  const make = (title: string, rows: Map<string, Row>, compared: (r: Row) => boolean): Section => {
    const sorted = [...rows.values()].sort((a, b) => b.records - a.records || a.name.localeCompare(b.name));
    const planned = sorted.filter(compared);
    const loads = (f: (r: Row) => number): Load[] => planned.map((r) => ({ name: r.name, value: f(r) }));
    const spread: Section["spread"] = { records: spreadOf(loads((r) => r.records)) };
    if (info.measure) spread.measure = spreadOf(loads((r) => r.measure));
    return { title, rows: sorted, spread };
  };
  return [make("territory", t.territories, (r) => r.name !== NO_TERRITORY), make("owner", t.owners, (r) => r.name.startsWith("rep "))];
}

export function balanceJson(t: Tally, info: BalanceInfo): object {
  const [territories, owners] = sections(t, info);
  const out = (s: Section) => ({ rows: s.rows, spread: s.spread });
  return {
    ruleset: info.ruleset,
    asOf: info.asOf,
    measure: info.measure ?? null,
    rows: { total: t.rows, assigned: t.assigned, unassigned: t.unassigned, rejected: t.rejected, withoutMeasure: info.measure ? t.withoutMeasure : 0 },
    territories: out(territories),
    owners: out(owners),
  };
}

export function balanceText(t: Tally, info: BalanceInfo, style: Style): string {
  const lines = [header(t, info), ""];
  for (const s of sections(t, info)) {
    lines.push(style.bold(`By ${s.title}`));
    const total = s.rows.reduce((n, r) => n + r.records, 0);
    const measureTotal = s.rows.reduce((n, r) => n + r.measure, 0);
    const columns = [{ header: s.title }, { header: "records", align: "right" as const }, { header: "share", align: "right" as const }];
    if (info.measure) columns.push({ header: info.measure, align: "right" }, { header: "share", align: "right" });
    const body = s.rows.map((r) => {
      const cells = [r.label ? `${r.name} (${r.label})` : r.name, count(r.records), pct(r.records, total)];
      if (info.measure) cells.push(number(r.measure), pct(r.measure, measureTotal));
      return r.records === 0 ? cells.map((c) => style.dim(c)) : cells;
    });
    lines.push(table(columns, body), "");
    const over = s.title === "owner" ? " over reps" : "";
    lines.push(`  spread of records${over}: ${spreadText(s.spread.records, count)}`);
    if (info.measure) lines.push(`  spread of ${info.measure}${over}: ${spreadText(s.spread.measure ?? null, number)}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

export function balanceMarkdown(t: Tally, info: BalanceInfo): string {
  const lines = [`### Balance of \`${info.ruleset}\``, "", header(t, info), ""];
  for (const s of sections(t, info)) {
    const total = s.rows.reduce((n, r) => n + r.records, 0);
    const measureTotal = s.rows.reduce((n, r) => n + r.measure, 0);
    const head = [s.title, "records", "share", ...(info.measure ? [info.measure, "share"] : [])];
    lines.push(`#### By ${s.title}`, "", `| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
    for (const r of s.rows) {
      const cells = [`\`${r.name}\`${r.label ? ` ${escapeCell(r.label)}` : ""}`, count(r.records), pct(r.records, total)];
      if (info.measure) cells.push(number(r.measure), pct(r.measure, measureTotal));
      lines.push(`| ${cells.join(" | ")} |`);
    }
    const over = s.title === "owner" ? " over reps" : "";
    lines.push("", `Spread of records${over}: ${spreadText(s.spread.records, count)}`);
    if (info.measure) lines.push(`Spread of ${info.measure}${over}: ${spreadText(s.spread.measure ?? null, number)}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

function header(t: Tally, info: BalanceInfo): string {
  const measured = info.measure ? `, measure ${info.measure}` : "";
  const missing = info.measure && t.withoutMeasure > 0 ? ` (${count(t.withoutMeasure)} without ${info.measure}, counted as 0)` : "";
  return `${info.source} with ${info.ruleset} as of ${info.asOf}${measured}: ${count(t.rows)} rows = ${count(t.assigned)} assigned + ${count(t.unassigned)} unassigned + ${count(t.rejected)} rejected${missing}`;
}

function spreadText(s: Spread | null, fmt: (n: number) => string): string {
  if (!s) return "nothing to compare";
  const ratio = s.ratio === null ? "max/min ∞ (the least loaded has none)" : `max/min ${s.ratio.toFixed(2)}`;
  return `most ${s.most.name} ${fmt(s.most.value)}, least ${s.least.name} ${fmt(s.least.value)}; ${ratio}, CV ${s.cv.toFixed(2)}, Gini ${s.gini.toFixed(2)}`;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

function number(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
