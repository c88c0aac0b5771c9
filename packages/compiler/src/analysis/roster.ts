// Roster checks (SPEC 2.7): a team with no available member during some period, and a territory
// left with nobody — its assign and every fallback up the path (ancestors' assigns, then the
// top-level otherwise) unavailable — e.g. after its rep's `until` date.
import type { Target } from "@carve/runtime";
import type { Availability } from "./availability.js";
import type { Model } from "./model.js";
import { activeIn, Runs, spansOf } from "./periods.js";
import { pathTo } from "./reach.js";
import type { Finding } from "./types.js";

type TeamUnavailable = Extract<Finding, { kind: "team-unavailable" }>;
type Unowned = Extract<Finding, { kind: "unowned" }>;

export function checkTeams(availability: Availability): Finding[] {
  const out: Finding[] = [];
  for (const team of availability.roster?.teams ?? []) {
    const spans = spansOf(team.members.flatMap((m) => [m.window, ...availability.repWindows(m.rep)]));
    const runs = new Runs<TeamUnavailable>();
    spans.forEach((span, p) => {
      if (!availability.memberAvailable(team, span, "possible")) runs.add(team.id, p, { kind: "team-unavailable", team: team.id });
    });
    out.push(...runs.finish(spans));
  }
  return out;
}

export function checkUnowned(model: Model, availability: Availability): Finding[] {
  const { territories, groups, overlays } = model.plan;
  const out: Finding[] = [];
  territories.forEach((t, ti) => {
    const group = model.groupOf[ti];
    if (t.assign === undefined || group < 0) return;
    const path = pathTo(model, group); // ancestors, top first
    const top = path.length > 0 ? model.groupOf[path[0]] : group;
    const chain: Target[] = [t.assign];
    for (const a of [...path].reverse()) {
      const assign = territories[a].assign;
      if (assign !== undefined) chain.push(assign);
    }
    const otherwise = groups[top]?.otherwise;
    if (top !== overlays && otherwise !== undefined) chain.push(otherwise);
    // Someone on the chain is there on every day (a queue, the top-level `otherwise` of most
    // plans): no period can leave the territory unowned, and its periods need not be cut.
    if (chain.some((c) => availability.always(c))) return;
    const exists = [ti, ...path];
    const spans = spansOf([...exists.map((x) => territories[x].window), ...chain.flatMap((c) => availability.windows(c))]);
    const runs = new Runs<Unowned>();
    spans.forEach((span, p) => {
      if (!exists.every((x) => activeIn(territories[x].window, span))) return;
      if (chain.some((c) => availability.available(c, span, "possible"))) return;
      runs.add(String(ti), p, { kind: "unowned", territory: ti, target: t.assign! });
    });
    out.push(...runs.finish(spans));
  });
  return out;
}
