// The checks zod cannot express: every index and name an artifact uses points at something that
// exists, values fit their field's type, and the territory groups form one tree. After these
// pass, evaluating a record cannot fail on the artifact's account.
import type { Artifact, Atom, Box, FieldSchema, Target, Window } from "./artifact-types.js";
import { ArtifactError } from "./errors.js";

const NUMERIC = new Set(["int", "number", "money"]);
const TEXT_OPS_TYPES = new Set(["string", "postal", "domain", "region", "country", "enum", "date", "rep"]);

export function checkArtifact(a: Artifact): void {
  const fields = new Map<string, FieldSchema>();
  a.schema.fields.forEach((f, i) => {
    const at = `schema.fields[${i}]`;
    if (fields.has(f.name)) fail(`the field \`${f.name}\` is declared twice`, at);
    fields.set(f.name, f);
    if (f.type === "enum" && (!f.enumValues || f.enumValues.length === 0)) {
      fail(`the enum field \`${f.name}\` declares no values`, `${at}.enumValues`);
    }
    if (f.type !== "enum" && f.enumValues) fail(`\`enumValues\` on the ${f.type} field \`${f.name}\``, `${at}.enumValues`);
    if (f.name.split(".").some((p) => p === "")) fail(`the field name \`${f.name}\` has an empty part`, `${at}.name`);
  });
  if (a.schema.key !== undefined && !fields.has(a.schema.key)) fail(`the key \`${a.schema.key}\` is not a field`, "schema.key");
  a.schema.fields.forEach((f, i) => {
    const cf = f.countryField;
    if (cf !== undefined && fields.get(cf)?.type !== "country") fail(`\`${cf}\` is not a country field`, `schema.fields[${i}].countryField`);
  });

  const reps = idSet(a.roster.reps, "roster.reps");
  const queues = idSet(a.roster.queues, "roster.queues");
  const teams = idSet(a.roster.teams, "roster.teams");

  const checkTarget = (t: Target | undefined, at: string): void => {
    if (t === undefined) return;
    if (t.kind === "field") {
      const f = fields.get(t.field);
      if (f?.type !== "rep") fail(`the target field \`${t.field}\` is not a rep field`, `${at}.field`);
      return;
    }
    const known = t.kind === "rep" ? reps : t.kind === "team" ? teams : queues;
    if (!known.has(t.id)) fail(`no ${t.kind} \`${t.id}\` in the roster`, `${at}.id`);
  };
  const checkBoxes = (boxes: Box[], at: string): void => {
    boxes.forEach((box, b) =>
      box.atoms.forEach((ref, k) => {
        const here = `${at}[${b}].atoms[${k}]`;
        if (ref.condition >= a.conditions.length) fail(`condition ${ref.condition} does not exist`, `${here}.condition`);
        checkAtom(ref.atom, fields, `${here}.atom`);
      }),
    );
  };

  a.roster.reps.forEach((r, i) => {
    checkWindow(r.window, `roster.reps[${i}].window`);
    r.away.forEach((w, k) => checkWindow(w, `roster.reps[${i}].away[${k}]`));
  });
  a.roster.teams.forEach((t, i) => {
    const at = `roster.teams[${i}]`;
    t.members.forEach((m, k) => {
      if (!reps.has(m.rep)) fail(`the member \`${m.rep}\` is not a rep`, `${at}.members[${k}].rep`);
      if (m.seeds.length !== m.weight) {
        fail(`member \`${m.rep}\` has weight ${m.weight} but ${m.seeds.length} seeds`, `${at}.members[${k}].seeds`);
      }
      checkWindow(m.window, `${at}.members[${k}].window`);
    });
    if (t.strategy.kind === "hash" && !fields.has(t.strategy.field)) {
      fail(`the hash field \`${t.strategy.field}\` is not a field`, `${at}.strategy.field`);
    }
    checkTarget(t.overflow, `${at}.overflow`);
  });

  a.overrides.forEach((o, i) => {
    checkBoxes(o.when, `overrides[${i}].when`);
    checkTarget(o.target, `overrides[${i}].target`);
    checkWindow(o.window, `overrides[${i}].window`);
  });
  a.territories.forEach((t, i) => {
    const at = `territories[${i}]`;
    checkBoxes(t.when, `${at}.when`);
    checkTarget(t.assign, `${at}.assign`);
    checkWindow(t.window, `${at}.window`);
    if (t.children !== undefined && t.children >= a.groups.length) fail(`group ${t.children} does not exist`, `${at}.children`);
    if (t.parent !== undefined && t.parent >= a.territories.length) fail(`territory ${t.parent} does not exist`, `${at}.parent`);
  });
  a.groups.forEach((g, i) => checkTarget(g.otherwise, `groups[${i}].otherwise`));
  checkTree(a);
}

