// What `carve diff` reports, in one shape for the three formats (text, markdown, json): the two
// versions, the static diff, and the data diff when records were given. Also the words every
// format shares: how an outcome reads, the headline, and whether anything changed (exit code).
import { ownerText, type Change, type DiffResult, type Outcome } from "@carve/compiler";
import type { RecordSchema } from "@carve/runtime";
import { plural } from "../summary-table.js";
import type { DataDiff } from "./data.js";

export interface Version {
  /** where it was read: a path, or "PATH at REV" */
  label: string;
  ruleset: string;
  hash: string;
}

export interface DiffReport {
  old: Version;
  neu: Version;
  result: DiffResult;
  /** the fields of both versions, for writing witnesses */
  schema: RecordSchema;
  data?: { source: string; diff: DataDiff; outFile?: string };
}

/** Nothing differs: no decision, no declaration, no record of the file. Only then exit 0. */
export function unchanged(r: DiffReport): boolean {
  return r.result.complete && r.result.pairs.length === 0 && r.result.changes.length === 0 && (r.data === undefined || r.data.diff.moved === 0);
}

export function territoriesChanged(changes: readonly Change[]): number {
  return new Set(changes.filter((c) => c.subject === "territory").map((c) => c.id)).size;
}

/** "3 territories changed, 6.2% of records move" — the line a reviewer reads first. */
export function headline(r: DiffReport): string {
  const { result, data } = r;
  if (unchanged(r)) {
    return data === undefined
      ? "No change: both versions decide every record identically"
      : `No change: both versions decide every record identically, and every record of ${data.source} stays`;
  }
  const parts = [plural(territoriesChanged(result.changes), "territory", "territories") + " changed"];
  if (data !== undefined) parts.push(`${percent(1 - data.diff.unchangedShare())} of records move`);
  parts.push(`${plural(result.pairs.length, "kind")} of records change hands`);
  const other = result.changes.length - result.changes.filter((c) => c.subject === "territory").length;
  if (other > 0) parts.push(`${plural(other, "other declaration")} changed`);
  return parts.join(", ");
}

/** How owners are compared, said wherever pairs are shown. */
export const OWNERS_NOTE = "Owners are compared as targets (rep, team, queue, or the rep a rep field names) on the diff's date; "
  + "a team's pick depends on the record's key or on state, so a team is compared through its members and strategy.";

/** "na.east, team east_ae" / "na.west, rep bob (via override keep_owner)" / "invalid". */
export function outcomeText(o: Outcome): string {
  if (o.status === "invalid") return "invalid (rejected)";
  const where = o.territory ?? "no territory";
  const via = o.via !== undefined && !o.via.startsWith("territory ") ? ` (via ${o.via})` : "";
  const overlays = o.overlays.length === 0 ? "" : `; overlays ${o.overlays.map((x) => `${x.territory}: ${ownerText(x.owner)}`).join(", ")}`;
  return `${where}, ${o.owner === undefined ? "no owner" : ownerText(o.owner)}${via}${overlays}`;
}

export function changeText(c: Change): string {
  const subject = c.subject === "group" ? `territories of ${c.id}` : `${c.subject} ${c.id}`;
  const head = c.kind === "renamed" ? `${subject} renamed to ${c.to}` : `${subject} ${c.kind}`;
  const details = c.details.map((d) => {
    if (c.kind === "added" || c.kind === "removed") return `${d.aspect} ${d.to ?? d.from}`;
    return `${d.aspect}: ${d.from ?? "(none)"} → ${d.to ?? "(none)"}`;
  });
  return details.length === 0 ? head : `${head}: ${details.join("; ")}`;
}

/** The changes that make the diff depend on its date (windows, absences). */
export function dateNotes(changes: readonly Change[]): string[] {
  return changes.flatMap((c) => c.details.filter((d) => d.aspect === "window" || d.aspect === "away").map((d) =>
    `${c.subject} ${c.id}: ${d.aspect} ${d.from ?? "(none)"} → ${d.to ?? "(none)"}`));
}

/** 0.0623 → "6.2%"; exactly none or all → "0%", "100%" (never rounded into them). */
export function percent(share: number): string {
  if (share <= 0) return "0%";
  if (share >= 1) return "100%";
  const p = Math.min(99.9, Math.max(0.1, 100 * share));
  return `${p.toFixed(1)}%`;
}

/** Matrix cells that move (from ≠ to), largest first. */
export function movesOf(m: DataDiff["territories"]): { from: string; to: string; n: number }[] {
  const out: { from: string; to: string; n: number }[] = [];
  for (const [from, row] of m) for (const [to, n] of row) if (from !== to) out.push({ from, to, n });
  return out.sort((a, b) => b.n - a.n || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Per label: records before and after (old row sums, new column sums). */
export function totalsOf(m: DataDiff["territories"]): { label: string; before: number; after: number }[] {
  const t = new Map<string, { before: number; after: number }>();
  const at = (k: string) => t.get(k) ?? (t.set(k, { before: 0, after: 0 }), t.get(k)!);
  for (const [from, row] of m) for (const [to, n] of row) {
    at(from).before += n;
    at(to).after += n;
  }
  return [...t].map(([label, v]) => ({ label, ...v })).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.label.localeCompare(b.label));
}
