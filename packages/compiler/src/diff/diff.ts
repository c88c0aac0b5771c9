// diffArtifacts(old, new): what two versions of a ruleset decide differently on a date, and what
// changed in their declarations. The decision part is sound: the record space is partitioned by
// both versions' conditions (joint-space.ts), both decision procedures are run on every part
// (explore.ts), and every part where they disagree becomes a pair with a witness. When that
// cannot be finished (budget, a schema change it cannot model, tests it cannot read) the result
// says `complete: false` with the reasons, and makes no claim about the records not compared.
import type { Artifact } from "@carve/runtime";
import { BudgetExceeded, Budget } from "../analysis/budget.js";
import { PlanError } from "../analysis/domains.js";
import { witnessOf } from "../analysis/witness.js";
import { structuralChanges } from "./changes.js";
import { sideModel, type SideModel } from "./decide.js";
import { describePair, regionContext } from "./describe-pairs.js";
import { explore, outcomeKey, type Exploration } from "./explore.js";
import { atomsOf, buildJoint, jointSchema, malformedValue, type Joint } from "./joint-space.js";
import { boxText, type RegionContext } from "./region-text.js";
import type { DiffOptions, DiffPair, DiffResult } from "./types.js";

const MAX_REGIONS = 5;

export function diffArtifacts(old: Artifact, neu: Artifact, options: DiffOptions): DiffResult {
  const budget = new Budget(options.budget);
  const result: DiffResult = { asOf: options.asOf, complete: true, incomplete: [], pairs: [], changes: structuralChanges(old, neu), work: 0 };
  const { schema, problems } = jointSchema(old.schema, neu.schema);
  result.incomplete.push(...problems, ...emailCaveats(old, neu));
  if (schema !== undefined) {
    try {
      const joint = buildJoint([old, neu], schema, budget);
      const first = sideModel(joint.space, 0, old, joint.valid[0], options.asOf, 0);
      const models: [SideModel, SideModel] = [first, sideModel(joint.space, 1, neu, joint.valid[1], options.asOf, first.end)];
      const found = explore(joint.space, models, budget);
      if (!found.complete) result.incomplete.push(found.reason!);
      const ctx = regionContext(joint.space, [...atomsOf(old), ...atomsOf(neu)]);
      const max = options.maxRegions ?? MAX_REGIONS;
      result.pairs = [...found.pairs.values()].map((p) => describePair(ctx, p, max));
      result.pairs.push(...malformedPairs(ctx, joint, [old, neu], found, result.pairs, max));
      noteRenames(result);
    } catch (e) {
      if (e instanceof PlanError) result.incomplete.push(`the rules cannot be compared: ${e.message}`);
      else if (e instanceof BudgetExceeded) result.incomplete.push(`the comparison ran out of budget while partitioning the record fields (${budget.maxWork} units)`);
      else throw e;
    }
  }
  result.complete = result.incomplete.length === 0;
  result.work = budget.work;
  return result;
}

/**
 * A field only one version declares is ignored by the other: records with a value the declaring
 * version rejects are decided by the other as usual and invalid in this one. The joint space
 * holds valid values only, so these pairs are built here: each outcome of the other version,
 * with the field malformed.
 */
function malformedPairs(ctx: RegionContext, joint: Joint, versions: [Artifact, Artifact], found: Exploration, existing: DiffPair[], max: number): DiffPair[] {
  const out: DiffPair[] = [];
  const byKey = new Map(existing.map((p) => [`${outcomeKey(p.from)}\u0000${outcomeKey(p.to)}`, p]));
  for (const side of [0, 1] as const) {
    const other = (1 - side) as 0 | 1;
    for (const field of joint.oneSided[side]) {
      const bad = malformedValue(field, versions[side]);
      if (bad === undefined) continue;
      const dim = joint.space.byName.get(field.name)!;
      for (const { outcome, box } of found.outcomes[other].values()) {
        if (outcome.status === "invalid") continue;
        const invalid = { status: "invalid" as const, overlays: [] };
        const [from, to] = side === 1 ? [outcome, invalid] : [invalid, outcome];
        const region = `${field.name} is malformed (e.g. ${JSON.stringify(bad)}), ${boxText(ctx, box, new Set([dim.index]))}`;
        const key = `${outcomeKey(from)}\u0000${outcomeKey(to)}`;
        const known = byKey.get(key);
        if (known !== undefined) {
          if (known.regions.length < max) known.regions.push(region);
          else known.moreRegions++;
          continue;
        }
        const witness = { ...witnessOf(joint.space, box), [field.name]: bad };
        const pair: DiffPair = { from, to, regions: [region], moreRegions: 0, witness, notes: [] };
        byKey.set(key, pair);
        out.push(pair);
      }
    }
  }
  return out;
}

/** A renamed territory changes the id every decision reports: say so where the pair shows it. */
function noteRenames(result: DiffResult): void {
  const renamed = new Map(result.changes.filter((c) => c.kind === "renamed" && c.subject === "territory").map((c) => [c.id, c.to!]));
  for (const p of result.pairs) {
    if (p.from.territory !== undefined && renamed.get(p.from.territory) === p.to.territory) {
      p.notes.push(`territory ${p.from.territory} was renamed to ${p.to.territory}`);
    }
  }
}

/** Records may name a rep by e-mail: a changed address is not modelled by the rep's class. */
function emailCaveats(old: Artifact, neu: Artifact): string[] {
  const repFields = [...old.schema.fields, ...neu.schema.fields].filter((f) => f.type === "rep");
  if (repFields.length === 0) return [];
  const emails = new Map(neu.roster.reps.map((r) => [r.id, r.email]));
  const changed = old.roster.reps.filter((r) => emails.has(r.id) && emails.get(r.id) !== r.email).map((r) => r.id);
  if (changed.length === 0) return [];
  return [`records that name ${changed.join(", ")} by e-mail in a rep field are not compared: the address changed`];
}

