// Cases that document the SPEC but fail today because of a bug or a missing feature elsewhere.
// The runner expects these parts to fail; when one starts passing the suite fails and says so:
// the bug is fixed, remove the entry. Every entry names the part that fails and why.

export interface KnownFailure {
  /** the case id: its path under cases/ without `.yaml` */
  case: string;
  /** "diagnostics" (the compiler's report) or "records" (the decisions) */
  part: "diagnostics" | "records";
  /** for records: only these backends fail (default: every backend) */
  backends?: string[];
  reason: string;
}

export const ANALYSIS_NOT_WIRED = "analysis not wired into compileProgram yet";

export const knownFailures: readonly KnownFailure[] = [
  // SPEC 2.7: the analysis (packages/compiler/src/analysis, findings/unused.ts) exists but compileProgram
  // does not report its findings yet. The expected lines are where each finding belongs: see README.md.
  { case: "analysis/gap-at-top-level-without-otherwise", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/nested-gap-is-information", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/overlap-in-unique-group", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/rep-until-leaves-a-territory-without-owner", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/shadowed-by-several-siblings", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/shadowed-child-in-first-group", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/shadowed-override", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/team-with-no-available-member-in-some-period", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/unsatisfiable-condition", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "analysis/unused-rep-set-and-segment", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
  { case: "descent/unique-group-two-matches-takes-the-first-in-document-order", part: "diagnostics", reason: ANALYSIS_NOT_WIRED },
];

export function knownFailure(caseId: string, part: KnownFailure["part"], backend?: string): KnownFailure | undefined {
  return knownFailures.find((k) => k.case === caseId && k.part === part && (backend === undefined || k.backends === undefined || k.backends.includes(backend)));
}
