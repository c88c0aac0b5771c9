// Builders for hand-written IR plans in analysis tests: atoms, boxes, territory trees.
import type { Artifact, Atom, Box, FieldSchema, FieldType, Group, Override, RecordSchema, Scalar, Target, Territory, Window } from "@carve/runtime";
import type { AnalysisPlan } from "../../src/analysis/index.js";

export function field(name: string, type: FieldType, opts: { optional?: boolean; values?: string[]; country?: string } = {}): FieldSchema {
  const f: FieldSchema = { name, type, optional: opts.optional ?? false };
  if (opts.values) f.enumValues = opts.values;
  if (opts.country) f.countryField = opts.country;
  return f;
}

export function schema(...fields: FieldSchema[]): RecordSchema {
  return { name: "Lead", fields };
}

export const eq = (f: string, ...values: Scalar[]): Atom => ({ field: f, op: "in", values });
export const ne = (f: string, ...values: Scalar[]): Atom => ({ field: f, op: "notIn", values });
export const isSet = (f: string): Atom => ({ field: f, op: "set" });
export const unset = (f: string): Atom => ({ field: f, op: "unset" });
export const gt = (f: string, v: number | string): Atom => ({ field: f, op: "range", min: v, minInclusive: false, maxInclusive: false });
export const ge = (f: string, v: number | string): Atom => ({ field: f, op: "range", min: v, minInclusive: true, maxInclusive: false });
export const lt = (f: string, v: number | string): Atom => ({ field: f, op: "range", max: v, minInclusive: false, maxInclusive: false });
export const le = (f: string, v: number | string): Atom => ({ field: f, op: "range", max: v, minInclusive: false, maxInclusive: true });
export const between = (f: string, lo: number | string, hi: number | string): Atom =>
  ({ field: f, op: "range", min: lo, minInclusive: true, max: hi, maxInclusive: true });
export const startsWith = (f: string, ...values: string[]): Atom => ({ field: f, op: "startsWith", values, negated: false });
export const notStartsWith = (f: string, ...values: string[]): Atom => ({ field: f, op: "startsWith", values, negated: true });
export const endsWith = (f: string, ...values: string[]): Atom => ({ field: f, op: "endsWith", values, negated: false });
export const contains = (f: string, ...values: string[]): Atom => ({ field: f, op: "contains", values, negated: false });

/** A conjunction. */
export function all(...atoms: Atom[]): Box {
  return { atoms: atoms.map((atom, condition) => ({ atom, condition })) };
}

export const rep = (id: string): Target => ({ kind: "rep", id });
export const queue = (id: string): Target => ({ kind: "queue", id });
export const team = (id: string): Target => ({ kind: "team", id });

export interface TNode {
  name: string;
  /** or-branches; absent: matches every record that reaches it */
  when?: Box[];
  assign?: Target;
  window?: Window;
  children?: GNode;
}

export interface GNode {
  policy: Group["policy"];
  territories: TNode[];
  otherwise?: Target;
}

export const t = (name: string, spec: Omit<TNode, "name"> = {}): TNode => ({ name, ...spec });
export const first = (territories: TNode[], otherwise?: Target): GNode => ({ policy: "first", territories, otherwise });
export const unique = (territories: TNode[], otherwise?: Target): GNode => ({ policy: "unique", territories, otherwise });

/** Territories are numbered in document (pre-)order, groups as they are met; groups[0] is `top`. */
export function plan(s: RecordSchema, top: GNode, extra: { overlays?: TNode[]; overrides?: Override[]; roster?: AnalysisPlan["roster"] } = {}): AnalysisPlan {
  const territories: Territory[] = [];
  const groups: Group[] = [];
  const ids = new Set<string>();
  const addGroup = (g: GNode, parent: number | undefined, prefix: string): number => {
    const gi = groups.length;
    const group: Group = { policy: g.policy, territories: [] };
    if (g.otherwise) group.otherwise = g.otherwise;
    if (parent !== undefined) group.parent = parent;
    groups.push(group);
    for (const node of g.territories) {
      const ti = territories.length;
      let id = prefix ? `${prefix}.${node.name}` : node.name;
      if (ids.has(id)) id = `${id}${ti}`; // generated plans reuse names: ids stay unique
      ids.add(id);
      const terr: Territory = { id, name: node.name, when: node.when ?? [{ atoms: [] }] };
      if (node.assign) terr.assign = node.assign;
      if (node.window) terr.window = node.window;
      if (parent !== undefined) terr.parent = parent;
      territories.push(terr);
      group.territories.push(ti);
      if (node.children) terr.children = addGroup(node.children, ti, id.replace(/\./g, "_"));
    }
    return gi;
  };
  addGroup(top, undefined, "");
  const out: AnalysisPlan = { schema: s, territories, groups, overrides: extra.overrides ?? [] };
  if (extra.overlays) out.overlays = addGroup({ policy: "overlays", territories: extra.overlays }, undefined, "");
  if (extra.roster) out.roster = extra.roster;
  return out;
}

export function override(name: string, when: Box[], target: Target, window?: Window): Override {
  const o: Override = { name, when, target };
  if (window) o.window = window;
  return o;
}

/** The plan as a sealed artifact the runtime loads (queues `q` and `triage`, plus `roster`). */
export function artifactOf(p: AnalysisPlan, extraQueues: string[] = []): Omit<Artifact, "hash"> {
  let conditions = 0;
  for (const w of [...p.territories.map((x) => x.when), ...p.overrides.map((o) => o.when)]) {
    for (const b of w) for (const r of b.atoms) conditions = Math.max(conditions, r.condition + 1);
  }
  const roster = p.roster ?? { reps: [], queues: [], teams: [] };
  const queues = [...new Set(["q", "triage", ...extraQueues, ...roster.queues.map((x) => x.id)])].map((id) => ({ id }));
  const body: Omit<Artifact, "hash"> = {
    format: "carve/1",
    ruleset: { name: "test", sourceHash: "0".repeat(64) },
    schema: p.schema,
    conditions: Array.from({ length: conditions }, () => ({ text: "test", file: "test.carve", line: 1 })),
    territories: p.territories,
    groups: p.groups,
    overrides: p.overrides,
    roster: { ...roster, queues },
  };
  if (p.overlays !== undefined) body.overlays = p.overlays;
  return body;
}
