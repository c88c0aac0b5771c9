// Readable hand-written artifacts for the runtime tests: a plan is described roughly as it is in
// .carve source, and built into a sealed carve/1 artifact.
import type {
  Artifact, Atom, Box, FieldSchema, FieldType, Group, Override, Rep, Scalar, Target, Team, Territory,
} from "../src/artifact-types.js";
import { memberSeeds, sealArtifact } from "../src/hash.js";

/** An atom and the source text of the test it comes from. */
export interface Test {
  atom: Atom;
  text: string;
}

const t = (atom: Atom, text: string): Test => ({ atom, text });

/** Condition helpers, named after the source syntax. */
export const c = {
  eq: (field: string, v: Scalar) => t({ field, op: "in", values: [v] }, `${field} == ${v}`),
  ne: (field: string, v: Scalar) => t({ field, op: "notIn", values: [v] }, `${field} != ${v}`),
  in: (field: string, values: Scalar[]) => t({ field, op: "in", values }, `${field} in [${values.join(", ")}]`),
  notIn: (field: string, values: Scalar[]) => t({ field, op: "notIn", values }, `${field} not in [${values.join(", ")}]`),
  gte: (field: string, v: number | string) =>
    t({ field, op: "range", min: v, minInclusive: true, maxInclusive: false }, `${field} >= ${v}`),
  gt: (field: string, v: number | string) =>
    t({ field, op: "range", min: v, minInclusive: false, maxInclusive: false }, `${field} > ${v}`),
  lt: (field: string, v: number | string) =>
    t({ field, op: "range", max: v, minInclusive: false, maxInclusive: false }, `${field} < ${v}`),
  lte: (field: string, v: number | string) =>
    t({ field, op: "range", max: v, minInclusive: false, maxInclusive: true }, `${field} <= ${v}`),
  between: (field: string, lo: number | string, hi: number | string) =>
    t({ field, op: "range", min: lo, minInclusive: true, max: hi, maxInclusive: true }, `${field} in ${lo}..${hi}`),
  startsWith: (field: string, values: string[], negated = false) =>
    t({ field, op: "startsWith", values, negated }, `${field} ${negated ? "not " : ""}starts with ${values.join(", ")}`),
  endsWith: (field: string, values: string[], negated = false) =>
    t({ field, op: "endsWith", values, negated }, `${field} ${negated ? "not " : ""}ends with ${values.join(", ")}`),
  contains: (field: string, values: string[], negated = false) =>
    t({ field, op: "contains", values, negated }, `${field} ${negated ? "not " : ""}contains ${values.join(", ")}`),
  set: (field: string) => t({ field, op: "set" }, `${field} is set`),
  unset: (field: string) => t({ field, op: "unset" }, `${field} is not set`),
};

/** A `when`: a conjunction of tests, or `{ any: [...] }` for a disjunction of conjunctions. */
export type When = Test[] | { any: Test[][] };

export interface TerritorySpec {
  name: string;
  label?: string;
  /** absent: matches every record that reaches it */
  when?: When;
  /** a rep, team or queue name; "@field" for a rep field */
  assign?: string;
  from?: string;
  until?: string;
  children?: GroupSpec;
}

export interface GroupSpec {
  policy: "first" | "unique";
  territories: TerritorySpec[];
  otherwise?: string;
}

export interface PlanSpec {
  name?: string;
  /** name → "country", "region?", "string key", "enum(a, b)?" */
  fields: Record<string, string>;
  territories: GroupSpec;
  overlays?: TerritorySpec[];
  overrides?: { name: string; when: When; assign: string; from?: string; until?: string }[];
  reps?: (Partial<Rep> & { id: string })[];
  queues?: string[];
  teams?: {
    id: string;
    members: (string | { rep: string; weight?: number; from?: string; until?: string })[];
    strategy: Team["strategy"];
    overflow?: string;
  }[];
}

