// From the exploration's leaves to the pairs a reviewer reads: the leaves of each pair merged
// into fewer boxes (two boxes that differ on one field only become one), each described as a
// conjunction, and a witness record taken from the pair's first leaf.
import type { Atom, Scalar } from "@carve/runtime";
import { equals, or } from "../analysis/bits.js";
import type { CBox } from "../analysis/boxes.js";
import type { Space } from "../analysis/domains.js";
import { hasTextTests } from "../analysis/strings.js";
import { witnessOf } from "../analysis/witness.js";
import type { PairLeaves } from "./explore.js";
import { boxText, type RegionContext } from "./region-text.js";
import type { DiffPair, Outcome, StaticOwner } from "./types.js";

export function regionContext(space: Space, atoms: readonly Atom[]): RegionContext {
  const fields = new Map<string, { mentioned: Set<Scalar>; textTests: boolean }>();
  for (const dim of space.dims) {
    const own = atoms.filter((a) => a.field === dim.field.name);
    const mentioned = new Set<Scalar>();
    for (const a of own) if (a.op === "in" || a.op === "notIn") a.values.forEach((v) => mentioned.add(v));
    fields.set(dim.field.name, { mentioned, textTests: hasTextTests(own) });
  }
  return { space, fields };
}

export function describePair(ctx: RegionContext, p: PairLeaves, maxRegions: number): DiffPair {
  const merged = mergeBoxes(ctx.space, p.boxes);
  const shown = merged.slice(0, maxRegions);
  return {
    from: p.from,
    to: p.to,
    regions: shown.map((b) => boxText(ctx, b)),
    moreRegions: merged.length - shown.length + p.more,
    witness: witnessOf(ctx.space, p.boxes[0]),
    notes: notesOf(p.from, p.to),
  };
}

/** Differences the outcomes' ids hide: a team's roster, overlays' owners. */
export function notesOf(from: Outcome, to: Outcome): string[] {
  const notes: string[] = [];
  const team = (a: StaticOwner | undefined, b: StaticOwner | undefined, where: string) => {
    if (a?.kind === "team" && b?.kind === "team" && a.id === b.id && a.roster !== b.roster) {
      notes.push(`team ${a.id}${where} may pick another member: its members, weights, availability or strategy changed`);
    }
  };
  team(from.owner, to.owner, "");
  for (const x of from.overlays) {
    const y = to.overlays.find((o) => o.territory === x.territory);
    if (y !== undefined) team(x.owner, y.owner, ` (overlay ${x.territory})`);
  }
  return notes;
}

/** Repeatedly unites two boxes equal on every field but one, until no two are. */
export function mergeBoxes(space: Space, boxes: readonly CBox[]): CBox[] {
  const out = [...boxes];
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const d = soleDifference(out[i], out[j]);
        if (d === -2) continue;
        out[i] = d === -1 ? out[i] : unite(space, out[i], out[j], d);
        out.splice(j, 1);
        merged = true;
      }
    }
  }
  return out;
}

/** The one field where the boxes differ; -1 when they are equal; -2 when they differ on more. */
function soleDifference(a: CBox, b: CBox): number {
  let d = -1;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const same = x === null || y === null ? x === y : equals(x, y);
    if (same) continue;
    if (d >= 0) return -2;
    d = i;
  }
  return d;
}

function unite(space: Space, a: CBox, b: CBox, d: number): CBox {
  const x = a[d];
  const y = b[d];
  const u = x === null || y === null ? null : or(x, y);
  const set = u !== null && equals(u, space.dims[d].full) ? null : u;
  return a.map((s, i) => (i === d ? set : s));
}

