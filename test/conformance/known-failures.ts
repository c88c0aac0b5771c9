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

export const knownFailures: readonly KnownFailure[] = [
];

export function knownFailure(caseId: string, part: KnownFailure["part"], backend?: string): KnownFailure | undefined {
  return knownFailures.find((k) => k.case === caseId && k.part === part && (backend === undefined || k.backends === undefined || k.backends.includes(backend)));
}
