// Renders a decision and its trace for people: the outcome first (owner, territory, via,
// overlays), then every step the runtime took, numbered, with each failed condition on its own
// line next to the record's value. Shared by `carve explain` and `carve test`.
import { dirname, resolve } from "node:path";
import { ownerLabel } from "@carve/compiler";
import type { Style } from "@carve/language";
import type { Decision, FailedBox, FailedCondition, TraceEntry, WhyNot } from "@carve/runtime";
import { displayPath } from "./output.js";

export interface TraceTextOptions {
  style: Style;
  /** prefix of every line */
  indent?: string;
  /** how to show a condition's file (the artifact names it relative to the entry's folder) */
  fileName?: (file: string) => string;
}

/** Shows the artifact's entry-relative file names relative to the working directory. */
export function entryFileName(entry: string): (file: string) => string {
  const dir = dirname(entry);
  return (file) => displayPath(resolve(dir, file));
}

/** The outcome, one labelled line each. */
export function decisionText(d: Decision, { style, indent = "" }: TraceTextOptions): string {
  const rows: [string, string][] = [["status", d.status === "invalid" ? style.error(d.status) : style.bold(d.status)]];
  if (d.key !== undefined) rows.unshift(["record", d.key]);
  if (d.status === "invalid") {
    const errs = d.errors ?? [];
    errs.forEach((e, i) => rows.push([i === 0 ? "errors" : "", `${e.field}: ${e.reason}${/did you mean/i.test(e.reason) ? "" : suggestions(e.suggestions)}`]));
  } else {
    rows.push(["owner", d.owner ? ownerLabel(d.owner) : "none"]);
    const t = d.territory;
    rows.push(["territory", t ? `${t.id}${t.label ? ` ${JSON.stringify(t.label)}` : ""}${t.path.length > 1 ? style.dim(`  (path ${t.path.join(" › ")})`) : ""}` : "none"]);
    if (d.via !== undefined) rows.push(["via", d.via]);
    rows.push(["overlays", d.overlays.length === 0 ? "none" : d.overlays.map((o) => `${o.territory} → ${o.owner ? ownerLabel(o.owner) : "no one available"}`).join(", ")]);
  }
  rows.push(["as of", d.asOf]);
  rows.push(["ruleset", `${d.ruleset.name} ${style.dim(d.ruleset.hash.slice(0, 12))}`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`).join("\n");
}

/** The numbered steps of `d.trace` (empty when the decision was made without `explain`). */
export function traceText(trace: readonly TraceEntry[], { style, indent = "", fileName = (f) => f }: TraceTextOptions): string {
  const width = String(trace.length).length;
  const out: string[] = [];
  trace.forEach((e, i) => {
    const n = `${String(i + 1).padStart(width)}.`;
    const sub = `${indent}${" ".repeat(n.length + 1)}  `;
    const { head, details } = entryLines(e, style, fileName);
    out.push(`${indent}${n} ${head}`);
    for (const d of details) out.push(`${sub}${d}`);
  });
  return out.join("\n");
}

/** The runtime's answer to "why is this record not in territory X?". */
export function whyNotText(w: WhyNot, { style, indent = "", fileName = (f) => f }: TraceTextOptions): string {
  const out: string[] = [];
  w.reasons.forEach((r, i) => {
    if (r.kind === "no-match") {
      out.push(`${indent}- \`${r.territory}\` does not match:`);
      for (const d of failedLines(r.failed, style, fileName)) out.push(`${indent}    ${d}`);
    } else out.push(`${indent}- ${w.messages[i] ?? r.kind}`);
  });
  if (w.matched) for (const m of w.messages) out.push(`${indent}- ${m}`);
  return out.join("\n");
}

function entryLines(e: TraceEntry, style: Style, fileName: (f: string) => string): { head: string; details: string[] } {
  switch (e.step) {
    case "territory":
    case "override": {
      const what = e.step === "territory" ? `territory \`${e.territory}\`` : `override \`${e.override}\``;
      const where = e.step === "territory" ? style.dim(` (${e.policy === "overlays" ? "overlays" : `${e.policy} group`})`) : "";
      if (e.result === "matched") return { head: `${what} ${style.bold("matched")}${where}`, details: [] };
      if (e.result === "not-in-effect") return { head: e.message, details: [] };
      return { head: `${what} did not match${where}`, details: failedLines(e.failed ?? [], style, fileName) };
    }
    case "invalid":
      return { head: style.error("the record is invalid; nothing was evaluated"), details: [] };
    case "skip":
      return { head: style.warning(e.message), details: [] };
    case "assigned":
      return { head: style.bold(e.message), details: [] };
    default:
      return { head: e.message, details: [] };
  }
}

function failedLines(failed: readonly FailedBox[], style: Style, fileName: (f: string) => string): string[] {
  if (failed.length === 0) return ["its `when` can never hold"];
  if (failed.length === 1) return failed[0].failed.map((f) => conditionLine(f, style, fileName));
  return failed.flatMap((b, i) => [`alternative ${i + 1} of ${failed.length}:`, ...b.failed.map((f) => `  ${conditionLine(f, style, fileName)}`)]);
}

/** "`employees >= 1000` is false: employees = 40  (acme.carve:29, from `enterprise`)" */
function conditionLine(f: FailedCondition, style: Style, fileName: (f: string) => string): string {
  const value = f.value === undefined ? `${f.field} has no value` : `${f.field} = ${JSON.stringify(f.value)}`;
  const raw = f.raw !== undefined ? `, given ${JSON.stringify(f.raw)}` : "";
  const from = f.text !== f.test ? `, from \`${f.text}\`` : "";
  return `\`${f.test}\` is false: ${value}${raw}  ${style.dim(`(${fileName(f.file)}:${f.line}${from})`)}`;
}

function suggestions(s: string[] | undefined): string {
  return s && s.length > 0 ? `; did you mean ${s.map((x) => `\`${x}\``).join(" or ")}?` : "";
}
