// What the runner compares: a decision cut down to the keys a case's `expect` names, in the
// notation the case files use, and diagnostics matched by code, file and 1-based line.
import type { Diagnostic } from "@carve/language";
import type { DecisionLike, OwnerLike } from "./backend.js";
import { caseFileName, type CompiledCase } from "./compile-case.js";
import type { ConformanceCase, Expectation } from "./schema.js";

/** `rep:NAME`, `rep:NAME@TEAM` or `queue:NAME`; null for no owner. */
export function ownerText(o: OwnerLike | null | undefined): string | null {
  if (!o) return null;
  return `${o.kind}:${o.id}${o.team !== undefined ? `@${o.team}` : ""}`;
}

/** `TERRITORY -> OWNER`, or `TERRITORY -> none` when no one is available for the overlay. */
export function overlayText(o: { territory: string; owner?: OwnerLike | null }): string {
  return `${o.territory} -> ${ownerText(o.owner) ?? "none"}`;
}

/** The decision projected onto exactly the keys of `expect`. Lists are sorted: order is not part of the contract. */
export function project(d: DecisionLike, expect: Expectation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expect) as (keyof Expectation)[]) {
    switch (key) {
      case "status": out.status = d.status; break;
      case "territory": out.territory = d.territory?.id ?? null; break;
      case "owner": out.owner = ownerText(d.owner); break;
      case "via": out.via = d.via ?? null; break;
      case "overlays": out.overlays = (d.overlays ?? []).map(overlayText).sort(); break;
      case "invalid": out.invalid = (d.errors ?? []).map((e) => e.field).sort(); break;
    }
  }
  return out;
}

/** The expectation in the same shape as project() gives, for a like-for-like diff. */
export function normalizeExpectation(expect: Expectation): Record<string, unknown> {
  const out: Record<string, unknown> = { ...expect };
  if (expect.overlays) out.overlays = [...expect.overlays].sort();
  if (expect.invalid) out.invalid = [...expect.invalid].sort();
  return out;
}

export interface DiagnosticLine {
  code: string;
  file: string;
  line: number;
  severity: string;
  message: string;
  help?: string;
  witness?: Record<string, unknown>;
}

export function diagnosticLines(compiled: CompiledCase): DiagnosticLine[] {
  return compiled.diagnostics.map((d: Diagnostic) => {
    const file = caseFileName(d.file);
    return { code: d.code, file, line: compiled.lineOf(file, d.range.start), severity: d.severity, message: d.message, help: d.help, witness: d.witness };
  });
}

export function showDiagnostic(d: DiagnosticLine): string {
  return `${d.file}:${d.line} ${d.code} ${d.severity}: ${d.message}${d.help !== undefined ? ` (help: ${d.help})` : ""}`;
}

/** Problems with the reported diagnostics, as readable lines; empty when they are as expected. */
export function diagnosticProblems(expected: NonNullable<ConformanceCase["diagnostics"]>, actual: DiagnosticLine[]): string[] {
  const problems: string[] = [];
  const used = new Set<number>();
  for (const e of expected.expected) {
    const i = actual.findIndex(
      (a, k) =>
        !used.has(k) && a.code === e.code && a.file === e.file && a.line === e.line &&
        (e.message === undefined || a.message.includes(e.message)) && (e.help === undefined || (a.help ?? "").includes(e.help)) &&
        (e.witness === undefined || e.witness === (a.witness !== undefined)),
    );
    if (i >= 0) used.add(i);
    else {
      const text = [
        e.message !== undefined ? `message containing "${e.message}"` : "",
        e.help !== undefined ? `help containing "${e.help}"` : "",
        e.witness !== undefined ? (e.witness ? "a witness" : "no witness") : "",
      ].filter(Boolean);
      problems.push(`missing: ${e.file}:${e.line} ${e.code}${text.length > 0 ? ` with ${text.join(" and ")}` : ""}`);
    }
  }
  if (expected.exact) actual.forEach((a, k) => used.has(k) || problems.push(`unexpected: ${showDiagnostic(a)}`));
  return problems;
}
