// The declarations that differ between two versions of the rules: territories (added, removed,
// renamed, with changed conditions, owner, window or label), territory groups (policy,
// `otherwise`, order of their children) and overrides. Roster and record changes are in
// roster-changes.ts. Reported whether or not they change any decision on the diff's date:
// a window or a rep's absence can matter on another day.
import { describeAtom, type Artifact, type Box, type Group, type Target, type Window } from "@carve/runtime";
import { detail, windowText } from "./details.js";
import { matchOverrides, matchTerritories, whenKey, type Matching } from "./match.js";
import { targetText } from "./owners.js";
import { recordChanges, rosterChanges } from "./roster-changes.js";
import type { Change, ChangeDetail } from "./types.js";

/** Longest condition text shown in a change. */
const MAX_CONDITION = 240;

export function structuralChanges(a: Artifact, b: Artifact): Change[] {
  return [...territoryChanges(a, b), ...overrideChanges(a, b), ...rosterChanges(a, b), ...recordChanges(a.schema, b.schema)];
}

function territoryChanges(a: Artifact, b: Artifact): Change[] {
  const m = matchTerritories(a, b);
  const view = (t: Artifact["territories"][number]): Rule => ({ id: t.id, label: t.label, when: t.when, target: t.assign, window: t.window });
  return [...ruleChanges("territory", a, b, a.territories.map(view), b.territories.map(view), m), ...groupChanges(a, b, m)];
}

/** A territory or an override as the diff compares them. */
interface Rule {
  id: string;
  label?: string;
  when: Box[];
  target?: Target;
  window?: Window;
}

/** Removed, added, renamed and changed rules of one kind, matched by `m`. */
function ruleChanges(subject: "territory" | "override", a: Artifact, b: Artifact, olds: Rule[], news: Rule[], m: Matching): Change[] {
  const out: Change[] = [];
  olds.forEach((t, i) => {
    const j = m.map.get(i);
    if (j === undefined) {
      out.push({ kind: "removed", subject, id: t.id, details: describe(a, t, "from") });
      return;
    }
    const u = news[j];
    const details: ChangeDetail[] = [];
    detail(details, "label", t.label, u.label);
    if (whenKey(t.when) !== whenKey(u.when)) details.push(conditionChange(a, t.when, b, u.when));
    detail(details, "owner", targetText(t.target), targetText(u.target));
    detail(details, "window", windowText(t.window), windowText(u.window));
    if (t.id !== u.id) out.push({ kind: "renamed", subject, id: t.id, to: u.id, details });
    else if (details.length > 0) out.push({ kind: "changed", subject, id: t.id, details });
  });
  news.forEach((u, j) => {
    if (!m.back.has(j)) out.push({ kind: "added", subject, id: u.id, details: describe(b, u, "to") });
  });
  return out;
}

function describe(artifact: Artifact, t: Rule, side: "from" | "to"): ChangeDetail[] {
  const out: ChangeDetail[] = [{ aspect: "conditions", [side]: conditionText(artifact, t.when) }];
  const owner = targetText(t.target);
  if (owner !== undefined) out.push({ aspect: "owner", [side]: owner });
  const w = windowText(t.window);
  if (w !== undefined) out.push({ aspect: "window", [side]: w });
  return out;
}

