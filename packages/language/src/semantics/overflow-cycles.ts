// Teams whose `overflow` chain comes back to itself (CARVE059, SPEC 2.7 "cycles are errors"). The
// runtime only stops such a chain when a record runs into it; the checker reports it up front.
// A team overflowing to itself is the one-team cycle, already reported by checkTeam (CARVE047).
import { Codes } from "../diagnostics/catalogue.js";
import { report, type Sema } from "./context.js";
import type { TeamSymbol } from "./types.js";

/** Runs after every team is checked: it reads the overflow targets resolveTarget recorded. */
export function checkOverflowCycles(s: Sema): void {
  // Symbols are in program order (files in load order, items in source order), which makes the
  // team a cycle is reported on deterministic: the first of its teams in that order.
  const teams = [...s.symbols.values()].filter((x): x is TeamSymbol => x.kind === "team");
  const order = new Map(teams.map((t, i) => [t, i]));
  const next = (t: TeamSymbol): TeamSymbol | undefined => {
    const target = t.decl.overflow ? s.targets.get(t.decl.overflow) : undefined;
    return target?.kind === "symbol" && target.symbol.kind === "team" ? target.symbol : undefined;
  };
  // Each team has at most one overflow, so following it from every team finds each cycle once.
  const done = new Set<TeamSymbol>();
  for (const start of teams) {
    const path: TeamSymbol[] = [];
    const onPath = new Map<TeamSymbol, number>();
    let t: TeamSymbol | undefined = start;
    while (t && !done.has(t) && !onPath.has(t)) {
      onPath.set(t, path.length);
      path.push(t);
      t = next(t);
    }
    if (t && onPath.has(t)) {
      const cycle = path.slice(onPath.get(t));
      if (cycle.length > 1) reportCycle(s, cycle, order);
    }
    for (const p of path) done.add(p);
  }
}

function reportCycle(s: Sema, found: TeamSymbol[], order: Map<TeamSymbol, number>): void {
  let first = 0;
  for (let i = 1; i < found.length; i++) if (order.get(found[i])! < order.get(found[first])!) first = i;
  const cycle = [...found.slice(first), ...found.slice(0, first)];
  const chain = [...cycle, cycle[0]].map((t) => `\`${t.name}\``).join(" → ");
  const at = cycle[0].decl.overflow!;
  report(s, Codes.OverflowCycle, cycle[0].file, at.range,
    `teams ${chain} overflow to each other in a cycle: a record no member can take would go round forever`, {
      help: "end the chain: make one of these teams overflow to a queue or a rep, or remove its `overflow`",
      related: cycle.slice(1).map((t, i) => ({
        file: t.file,
        range: t.decl.overflow!.range,
        message: `\`${t.name}\` overflows to \`${cycle[(i + 2) % cycle.length].name}\` here`,
      })),
    });
}
