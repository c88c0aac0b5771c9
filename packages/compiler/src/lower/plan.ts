// Lowers a checked program to the artifact body: schema, territory groups in priority order,
// overrides in evaluation order and the roster. Also returns a source map so that analysis
// findings (which speak of indexes) can point at source ranges.
import type { OverrideDecl, Program, TerritoriesBlock, TerritoryDecl } from "@carve/language";
import type { Artifact, FieldSchema, Group, Override, RecordSchema, Territory } from "@carve/runtime";
import { ARTIFACT_FORMAT } from "@carve/runtime";
import { ConditionLowerer } from "./conditions.js";
import { lowerRoster, lowerTarget, windowOf } from "./roster.js";
import { entryDir, relativePath } from "../source-hash.js";

export interface SourceMap {
  /** per artifact territory: its declaration and file */
  territories: { decl: TerritoryDecl; file: string }[];
  /** per artifact group: the block it came from (the overlays block has no TerritoriesBlock) */
  groups: { block?: TerritoriesBlock; file: string }[];
  overrides: { decl: OverrideDecl; file: string }[];
}

export type ArtifactBody = Omit<Artifact, "hash">;

export function lowerSchema(program: Program): RecordSchema {
  const rec = program.record;
  const fields: FieldSchema[] = [];
  for (const f of rec?.fields.values() ?? []) {
    const fs: FieldSchema = { name: f.name, type: f.type, optional: f.optional };
    if (f.enumValues) fs.enumValues = [...f.enumValues];
    if (f.countryField) fs.countryField = f.countryField;
    fields.push(fs);
  }
  const schema: RecordSchema = { name: rec?.name ?? "Record", fields };
  if (rec?.keyField) schema.key = rec.keyField;
  return schema;
}

export function lowerPlan(program: Program, sourceHash: string): { body: ArtifactBody; sourceMap: SourceMap } {
  const dir = entryDir(program);
  const conds = new ConditionLowerer(program, (f) => relativePath(dir, f));
  const territories: Territory[] = [];
  const groups: Group[] = [];
  const map: SourceMap = { territories: [], groups: [], overrides: [] };
  const fileOf = (n: object, fallback: string) => program.fileOf.get(n) ?? fallback;

  // Objects are built with their keys in canonical (sorted) order, so that the artifact needs no
  // reordering before it is hashed and written (runtime/src/canonical-json.ts). Indexes are reserved before
  // children are lowered: a parent precedes its children, and its conditions theirs.
  const lowerTerritory = (decl: TerritoryDecl, file: string, parent: number | undefined): number => {
    const idx = territories.length;
    const when = conds.lowerWhen(decl.when, file);
    territories.push(undefined as unknown as Territory);
    map.territories.push({ decl, file });
    const assign = lowerTarget(program, decl.assign);
    const children = decl.children ? lowerGroup(decl.children, file, idx) : undefined;
    const w = windowOf(decl.from, decl.until);
    const t = {} as Territory;
    if (assign) t.assign = assign;
    if (children !== undefined) t.children = children;
    t.id = program.territoryPath.get(decl) ?? decl.name.text;
    if (decl.label) t.label = decl.label.value;
    t.name = decl.name.text;
    if (parent !== undefined) t.parent = parent;
    t.when = when;
    if (w) t.window = w;
    territories[idx] = t;
    return idx;
  };

  const lowerGroup = (block: TerritoriesBlock, file: string, parent: number | undefined): number => {
    const gi = groups.length;
    const members: number[] = [];
    groups.push(undefined as unknown as Group);
    map.groups.push({ block, file });
    for (const child of block.territories) {
      members.push(lowerTerritory(child, fileOf(child, file), parent));
    }
    const otherwise = lowerTarget(program, block.otherwise?.target);
    const g = {} as Group;
    if (otherwise) g.otherwise = otherwise;
    if (parent !== undefined) g.parent = parent;
    g.policy = block.policy;
    g.territories = members;
    groups[gi] = g;
    return gi;
  };

  if (program.territories) lowerGroup(program.territories, fileOf(program.territories, program.entry), undefined);
  else groups.push({ policy: "first", territories: [] }), map.groups.push({ file: program.entry });

  let overlays: number | undefined;
  if (program.overlays) {
    const file = fileOf(program.overlays, program.entry);
    overlays = groups.length;
    const g: Group = { policy: "overlays", territories: [] };
    groups.push(g);
    map.groups.push({ file });
    for (const t of program.overlays.territories) g.territories.push(lowerTerritory(t, fileOf(t, file), undefined));
  }

  const overrides: Override[] = [];
  for (const decl of program.overrides) {
    const file = fileOf(decl, program.entry);
    const target = lowerTarget(program, decl.assign);
    if (!target) continue;
    const when = conds.lowerWhen(decl.when, file);
    const w = windowOf(decl.from, decl.until);
    const o = {} as Override;
    if (decl.label) o.label = decl.label.value;
    o.name = decl.name.text;
    o.target = target;
    o.when = when;
    if (w) o.window = w;
    overrides.push(o);
    map.overrides.push({ decl, file });
  }

  const ruleset: ArtifactBody["ruleset"] = { name: program.ruleset?.name.text ?? "ruleset", sourceHash };
  if (program.ruleset?.label) ruleset.label = program.ruleset.label.value;
  const body: ArtifactBody = {
    format: ARTIFACT_FORMAT,
    ruleset,
    schema: lowerSchema(program),
    conditions: conds.conditions,
    territories,
    groups,
    overrides,
    roster: lowerRoster(program),
  };
  if (overlays !== undefined) body.overlays = overlays;
  return { body, sourceMap: map };
}