/** Groups are known by the territory they nest in (or as the top level / the overlays). */
function groupChanges(a: Artifact, b: Artifact, m: Matching): Change[] {
  const out: Change[] = [];
  const name = (artifact: Artifact, g: number) =>
    g === 0 ? "(top level)" : g === artifact.overlays ? "(overlays)" : artifact.territories[artifact.groups[g].parent!].id;
  const counterpart = (g: number): number | undefined => {
    if (g === 0) return 0;
    if (g === a.overlays) return b.overlays;
    const parent = m.map.get(a.groups[g].parent!);
    return parent === undefined ? undefined : b.territories[parent].children;
  };
  a.groups.forEach((g, gi) => {
    const hi = counterpart(gi);
    const parentGone = gi !== 0 && gi !== a.overlays && !m.map.has(g.parent!);
    if (hi === undefined) {
      if (!parentGone) out.push({ kind: "removed", subject: "group", id: name(a, gi), details: [{ aspect: "policy", from: g.policy }] });
      return;
    }
    const h = b.groups[hi];
    const details: ChangeDetail[] = [];
    detail(details, "policy", g.policy, h.policy);
    detail(details, "otherwise", targetText(g.otherwise), targetText(h.otherwise));
    const order = orderChange(g, h, m, (j) => b.territories[j].name);
    if (order !== undefined) details.push(order);
    if (details.length > 0) out.push({ kind: "changed", subject: "group", id: name(b, hi), details });
  });
  // A group is new when its parent territory existed without one (a new parent is reported itself).
  b.groups.forEach((h, hi) => {
    if (hi === 0) return;
    let isNew: boolean;
    if (hi === b.overlays) isNew = a.overlays === undefined;
    else {
      const oldParent = m.back.get(h.parent!);
      isNew = oldParent !== undefined && a.territories[oldParent].children === undefined;
    }
    if (isNew) out.push({ kind: "added", subject: "group", id: name(b, hi), details: [{ aspect: "policy", to: h.policy }] });
  });
  return out;
}

/** The relative order of the children both versions have, when it differs (it decides `first` groups). */
function orderChange(g: Group, h: Group, m: Matching, nameOf: (j: number) => string): ChangeDetail | undefined {
  const kept = new Set(h.territories);
  const before = g.territories.map((t) => m.map.get(t)).filter((j): j is number => j !== undefined && kept.has(j));
  const common = new Set(before);
  const after = h.territories.filter((j) => common.has(j));
  if (before.every((j, k) => after[k] === j)) return undefined;
  return { aspect: "order", from: before.map(nameOf).join(", "), to: after.map(nameOf).join(", ") };
}

function overrideChanges(a: Artifact, b: Artifact): Change[] {
  const m = matchOverrides(a, b);
  const view = (o: Artifact["overrides"][number]): Rule => ({ id: o.name, label: o.label, when: o.when, target: o.target, window: o.window });
  const out = ruleChanges("override", a, b, a.overrides.map(view), b.overrides.map(view), m);
  const order = orderChange({ policy: "first", territories: a.overrides.map((_, i) => i) }, { policy: "first", territories: b.overrides.map((_, j) => j) }, m, (j) => b.overrides[j].name);
  if (order !== undefined) out.push({ kind: "changed", subject: "group", id: "(overrides)", details: [order] });
  return out;
}

/** The tests as written; when they read the same, the values they test (a set or segment changed). */
function conditionChange(a: Artifact, from: readonly Box[], b: Artifact, to: readonly Box[]): ChangeDetail {
  const x = conditionText(a, from);
  const y = conditionText(b, to);
  if (x !== y) return { aspect: "conditions", from: x, to: y };
  return { aspect: "conditions", from: atomsText(from), to: atomsText(to) };
}

/** The DNF with each or-branch's source tests: `country in [US, CA] and region in west_states or …`. */
export function conditionText(artifact: Artifact, when: readonly Box[]): string {
  if (when.length === 0) return "no record";
  return cut(when.map((box) => {
    const texts = [...new Set(box.atoms.map((r) => artifact.conditions[r.condition]?.text ?? describeAtom(r.atom)))];
    return texts.length === 0 ? "every record" : texts.join(" and ");
  }).join(" or "));
}

function atomsText(when: readonly Box[]): string {
  return cut(when.map((box) => (box.atoms.length === 0 ? "every record" : box.atoms.map((r) => describeAtom(r.atom)).join(" and "))).join(" or "));
}

function cut(s: string): string {
  return s.length <= MAX_CONDITION ? s : `${s.slice(0, MAX_CONDITION - 1)}…`;
}

