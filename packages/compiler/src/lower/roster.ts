// Lowers reps, queues and teams to the artifact's roster, and resolved targets to artifact targets.
import type { DateLit, Literal, Program, ResolvedTarget, DottedName, TeamDecl } from "@carve/language";
import { memberSeeds, type Rep, type Target, type Team, type Window } from "@carve/runtime";

export function lowerTarget(program: Program, node: DottedName | undefined): Target | undefined {
  if (!node) return undefined;
  const t: ResolvedTarget | undefined = program.targets.get(node);
  if (!t) return undefined;
  if (t.kind === "field") return { kind: "field", field: t.field.name };
  return { kind: t.symbol.kind, id: t.symbol.name };
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
      const rep: Rep = { id: sym.name, away: [] };
      if (sym.decl.label) rep.label = sym.decl.label.value;
      let from: DateLit | undefined;
      let until: DateLit | undefined;
      for (const a of sym.decl.attrs) {
        if (a.name === "email" && a.value.kind === "String") rep.email = a.value.value;
        else if (a.name === "capacity" && a.value.kind === "Number") rep.capacity = a.value.value;
        else if (a.name === "away") {
          const r = dateRange(a.value);
          if (r) rep.away.push(r);
        } else if (a.name === "from" && a.value.kind === "Date") from = a.value;
        else if (a.name === "until" && a.value.kind === "Date") until = a.value;
      }
      const w = windowOf(from, until);
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
  return { reps: reps.sort(byId), queues: queues.sort(byId), teams: teams.sort(byId) };
}

function lowerTeam(program: Program, decl: TeamDecl): Team | undefined {
  const s = decl.strategy;
  if (!s) return undefined;
  const strategy: Team["strategy"] =
    s.name === "hash" ? { kind: "hash", field: s.field?.text ?? program.record?.keyField ?? "" } : { kind: s.name };
  const team: Team = {
    id: decl.name.text,
    members: decl.members.map((m) => {
      const weight = m.weight ? m.weight.value : 1;
      const member: Team["members"][number] = { rep: m.rep.text, weight, seeds: memberSeeds(m.rep.text, weight) };
      const w = windowOf(m.from, m.until);
      if (w) member.window = w;
      return member;
    }),
    strategy,
  };
  if (decl.label) team.label = decl.label.value;
  const overflow = lowerTarget(program, decl.overflow);
  if (overflow) team.overflow = overflow;
  return team;
}
