// `carve diff --format json`: the whole report for machines, in a documented, versioned shape
// (docs/diff.md). Teams' internal fingerprints are left out: a `notes` entry says when a team
// picks its member differently.
import type { DiffPair, Outcome, StaticOwner } from "@carve/compiler";
import { territoriesChanged, unchanged, type DiffReport } from "./report.js";

export const DIFF_FORMAT = "carve-diff/1";

export function diffJson(r: DiffReport): object {
  const { result, data } = r;
  return {
    format: DIFF_FORMAT,
    asOf: result.asOf,
    old: r.old,
    new: r.neu,
    changed: !unchanged(r),
    complete: result.complete,
    incomplete: result.incomplete,
    summary: {
      territoriesChanged: territoriesChanged(result.changes),
      pairs: result.pairs.length,
      changes: result.changes.length,
      ...(data ? { rows: data.diff.rows, moved: data.diff.moved, unchanged: data.diff.unchanged, rejected: data.diff.rejected, unchangedShare: data.diff.unchangedShare() } : {}),
    },
    pairs: result.pairs.map(pairJson),
    changes: result.changes,
    ...(data ? {
      records: {
        source: data.source,
        territories: matrixJson(data.diff.territories),
        owners: matrixJson(data.diff.owners),
        moves: data.diff.samples,
      },
    } : {}),
  };
}

function pairJson(p: DiffPair): object {
  return { from: outcomeJson(p.from), to: outcomeJson(p.to), regions: p.regions, moreRegions: p.moreRegions, witness: p.witness, notes: p.notes };
}

function outcomeJson(o: Outcome): object {
  const owner = (w: StaticOwner | undefined) => (w === undefined ? null : { kind: w.kind, id: w.id });
  return {
    status: o.status,
    territory: o.territory ?? null,
    owner: owner(o.owner),
    via: o.via ?? null,
    overlays: o.overlays.map((x) => ({ territory: x.territory, owner: owner(x.owner) })),
  };
}

/** Every cell, the unchanged ones (from = to) included, largest first. */
function matrixJson(m: Map<string, Map<string, number>>): { from: string; to: string; records: number }[] {
  const cells: { from: string; to: string; records: number }[] = [];
  for (const [from, row] of m) for (const [to, n] of row) cells.push({ from, to, records: n });
  return cells.sort((a, b) => b.records - a.records || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

