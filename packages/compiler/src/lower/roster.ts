// Lowers reps, queues and teams to the artifact's roster, and resolved targets to artifact targets.
import type { DateLit, Literal, Program, ResolvedTarget, DottedName, TeamDecl } from "@carve/language";
import { memberSeeds, type Rep, type Target, type Team, type Window } from "@carve/runtime";

export function lowerTarget(program: Program, node: DottedName | undefined): Target | undefined {
  if (!node) return undefined;
  const t: ResolvedTarget | undefined = program.targets.get(node);
  if (!t) return undefined;
  // Keys in canonical order (see plan.ts).
  if (t.kind === "field") return { field: t.field.name, kind: "field" };
  return { id: t.symbol.name, kind: t.symbol.kind };
}

export function windowOf(from?: DateLit, until?: DateLit): Window | undefined {
  if (!from && !until) return undefined;
  const w: Window = {};
  if (from) w.from = from.value;
  if (until) w.until = until.value;
  return w;
}

function dateRange(v: Literal): { from: string; until: string } | undefined {
  return v.kind === "Range" && v.low.kind === "Date" && v.high.kind === "Date" ? { from: v.low.value, until: v.high.value } : undefined;
}

export function lowerRoster(program: Program): { reps: Rep[]; queues: { id: string; label?: string }[]; teams: Team[] } {
  const reps: Rep[] = [];
  const queues: { id: string; label?: string }[] = [];
  const teams: Team[] = [];
  for (const sym of program.symbols.values()) {
    if (sym.kind === "rep") {
      const away: { from: string; until: string }[] = [];
      let email: string | undefined;
      let capacity: number | undefined;
      let from: DateLit | undefined;
      let until: DateLit | undefined;
      for (const a of sym.decl.attrs) {
        if (a.name === "email" && a.value.kind === "String") email = a.value.value;
        else if (a.name === "capacity" && a.value.kind === "Number") capacity = a.value.value;
        else if (a.name === "away") {
          const r = dateRange(a.value);
          if (r) away.push(r);
        } else if (a.name === "from" && a.value.kind === "Date") from = a.value;
        else if (a.name === "until" && a.value.kind === "Date") until = a.value;
      }
      const w = windowOf(from, until);
      // Keys in canonical order (see plan.ts).
      const rep = { away } as Rep;
      if (capacity !== undefined) rep.capacity = capacity;
      if (email !== undefined) rep.email = email;
      rep.id = sym.name;
      if (sym.decl.label) rep.label = sym.decl.label.value;
      if (w) rep.window = w;
      reps.push(rep);
    } else if (sym.kind === "queue") {
      queues.push(sym.decl.label ? { id: sym.name, label: sym.decl.label.value } : { id: sym.name });
    } else if (sym.kind === "team") {
      const team = lowerTeam(program, sym.decl);
      if (team) teams.push(team);
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { queues: queues.sort(byId), reps: reps.sort(byId), teams: teams.sort(byId) };
}

function lowerTeam(program: Program, decl: TeamDecl): Team | undefined {
  const s = decl.strategy;
  if (!s) return undefined;
  // Keys in canonical order (see plan.ts).
  const strategy: Team["strategy"] =
    s.name === "hash" ? { field: s.field?.text ?? program.record?.keyField ?? "", kind: "hash" } : { kind: s.name };
  const members = decl.members.map((m) => {
    const weight = m.weight ? m.weight.value : 1;
    const member: Team["members"][number] = { rep: m.rep.text, seeds: memberSeeds(m.rep.text, weight), weight };
    const w = windowOf(m.from, m.until);
    if (w) member.window = w;
    return member;
  });
  const overflow = lowerTarget(program, decl.overflow);
  const team = { id: decl.name.text } as Team;
  if (decl.label) team.label = decl.label.value;
  team.members = members;
  if (overflow) team.overflow = overflow;
  team.strategy = strategy;
  return team;
}
