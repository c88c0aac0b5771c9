// The human report of `carve import`, on standard error: counts, everything not translated with
// its file and line, the notes, and a summary of what the analysis found in the imported plan.
import type { ImportReport } from "@carve/compiler";
import type { Style } from "@carve/language";
import { displayPath } from "./output.js";

const MAX_LISTED = 50;

export function importReportText(r: ImportReport, output: string, style: Style): string {
  const lines: string[] = [];
  const counts = Object.entries(r.counts).filter(([, c]) => c.read > 0);
  lines.push(style.bold(`imported ${displayPath(r.source)} → ${output}`));
  lines.push(`  translated: ${counts.map(([k, c]) => `${k} ${c.translated}/${c.read}`).join(", ") || "nothing to translate"}`);

  if (r.untranslated.length > 0) {
    lines.push(style.warning(`not translated (${r.untranslated.length}):`));
    for (const u of r.untranslated.slice(0, MAX_LISTED)) lines.push(`  ${displayPath(u.file)}:${u.line}  ${u.kind} ${style.dim(u.what)}: ${u.reason}`);
    if (r.untranslated.length > MAX_LISTED) lines.push(`  … and ${r.untranslated.length - MAX_LISTED} more (the --report JSON lists them all)`);
  }
  if (r.notes.length > 0) {
    lines.push(style.info(`notes (${r.notes.length}):`));
    for (const n of r.notes.slice(0, MAX_LISTED)) lines.push(`  ${displayPath(n.file)}${n.line ? `:${n.line}` : ""}  ${n.message}`);
    if (r.notes.length > MAX_LISTED) lines.push(`  … and ${r.notes.length - MAX_LISTED} more`);
  }

  const f = r.findings;
  if (!f.analyzed) lines.push(`static analysis skipped (--no-analysis): names, types and values were checked`);
  else lines.push(`analysis of the imported plan: ${f.errors} error${f.errors === 1 ? "" : "s"}, ${f.warnings} warning${f.warnings === 1 ? "" : "s"}, ${f.infos} info`);
  const byCode = new Map<string, typeof f.items>();
  for (const item of f.items) byCode.set(item.code, [...(byCode.get(item.code) ?? []), item]);
  for (const [code, items] of byCode) {
    const first = items[0];
    const paint = first.severity === "error" ? style.error : first.severity === "warning" ? style.warning : style.info;
    lines.push(`  ${paint(`${code} ×${items.length}`)}  ${first.message}  (line ${first.line}${items.length > 1 ? ", …" : ""})`);
  }
  return `${lines.join("\n")}\n`;
}
