// What `carve assign` reports at the end: records per territory and per owner (largest first,
// top 20 and "others"), rejected rows per field, a few rejected rows when there is no rejects
// file, and the accounting line — input rows = assigned + unassigned + rejected, always
// (with `--normalize-only`: input rows = normalised + rejected).
// Only counters are kept (bounded by the ruleset's size, not by the number of rows).
import { ownerLabel } from "@carve/compiler";
import type { Style } from "@carve/language";
import type { Decision, Owner } from "@carve/runtime";
import { count, plural, table } from "./summary-table.js";
import { type Reject, reasonsText } from "./records-write.js";

const TOP = 20;
/** The pseudo-fields of rows rejected as a whole. */
const FIELD_LABELS: Record<string, string> = {
  "(row)": "(the row cannot be read)",
  "(record)": "(the row is not a JSON object)",
  "(runtime)": "(evaluation failed)",
};
const SAMPLES = 5;

export class AssignSummary {
  rows = 0;
  assigned = 0;
  unassigned = 0;
  rejected = 0;
  /** `--normalize-only`: valid rows written without a decision */
  normalized = 0;
  readonly territories = new Map<string, number>();
  readonly owners = new Map<string, { owner: Owner | undefined; n: number }>();
  readonly rejectedFields = new Map<string, number>();
  readonly samples: Reject[] = [];

  decided(d: Decision): void {
    this.rows++;
    if (d.status === "assigned") this.assigned++;
    else this.unassigned++;
    const t = d.territory?.id ?? "(no territory)";
    this.territories.set(t, (this.territories.get(t) ?? 0) + 1);
    // By rep or queue id (one namespace, so ids are unique); a rep picked from several teams counts once.
    const k = d.owner ? d.owner.id : "";
    const o = this.owners.get(k);
    if (o) o.n++;
    else this.owners.set(k, { owner: d.owner && { kind: d.owner.kind, id: d.owner.id }, n: 1 });
  }

  normalizedRow(): void {
    this.rows++;
    this.normalized++;
  }

  rejectedRow(r: Reject): void {
    this.rows++;
    this.rejected++;
    const fields = new Set(r.errors.map((e) => e.field));
    for (const f of fields) this.rejectedFields.set(f, (this.rejectedFields.get(f) ?? 0) + 1);
    if (this.samples.length < SAMPLES) this.samples.push(r);
  }

  /** "5,000 rows = 4,850 assigned + 50 unassigned + 100 rejected" */
  accounting(): string {
    if (this.normalized > 0 && this.assigned + this.unassigned === 0) {
      return `${plural(this.rows, "row")} = ${count(this.normalized)} normalised + ${count(this.rejected)} rejected`;
    }
    return `${plural(this.rows, "row")} = ${count(this.assigned)} assigned + ${count(this.unassigned)} unassigned + ${count(this.rejected)} rejected`;
  }
}

export interface SummaryTextOptions {
  style: Style;
  /** the rejects file, when rejected rows were written to one */
  rejectsFile?: string;
  keyName?: string;
}

export function summaryText(s: AssignSummary, { style, rejectsFile, keyName }: SummaryTextOptions): string {
  const out: string[] = [];
  const valid = s.assigned + s.unassigned;
  const share = (n: number, of: number) => (of === 0 ? "" : `${((100 * n) / of).toFixed(1)}%`);
  if (valid > 0) {
    const rows = top([...s.territories].map(([id, n]) => ({ label: id, n })));
    out.push(table([{ header: "territory" }, { header: "records", align: "right" }, { header: "share", align: "right" }], rows.map((r) => [r.label, count(r.n), share(r.n, valid)])));
    out.push("");
    const owners = top([...s.owners.values()].map((o) => ({ label: o.owner ? ownerLabel(o.owner) : "(unassigned)", n: o.n })));
    out.push(table([{ header: "owner" }, { header: "records", align: "right" }, { header: "share", align: "right" }], owners.map((r) => [r.label, count(r.n), share(r.n, valid)])));
    out.push("");
  }
  if (s.rejected > 0) {
    const fields = [...s.rejectedFields].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push(table([{ header: "rejected because of" }, { header: "rows", align: "right" }], fields.map(([f, n]) => [FIELD_LABELS[f] ?? f, count(n)])));
    out.push("");
    if (!rejectsFile) {
      const k = s.samples.length;
      out.push(k === s.rejected
        ? `the ${k === 1 ? "rejected row" : `${k} rejected rows`} (write them to a file with --rejects FILE):`
        : `the first ${k} of ${count(s.rejected)} rejected rows (write them all with --rejects FILE):`);
      for (const r of s.samples) {
        const key = r.key !== undefined && keyName ? `, ${keyName} ${r.key}` : "";
        out.push(`  row ${r.row} (line ${r.line}${key}): ${reasonsText(r.errors)}`);
      }
      out.push("");
    }
  }
  const line = s.accounting();
  out.push(s.rejected > 0 ? style.warning(line) : style.bold(line));
  return out.join("\n");
}

/** The largest first (ties by name), at most TOP rows, the rest folded into "others (N)". */
function top(rows: { label: string; n: number }[]): { label: string; n: number }[] {
  rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  if (rows.length <= TOP + 1) return rows;
  const rest = rows.slice(TOP);
  return [...rows.slice(0, TOP), { label: `others (${rest.length})`, n: rest.reduce((x, r) => x + r.n, 0) }];
}
