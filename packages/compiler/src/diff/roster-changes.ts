// Roster and record changes between two versions: reps (e-mail, capacity, absences, window),
// teams (members with weights and windows, strategy, overflow), queues, and the record's fields
// (added, removed, type, optional, enum values, key).
import type { Artifact, RecordSchema, Rep, Team } from "@carve/runtime";
import { detail, windowText } from "./details.js";
import { targetText } from "./owners.js";
import type { Change, ChangeDetail, ChangeSubject } from "./types.js";

export function rosterChanges(a: Artifact, b: Artifact): Change[] {
  return [
    ...byId("rep", a.roster.reps, b.roster.reps, repDetails),
    ...byId("team", a.roster.teams, b.roster.teams, teamDetails),
    ...byId("queue", a.roster.queues, b.roster.queues, (x, y) => {
      const out: ChangeDetail[] = [];
      detail(out, "label", x.label, y.label);
      return out;
    }),
  ];
}

function byId<T extends { id: string }>(subject: ChangeSubject, xs: readonly T[], ys: readonly T[], details: (x: T, y: T) => ChangeDetail[]): Change[] {
  const out: Change[] = [];
  const inY = new Map(ys.map((y) => [y.id, y]));
  const inX = new Set(xs.map((x) => x.id));
  for (const x of xs) {
    const y = inY.get(x.id);
    if (y === undefined) out.push({ kind: "removed", subject, id: x.id, details: [] });
    else {
      const d = details(x, y);
      if (d.length > 0) out.push({ kind: "changed", subject, id: x.id, details: d });
    }
  }
  for (const y of ys) if (!inX.has(y.id)) out.push({ kind: "added", subject, id: y.id, details: [] });
  return out;
}

function repDetails(x: Rep, y: Rep): ChangeDetail[] {
  const out: ChangeDetail[] = [];
  detail(out, "label", x.label, y.label);
  detail(out, "email", x.email, y.email);
  detail(out, "capacity", x.capacity?.toString(), y.capacity?.toString());
  detail(out, "away", awayText(x), awayText(y));
  detail(out, "window", windowText(x.window), windowText(y.window));
  return out;
}

function awayText(r: Rep): string | undefined {
  return r.away.length === 0 ? undefined : r.away.map((w) => `${w.from}..${w.until}`).join(", ");
}

function teamDetails(x: Team, y: Team): ChangeDetail[] {
  const out: ChangeDetail[] = [];
  detail(out, "label", x.label, y.label);
  detail(out, "members", membersText(x), membersText(y));
  detail(out, "strategy", strategyText(x), strategyText(y));
  detail(out, "overflow", targetText(x.overflow), targetText(y.overflow));
  return out;
}

/** "alice, bob weight 2 from 2027-01-01": members as the language writes them. */
function membersText(t: Team): string {
  return t.members.map((m) => {
    const w = windowText(m.window);
    return `${m.rep}${m.weight !== 1 ? ` weight ${m.weight}` : ""}${w ? ` ${w}` : ""}`;
  }).join(", ");
}

function strategyText(t: Team): string {
  return t.strategy.kind === "hash" ? `hash(${t.strategy.field})` : t.strategy.kind;
}

export function recordChanges(a: RecordSchema, b: RecordSchema): Change[] {
  const out: Change[] = [];
  const inB = new Map(b.fields.map((f) => [f.name, f]));
  const inA = new Set(a.fields.map((f) => f.name));
  const typeText = (f: RecordSchema["fields"][number]) => (f.type === "enum" ? `enum(${(f.enumValues ?? []).join(", ")})` : f.type);
  for (const f of a.fields) {
    const g = inB.get(f.name);
    if (g === undefined) {
      out.push({ kind: "removed", subject: "field", id: f.name, details: [{ aspect: "type", from: typeText(f) }] });
      continue;
    }
    const details: ChangeDetail[] = [];
    detail(details, "type", typeText(f), typeText(g));
    detail(details, "optional", String(f.optional), String(g.optional));
    detail(details, "country field", f.countryField, g.countryField);
    if (details.length > 0) out.push({ kind: "changed", subject: "field", id: f.name, details });
  }
  for (const g of b.fields) if (!inA.has(g.name)) out.push({ kind: "added", subject: "field", id: g.name, details: [{ aspect: "type", to: typeText(g) }] });
  const key: ChangeDetail[] = [];
  detail(key, "key", a.key, b.key);
  if (a.name !== b.name) key.push({ aspect: "name", from: a.name, to: b.name });
  if (key.length > 0) out.push({ kind: "changed", subject: "record", id: b.name, details: key });
  return out;
}
