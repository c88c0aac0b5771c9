// Helpers for semantic-diff tests: compile rulesets from memory, and tell whether the runtime's
// decision for a record is the outcome the diff claims (owners compared as the diff compares
// them: a team's pick as the team, a rep field's owner as the rep the record names).
import { loadProgram, MemoryHost } from "@carve/language";
import { foldString } from "@carve/values";
import type { Artifact, Decision, Owner } from "@carve/runtime";
import { compileProgram, type Outcome, type StaticOwner } from "../../src/index.js";

export function compileFiles(files: Record<string, string>, entry = "main.carve"): Artifact {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/rules/${k}`, v])));
  const r = compileProgram(loadProgram(`/rules/${entry}`, host), { analyze: false });
  if (r.artifact === undefined) throw new Error(`does not compile:\n${r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  return r.artifact;
}

/** The rep id a record's rep-field value names in this artifact's roster (by id or e-mail). */
function repNamed(artifact: Artifact, raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const k = foldString(raw);
  return artifact.roster.reps.find((r) => foldString(r.id) === k || (r.email !== undefined && foldString(r.email) === k))?.id;
}

function ownerMatches(artifact: Artifact, s: StaticOwner | undefined, d: Owner | undefined, record: Record<string, unknown>): boolean {
  if (s === undefined || d === undefined) return s === d;
  switch (s.kind) {
    case "team":
      return d.team === s.id;
    case "field":
      return d.kind === "rep" && d.team === undefined && d.id === repNamed(artifact, record[s.id]);
    default:
      return d.kind === s.kind && d.id === s.id && d.team === undefined;
  }
}

export function outcomeMatches(artifact: Artifact, o: Outcome, d: Decision, record: Record<string, unknown>): boolean {
  if (o.status !== d.status) return false;
  if (o.status === "invalid") return true;
  if (o.territory !== d.territory?.id || o.via !== d.via) return false;
  if (!ownerMatches(artifact, o.owner, d.owner, record)) return false;
  if (o.overlays.length !== d.overlays.length) return false;
  return o.overlays.every((x, i) => x.territory === d.overlays[i].territory && ownerMatches(artifact, x.owner, d.overlays[i].owner, record));
}

/** The parts of a decision that the diff promises to compare. */
export function decisionKey(d: Decision): string {
  return JSON.stringify([d.status, d.territory?.id ?? null, d.owner ?? null, d.via ?? null, d.overlays]);
}
