// The zod schema of the artifact: the same shapes as artifact-types.ts, strict (an unknown member
// is an error, so a newer compiler's output is never half-understood). The type assertions at the
// bottom fail to compile if the two drift apart.
import { z } from "zod";
import { ARTIFACT_FORMAT, type Artifact } from "./artifact-types.js";

const index = z.number().int().min(0);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const bound = z.union([z.number(), z.string()]);

export const fieldTypeSchema = z.enum([
  "string", "int", "number", "money", "bool", "date",
  "country", "region", "postal", "domain", "rep", "enum",
]);

const fieldSchema = z.strictObject({
  name: z.string().min(1),
  type: fieldTypeSchema,
  optional: z.boolean(),
  enumValues: z.array(z.string()).optional(),
  countryField: z.string().optional(),
});

const recordSchema = z.strictObject({
  name: z.string(),
  key: z.string().optional(),
  fields: z.array(fieldSchema),
});

const atomSchema = z.discriminatedUnion("op", [
  z.strictObject({ field: z.string(), op: z.literal("in"), values: z.array(scalar) }),
  z.strictObject({ field: z.string(), op: z.literal("notIn"), values: z.array(scalar) }),
  z.strictObject({
    field: z.string(),
    op: z.literal("range"),
    min: bound.optional(),
    minInclusive: z.boolean(),
    max: bound.optional(),
    maxInclusive: z.boolean(),
  }),
  z.strictObject({
    field: z.string(),
    op: z.enum(["startsWith", "endsWith", "contains"]),
    values: z.array(z.string()),
    negated: z.boolean(),
  }),
  z.strictObject({ field: z.string(), op: z.literal("set") }),
  z.strictObject({ field: z.string(), op: z.literal("unset") }),
]);

const boxSchema = z.strictObject({
  atoms: z.array(z.strictObject({ atom: atomSchema, condition: index })),
});

const conditionSchema = z.strictObject({
  text: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
});

const targetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.enum(["rep", "team", "queue"]), id: z.string() }),
  z.strictObject({ kind: z.literal("field"), field: z.string() }),
]);

const windowSchema = z.strictObject({ from: isoDate.optional(), until: isoDate.optional() });

const territorySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  label: z.string().optional(),
  when: z.array(boxSchema),
  assign: targetSchema.optional(),
  window: windowSchema.optional(),
  children: index.optional(),
  parent: index.optional(),
});

const groupSchema = z.strictObject({
  policy: z.enum(["first", "unique", "overlays"]),
  territories: z.array(index),
  otherwise: targetSchema.optional(),
  parent: index.optional(),
});

const overrideSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().optional(),
  when: z.array(boxSchema),
  target: targetSchema,
  window: windowSchema.optional(),
});

const repSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().optional(),
  email: z.string().optional(),
  capacity: z.number().int().min(0).optional(),
  away: z.array(z.strictObject({ from: isoDate, until: isoDate })),
  window: windowSchema.optional(),
});

const teamSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().optional(),
  members: z.array(
    z.strictObject({
      rep: z.string(),
      weight: z.number().int().min(1),
      window: windowSchema.optional(),
      seeds: z.array(z.number().int().min(0).max(0xffffffff)),
    }),
  ),
  strategy: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("hash"), field: z.string() }),
    z.strictObject({ kind: z.literal("round_robin") }),
    z.strictObject({ kind: z.literal("least_loaded") }),
  ]),
  overflow: targetSchema.optional(),
});

export const artifactSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  ruleset: z.strictObject({ name: z.string(), label: z.string().optional(), sourceHash: z.string() }),
  schema: recordSchema,
  conditions: z.array(conditionSchema),
  territories: z.array(territorySchema),
  groups: z.array(groupSchema).min(1),
  overlays: index.optional(),
  overrides: z.array(overrideSchema),
  roster: z.strictObject({
    reps: z.array(repSchema),
    queues: z.array(z.strictObject({ id: z.string().min(1), label: z.string().optional() })),
    teams: z.array(teamSchema),
  }),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 hex digest"),
});

// Compile-time proof that the schema and the contract describe the same shape, both ways.
type Parsed = z.infer<typeof artifactSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesContract: Same<Parsed, Artifact> = true;
void schemaMatchesContract;