function checkAtom(atom: Atom, fields: Map<string, FieldSchema>, at: string): void {
  const f = fields.get(atom.field);
  if (!f) return fail(`the field \`${atom.field}\` is not declared in the schema`, `${at}.field`);
  switch (atom.op) {
    case "in":
    case "notIn":
      atom.values.forEach((v, k) => {
        if (!fits(f, v)) fail(`${JSON.stringify(v)} is not a ${f.type} value for \`${f.name}\``, `${at}.values[${k}]`);
      });
      return;
    case "range":
      if (f.type === "bool") fail(`a range cannot test the bool field \`${f.name}\``, `${at}.op`);
      for (const side of ["min", "max"] as const) {
        const v = atom[side];
        if (v === undefined) continue;
        const ok = NUMERIC.has(f.type) ? typeof v === "number" && Number.isFinite(v) : typeof v === "string";
        if (!ok) fail(`a range on the ${f.type} field \`${f.name}\` cannot have the bound ${JSON.stringify(v)}`, `${at}.${side}`);
      }
      return;
    case "startsWith":
    case "endsWith":
    case "contains":
      if (!TEXT_OPS_TYPES.has(f.type)) fail(`\`${atom.op}\` cannot test the ${f.type} field \`${f.name}\``, `${at}.op`);
      return;
    default:
      return;
  }
}

function fits(f: FieldSchema, v: unknown): boolean {
  if (NUMERIC.has(f.type)) return typeof v === "number" && Number.isFinite(v);
  if (f.type === "bool") return typeof v === "boolean";
  return typeof v === "string";
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkWindow(w: Window | { from: string; until: string } | undefined, at: string): void {
  if (!w) return;
  for (const side of ["from", "until"] as const) {
    const d = w[side];
    if (d === undefined) continue;
    const m = DATE.exec(d);
    const month = m ? Number(m[2]) : 0;
    const day = m ? Number(m[3]) : 0;
    if (!m || month < 1 || month > 12 || day < 1 || day > 31) fail(`${JSON.stringify(d)} is not a date`, `${at}.${side}`);
  }
}

function idSet(items: readonly { id: string }[], at: string): Set<string> {
  const ids = new Set<string>();
  items.forEach((it, i) => {
    if (ids.has(it.id)) fail(`\`${it.id}\` appears twice`, `${at}[${i}].id`);
    ids.add(it.id);
  });
  return ids;
}

/** Groups and territories must form a tree rooted at groups[0] (and the overlays group). */
function checkTree(a: Artifact): void {
  if (a.groups[0].policy === "overlays" || a.groups[0].parent !== undefined) {
    fail("groups[0] must be the top-level `territories` block", "groups[0]");
  }
  if (a.overlays !== undefined) {
    if (a.overlays === 0 || a.overlays >= a.groups.length) fail(`group ${a.overlays} cannot be the overlays block`, "overlays");
    if (a.groups[a.overlays].policy !== "overlays") fail("the overlays group must have the policy `overlays`", `groups[${a.overlays}].policy`);
  }
  const groupSeen = new Array<boolean>(a.groups.length).fill(false);
  const territorySeen = new Array<boolean>(a.territories.length).fill(false);
  const ids = new Set<string>();
  const visit = (g: number, parent: number | undefined): void => {
    if (groupSeen[g]) fail(`group ${g} is reached twice: the groups do not form a tree`, `groups[${g}]`);
    groupSeen[g] = true;
    const group = a.groups[g];
    if (group.parent !== parent) fail(`group ${g} should have the parent ${parent ?? "none"}`, `groups[${g}].parent`);
    if (group.policy === "overlays" && g !== a.overlays) fail("only the overlays block may have the policy `overlays`", `groups[${g}].policy`);
    group.territories.forEach((t, k) => {
      if (t >= a.territories.length) fail(`territory ${t} does not exist`, `groups[${g}].territories[${k}]`);
      if (territorySeen[t]) fail(`territory ${t} belongs to two groups`, `groups[${g}].territories[${k}]`);
      territorySeen[t] = true;
      const ter = a.territories[t];
      if (ids.has(ter.id)) fail(`the territory id \`${ter.id}\` appears twice`, `territories[${t}].id`);
      ids.add(ter.id);
      if (ter.parent !== parent) fail(`territory \`${ter.id}\` should have the parent ${parent ?? "none"}`, `territories[${t}].parent`);
      if (ter.children !== undefined) visit(ter.children, t);
    });
  };
  visit(0, undefined);
  if (a.overlays !== undefined) visit(a.overlays, undefined);
  const lostGroup = groupSeen.indexOf(false);
  if (lostGroup >= 0) fail(`group ${lostGroup} is not reachable from the top-level block`, `groups[${lostGroup}]`);
  const lost = territorySeen.indexOf(false);
  if (lost >= 0) fail(`territory \`${a.territories[lost].id}\` belongs to no group`, `territories[${lost}]`);
}

function fail(message: string, path: string): never {
  throw new ArtifactError("reference", `invalid artifact at ${path}: ${message}`, path);
}
