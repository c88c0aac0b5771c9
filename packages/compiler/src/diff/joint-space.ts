// The joint space of two versions: one dimension per field either version declares, partitioned
// by the atoms of *both* versions (plus a few of our own), so that every condition of either
// version is constant on each class and both decision procedures can be run on the same boxes.
// Which records each version accepts (SPEC 2.6 step 1) is a box of that space per version.
import type { Artifact, Atom, FieldSchema, RecordSchema } from "@carve/runtime";
import { foldString, normalizeValue } from "@carve/values";
import { bitsOf, equals } from "../analysis/bits.js";
import type { CBox } from "../analysis/boxes.js";
import type { Budget } from "../analysis/budget.js";
import { buildSpace, type Space } from "../analysis/domains.js";

export type Side = 0 | 1;

export interface Joint {
  schema: RecordSchema;
  space: Space;
  /** per version: the records it accepts as valid (fields it does not declare are free) */
  valid: [CBox, CBox];
  /** per version: the fields only that version declares */
  oneSided: [FieldSchema[], FieldSchema[]];
  /** every rep id of either roster */
  reps: string[];
}

/** The joint schema, or the reasons two versions' records cannot be compared field by field. */
export function jointSchema(a: RecordSchema, b: RecordSchema): { schema?: RecordSchema; problems: string[] } {
  const problems: string[] = [];
  const inB = new Map(b.fields.map((f) => [f.name, f]));
  const fields: FieldSchema[] = [];
  for (const f of a.fields) {
    const g = inB.get(f.name);
    if (g === undefined) {
      fields.push({ ...f, optional: true });
      continue;
    }
    if (f.type !== g.type) problems.push(`the field \`${f.name}\` changed type (${f.type} → ${g.type}): records are not compared across the change`);
    else if (f.countryField !== g.countryField) {
      problems.push(`the field \`${f.name}\` is read against another country field (${f.countryField ?? "none"} → ${g.countryField ?? "none"})`);
    }
    const joint: FieldSchema = { ...f, optional: f.optional || g.optional };
    if (f.type === "enum") joint.enumValues = [...new Set([...(f.enumValues ?? []), ...(g.enumValues ?? [])])];
    fields.push(joint);
  }
  const inA = new Set(a.fields.map((f) => f.name));
  for (const g of b.fields) if (!inA.has(g.name)) fields.push({ ...g, optional: true });
  if (problems.length > 0) return { problems };
  const schema: RecordSchema = { name: b.name, fields };
  if (b.key !== undefined) schema.key = b.key;
  return { schema, problems };
}

/** Every atom of a version's territories and overrides. */
export function atomsOf(artifact: Artifact): Atom[] {
  const out: Atom[] = [];
  for (const w of [...artifact.territories.map((t) => t.when), ...artifact.overrides.map((o) => o.when)]) {
    for (const box of w) for (const ref of box.atoms) out.push(ref.atom);
  }
  return out;
}

/** Throws PlanError (analysis) when a version uses tests the analysis cannot read. */
export function buildJoint(versions: [Artifact, Artifact], schema: RecordSchema, budget: Budget): Joint {
  const [a, b] = versions;
  const reps = [...new Set([...a.roster.reps.map((r) => r.id), ...b.roster.reps.map((r) => r.id)])];
  const atoms = [...atomsOf(a), ...atomsOf(b)];
  // Our own atoms make each value whose validity differs between the versions a class of its
  // own — and every rep a class of its own, since a rep field can name the owner (SPEC 2.3).
  for (const f of schema.fields) {
    if (f.type === "rep" && reps.length > 0) atoms.push({ field: f.name, op: "in", values: reps });
    if (f.type === "enum") {
      for (const v of versions) {
        const own = v.schema.fields.find((x) => x.name === f.name)?.enumValues;
        if (own !== undefined && own.length > 0) atoms.push({ field: f.name, op: "in", values: own });
      }
    }
  }
  const space = buildSpace(schema, atoms, reps, budget);
  const valid = versions.map((v) => validBox(space, v)) as [CBox, CBox];
  const oneSided = versions.map((v, i) => {
    const other = new Set(versions[1 - i].schema.fields.map((f) => f.name));
    return v.schema.fields.filter((f) => !other.has(f.name));
  }) as [FieldSchema[], FieldSchema[]];
  return { schema, space, valid, oneSided, reps };
}

/** The classes of each field that the version accepts: required fields set, its own enum values and reps. */
function validBox(space: Space, version: Artifact): CBox {
  const own = new Map(version.schema.fields.map((f) => [f.name, f]));
  const reps = new Set(version.roster.reps.map((r) => r.id));
  return space.dims.map((dim) => {
    const f = own.get(dim.field.name);
    if (f === undefined) return null;
    const out: number[] = [];
    for (let c = 0; c < dim.size; c++) {
      if (c === dim.missing) {
        if (f.optional) out.push(c);
        continue;
      }
      const v = dim.partition.value(c);
      if (f.type === "enum" && !(f.enumValues ?? []).includes(v as string)) continue;
      if (f.type === "rep" && !reps.has(v as string)) continue;
      out.push(c);
    }
    const set = bitsOf(dim.size, out);
    return equals(set, dim.full) ? null : set;
  });
}

/**
 * A value the version rejects for this field it alone declares (the other version ignores the
 * field, so such records are decided there and invalid here); undefined when none exists.
 */
export function malformedValue(field: FieldSchema, version: Artifact): unknown {
  const reps = new Set(version.roster.reps.flatMap((r) => [foldString(r.id), ...(r.email ? [foldString(r.email)] : [])]));
  for (const v of ["?", "not a value", []]) {
    const r = normalizeValue(field.type, v, { enumValues: field.enumValues });
    if (!r.ok) return v;
    if (field.type === "rep" && typeof r.value === "string" && !reps.has(foldString(r.value))) return v;
  }
  return undefined;
}
