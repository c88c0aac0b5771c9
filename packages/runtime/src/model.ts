// What the runtime derives from an artifact once, at load: field slots, roster lookups, and the
// territory and owner objects every decision shares (frozen, so decisions allocate almost nothing).
import { foldString } from "@carve/values";
import type { Artifact, FieldType } from "./artifact-types.js";
import type { Owner, TerritoryRef } from "./decision.js";

export interface FieldSlot {
  slot: number;
  name: string;
  type: FieldType;
  optional: boolean;
  /** undefined unless an enum (always present: one object shape for every slot, read per record) */
  enumValues: readonly string[] | undefined;
  /** the dotted name's parts, for nested input objects */
  parts: readonly string[];
  /** a part is also an Object.prototype member (`constructor`, `__proto__`…): read own properties only */
  ownOnly: boolean;
  /** slot of the country field giving this region/postal field its context, or -1 */
  countrySlot: number;
  /** int, number or money */
  numeric: boolean;
  /** one part, no prototype name: read as input[name] */
  simple: boolean;
}

export interface Model {
  artifact: Artifact;
  fields: FieldSlot[];
  fieldByName: Map<string, number>;
  /** slot of schema.key, or -1 */
  keySlot: number;
  /** folded rep id or e-mail → rep index */
  repLookup: Map<string, number>;
  repIndex: Map<string, number>;
  queueIndex: Map<string, number>;
  teamIndex: Map<string, number>;
  territoryIndex: Map<string, number>;
  /** per territory: {id, label, path} shared by all decisions */
  territoryRefs: TerritoryRef[];
  repOwners: Owner[];
  queueOwners: Owner[];
  /** per team, per member: the member as an owner picked through the team */
  memberOwners: Owner[][];
  ruleset: Readonly<{ name: string; hash: string }>;
}

const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

export function buildModel(a: Artifact): Model {
  const fields: FieldSlot[] = a.schema.fields.map((f, slot) => {
    const parts = f.name.split(".");
    return {
      slot,
      name: f.name,
      type: f.type,
      optional: f.optional,
      enumValues: f.enumValues ? Object.freeze([...f.enumValues]) : undefined,
      parts,
      ownOnly: PROTO_NAMES.has(f.name) || parts.some((p) => PROTO_NAMES.has(p)),
      countrySlot: -1,
      numeric: f.type === "int" || f.type === "number" || f.type === "money",
      simple: false,
    };
  });
  for (const f of fields) f.simple = f.parts.length === 1 && !f.ownOnly;
  const fieldByName = new Map(fields.map((f) => [f.name, f.slot]));
  a.schema.fields.forEach((f, slot) => {
    if (f.countryField !== undefined) fields[slot].countrySlot = fieldByName.get(f.countryField)!;
  });
  const repLookup = new Map<string, number>();
  a.roster.reps.forEach((r, i) => repLookup.set(foldString(r.id), i));
  // E-mails second: a rep id always wins over another rep's e-mail spelled the same.
  a.roster.reps.forEach((r, i) => {
    if (r.email !== undefined && !repLookup.has(foldString(r.email))) repLookup.set(foldString(r.email), i);
  });

  const territoryRefs: TerritoryRef[] = [];
  const refOf = (t: number): TerritoryRef => {
    if (territoryRefs[t]) return territoryRefs[t];
    const ter = a.territories[t];
    const parentPath = ter.parent === undefined ? [] : refOf(ter.parent).path;
    const ref: TerritoryRef = Object.freeze({
      id: ter.id,
      ...(ter.label !== undefined ? { label: ter.label } : {}),
      path: Object.freeze([...parentPath, ter.id]) as string[],
    });
    territoryRefs[t] = ref;
    return ref;
  };
  a.territories.forEach((_, t) => refOf(t));

  return {
    artifact: a,
    fields,
    fieldByName,
    keySlot: a.schema.key === undefined ? -1 : fieldByName.get(a.schema.key)!,
    repLookup,
    repIndex: new Map(a.roster.reps.map((r, i) => [r.id, i])),
    queueIndex: new Map(a.roster.queues.map((q, i) => [q.id, i])),
    teamIndex: new Map(a.roster.teams.map((t, i) => [t.id, i])),
    territoryIndex: new Map(a.territories.map((t, i) => [t.id, i])),
    territoryRefs,
    repOwners: a.roster.reps.map((r) => Object.freeze({ kind: "rep" as const, id: r.id })),
    queueOwners: a.roster.queues.map((q) => Object.freeze({ kind: "queue" as const, id: q.id })),
    memberOwners: a.roster.teams.map((t) =>
      t.members.map((m) => Object.freeze({ kind: "rep" as const, id: m.rep, team: t.id })),
    ),
    ruleset: Object.freeze({ name: a.ruleset.name, hash: a.hash }),
  };
}
