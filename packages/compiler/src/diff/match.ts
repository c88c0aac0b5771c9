// Which declaration of the old version is which of the new one. Territories and overrides match
// by id; of those left over, an old and a new one are the same declaration *renamed* when they
// sit at the same place — the same parent (itself matched, renames included), the same group
// (top level, nested or overlays) and the same position among their siblings — and have the same
// `when`. Anything else left over is removed or added: a rename that also moves or changes its
// conditions is reported as a removal and an addition, never guessed.
import type { Artifact, Box, Territory } from "@carve/runtime";

export interface Matching {
  /** old index → new index */
  map: Map<number, number>;
  /** new index → old index */
  back: Map<number, number>;
}

/** The `when` without source positions: equal keys, equal conditions. */
export function whenKey(when: readonly Box[]): string {
  return JSON.stringify(when.map((b) => b.atoms.map((r) => r.atom)));
}

export function matchTerritories(a: Artifact, b: Artifact): Matching {
  const m: Matching = { map: new Map(), back: new Map() };
  const byId = new Map(b.territories.map((t, i) => [t.id, i]));
  a.territories.forEach((t, i) => {
    const j = byId.get(t.id);
    if (j !== undefined) link(m, i, j);
  });
  // Old territories are numbered parents first (document pre-order), so a parent's rename is
  // known before its children are placed.
  a.territories.forEach((t, i) => {
    if (m.map.has(i)) return;
    const place = placeOf(a, t, i);
    const candidates = b.territories
      .map((u, j) => ({ u, j }))
      .filter(({ u, j }) => !m.back.has(j) && samePlace(place, placeOf(b, u, j), m) && whenKey(u.when) === whenKey(t.when));
    if (candidates.length === 1) link(m, i, candidates[0].j);
  });
  return m;
}

/** Overrides by name, then renames at the same position with the same `when` and target. */
export function matchOverrides(a: Artifact, b: Artifact): Matching {
  const m: Matching = { map: new Map(), back: new Map() };
  const byName = new Map(b.overrides.map((o, i) => [o.name, i]));
  a.overrides.forEach((o, i) => {
    const j = byName.get(o.name);
    if (j !== undefined) link(m, i, j);
  });
  a.overrides.forEach((o, i) => {
    const u = b.overrides[i];
    if (m.map.has(i) || u === undefined || m.back.has(i)) return;
    if (whenKey(u.when) === whenKey(o.when) && JSON.stringify(u.target) === JSON.stringify(o.target)) link(m, i, i);
  });
  return m;
}

function link(m: Matching, i: number, j: number): void {
  m.map.set(i, j);
  m.back.set(j, i);
}

interface Place {
  /** "top", "overlays" or "nested" */
  group: string;
  parent?: number;
  position: number;
}

function placeOf(artifact: Artifact, t: Territory, index: number): Place {
  const g = artifact.groups.findIndex((group) => group.territories.includes(index));
  const group = g === 0 ? "top" : g === artifact.overlays ? "overlays" : "nested";
  const position = g < 0 ? -1 : artifact.groups[g].territories.indexOf(index);
  return t.parent === undefined ? { group, position } : { group, parent: t.parent, position };
}

function samePlace(old: Place, neu: Place, m: Matching): boolean {
  if (old.group !== neu.group || old.position !== neu.position) return false;
  if (old.parent === undefined || neu.parent === undefined) return old.parent === neu.parent;
  return m.map.get(old.parent) === neu.parent;
}
