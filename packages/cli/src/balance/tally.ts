// Who carries how much: records and the measure per territory and per owner. Territories and
// owners the plan can route to but that got no record are listed with zero — an empty territory
// is the first thing a manager looks for.
import type { Artifact, Decision, Target } from "@carve/runtime";

export interface Row {
  /** territory id, or owner as "rep alice" / "queue triage" */
  name: string;
  label?: string;
  records: number;
  measure: number;
}

/** rows for records the plan routes to no territory (overrides, `otherwise`) and to no owner */
export const NO_TERRITORY = "(no territory)";
export const UNASSIGNED = "(unassigned)";

export class Tally {
  readonly territories = new Map<string, Row>();
  readonly owners = new Map<string, Row>();
  rows = 0;
  assigned = 0;
  unassigned = 0;
  rejected = 0;
  /** valid records without a value for the measure (counted as 0) */
  withoutMeasure = 0;
  private readonly labels: Map<string, string | undefined>;

  constructor(artifact: Artifact) {
    const labels = new Map<string, string | undefined>();
    for (const r of artifact.roster.reps) labels.set(`rep ${r.id}`, r.label);
    for (const q of artifact.roster.queues) labels.set(`queue ${q.id}`, q.label);
    for (const t of mainTree(artifact)) {
      const territory = artifact.territories[t];
      if (territory.children === undefined) this.territories.set(territory.id, row(territory.id, territory.label));
    }
    for (const owner of routableOwners(artifact)) this.owners.set(owner, row(owner, labels.get(owner)));
    this.labels = labels;
  }

  rejectedRow(): void {
    this.rows++;
    this.rejected++;
  }

  decided(d: Decision, measure: number | undefined): void {
    this.rows++;
    if (measure === undefined) this.withoutMeasure++;
    const m = measure ?? 0;
    if (d.owner) this.assigned++;
    else this.unassigned++;
    if (d.territory) add(this.territories, d.territory.id, d.territory.label, m);
    else add(this.territories, NO_TERRITORY, undefined, m);
    const owner = d.owner ? `${d.owner.kind} ${d.owner.id}` : UNASSIGNED;
    add(this.owners, owner, d.owner ? this.labels.get(owner) : undefined, m);
  }
}

function row(name: string, label: string | undefined): Row {
  return label === undefined ? { name, records: 0, measure: 0 } : { name, label, records: 0, measure: 0 };
}

function add(rows: Map<string, Row>, name: string, label: string | undefined, measure: number): void {
  let r = rows.get(name);
  if (!r) rows.set(name, (r = row(name, label)));
  r.records++;
  r.measure += measure;
}

/** The territories of the owning tree (groups[0] and its nested groups; overlays are not owners). */
function mainTree(a: Artifact): number[] {
  const out: number[] = [];
  const visit = (g: number) => {
    for (const t of a.groups[g].territories) {
      out.push(t);
      const c = a.territories[t].children;
      if (c !== undefined) visit(c);
    }
  };
  if (a.groups.length > 0) visit(0);
  return out;
}

/** Reps and queues the owning tree can route to: assign and otherwise targets, team members. */
function routableOwners(a: Artifact): string[] {
  const out = new Set<string>();
  const teams = new Map(a.roster.teams.map((t) => [t.id, t]));
  const seenTeams = new Set<string>();
  const target = (x: Target | undefined) => {
    if (!x || x.kind === "field") return;
    if (x.kind !== "team") return void out.add(`${x.kind} ${x.id}`);
    const team = teams.get(x.id);
    if (!team || seenTeams.has(team.id)) return;
    seenTeams.add(team.id);
    for (const m of team.members) out.add(`rep ${m.rep}`);
    target(team.overflow);
  };
  const tree = mainTree(a);
  for (const t of tree) target(a.territories[t].assign);
  const groups = new Set([0, ...tree.map((t) => a.territories[t].children).filter((c): c is number => c !== undefined)]);
  for (const g of groups) target(a.groups[g]?.otherwise);
  return [...out].sort();
}