export function plan(spec: PlanSpec): Artifact {
  const fields: FieldSchema[] = [];
  let key: string | undefined;
  for (const [name, decl] of Object.entries(spec.fields)) {
    const optional = decl.includes("?");
    const enumMatch = /enum\(([^)]*)\)/.exec(decl);
    const type = (enumMatch ? "enum" : decl.replace(/[?]|\bkey\b/g, "").trim()) as FieldType;
    const f: FieldSchema = { name, type, optional };
    if (enumMatch) f.enumValues = enumMatch[1].split(",").map((s) => s.trim());
    if ((type === "region" || type === "postal") && "country" in spec.fields) f.countryField = "country";
    if (/\bkey\b/.test(decl)) key = name;
    fields.push(f);
  }

  const conditions: Artifact["conditions"] = [];
  const condIndex = new Map<string, number>();
  const boxes = (when: When | undefined): Box[] => {
    const alts = when === undefined ? [[]] : Array.isArray(when) ? [when] : when.any;
    return alts.map((conj) => ({
      atoms: conj.map((test) => {
        let i = condIndex.get(test.text);
        if (i === undefined) {
          i = conditions.length;
          condIndex.set(test.text, i);
          conditions.push({ text: test.text, file: "plan.carve", line: i + 10 });
        }
        return { atom: test.atom, condition: i };
      }),
    }));
  };

  const reps: Rep[] = (spec.reps ?? []).map((r) => ({ away: [], ...r }));
  const queues = (spec.queues ?? []).map((id) => ({ id }));
  const teamIds = new Set((spec.teams ?? []).map((x) => x.id));
  const target = (name: string): Target => {
    if (name.startsWith("@")) return { kind: "field", field: name.slice(1) };
    if (teamIds.has(name)) return { kind: "team", id: name };
    if (queues.some((q) => q.id === name)) return { kind: "queue", id: name };
    return { kind: "rep", id: name };
  };
  const teams: Team[] = (spec.teams ?? []).map((x) => ({
    id: x.id,
    members: x.members.map((m) => {
      const mm = typeof m === "string" ? { rep: m } : m;
      const weight = mm.weight ?? 1;
      return {
        rep: mm.rep, weight, seeds: memberSeeds(mm.rep, weight),
        ...(mm.from || mm.until ? { window: { ...(mm.from ? { from: mm.from } : {}), ...(mm.until ? { until: mm.until } : {}) } } : {}),
      };
    }),
    strategy: x.strategy,
    ...(x.overflow ? { overflow: target(x.overflow) } : {}),
  }));

  const territories: Territory[] = [];
  const groups: Group[] = [];
  const addTerritory = (s: TerritorySpec, parent: number | undefined, prefix: string): number => {
    const i = territories.length;
    const ter: Territory = { id: prefix + s.name, name: s.name, when: boxes(s.when) };
    if (s.label) ter.label = s.label;
    if (s.assign) ter.assign = target(s.assign);
    if (s.from || s.until) ter.window = { ...(s.from ? { from: s.from } : {}), ...(s.until ? { until: s.until } : {}) };
    if (parent !== undefined) ter.parent = parent;
    territories.push(ter);
    if (s.children) ter.children = addGroup(s.children, i, `${ter.id}.`);
    return i;
  };
  const addGroup = (g: GroupSpec, parent: number | undefined, prefix: string): number => {
    const gi = groups.length;
    const group: Group = { policy: g.policy, territories: [] };
    if (g.otherwise) group.otherwise = target(g.otherwise);
    if (parent !== undefined) group.parent = parent;
    groups.push(group);
    for (const s of g.territories) group.territories.push(addTerritory(s, parent, prefix));
    return gi;
  };
  addGroup(spec.territories, undefined, "");
  let overlays: number | undefined;
  if (spec.overlays) {
    overlays = groups.length;
    const group: Group = { policy: "overlays", territories: [] };
    groups.push(group);
    for (const s of spec.overlays) group.territories.push(addTerritory(s, undefined, ""));
  }
  const overrides: Override[] = (spec.overrides ?? []).map((o) => ({
    name: o.name, when: boxes(o.when), target: target(o.assign),
    ...(o.from || o.until ? { window: { ...(o.from ? { from: o.from } : {}), ...(o.until ? { until: o.until } : {}) } } : {}),
  }));

  return sealArtifact({
    format: "carve/1",
    ruleset: { name: spec.name ?? "test", sourceHash: "0".repeat(64) },
    schema: { name: "Lead", ...(key ? { key } : {}), fields },
    conditions,
    territories,
    groups,
    ...(overlays !== undefined ? { overlays } : {}),
    overrides,
    roster: { reps, queues, teams },
  });
}
