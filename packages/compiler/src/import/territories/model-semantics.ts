// Salesforce's rules for which territories an account belongs to, on the model as read: a rule
// associated with `inherited` true applies to its territory and every descendant; a territory's
// rules are its own plus those inherited from its ancestors; inactive rules assign nothing; and a
// territory with several rules takes an account only when all of them match. A territory with no
// active rule takes no account by rules.
import type { SfModel, SfRule, SfTerritory } from "./read-model.js";

export interface TerritoryInfo {
  territory: SfTerritory;
  /** ancestors, root first (as far as they are in the model) */
  ancestors: SfTerritory[];
  /** the active rules that decide it, own rules first, then inherited ones from the nearest ancestor up */
  rules: SfRule[];
  /** rule names it refers to (directly or by inheritance) that are not in the model */
  missingRules: string[];
  priority?: number;
  typeLabel?: string;
}

export interface ModelProblems {
  /** territories whose parent is not in the model, or whose ancestry loops */
  orphans: { territory: SfTerritory; message: string }[];
}

export function territoryInfo(model: SfModel): { infos: TerritoryInfo[]; problems: ModelProblems } {
  const byName = new Map(model.territories.map((t) => [t.name, t]));
  const rules = new Map(model.rules.map((r) => [r.name, r]));
  const types = new Map(model.types.map((t) => [t.name, t]));
  const problems: ModelProblems = { orphans: [] };

  const infos = model.territories.map((t): TerritoryInfo => {
    const ancestors: SfTerritory[] = [];
    const seen = new Set([t.name]);
    for (let p = t.parent; p !== undefined; ) {
      const parent = byName.get(p);
      if (!parent) {
        problems.orphans.push({ territory: t, message: `parent territory \`${p}\` is not in the model folder` });
        break;
      }
      if (seen.has(parent.name)) {
        problems.orphans.push({ territory: t, message: `its parent territories loop back to \`${parent.name}\`` });
        break;
      }
      seen.add(parent.name);
      ancestors.unshift(parent);
      p = parent.parent;
    }
    const names: string[] = t.rules.map((a) => a.name);
    for (const a of [...ancestors].reverse()) for (const r of a.rules) if (r.inherited) names.push(r.name);
    const chosen: SfRule[] = [];
    const missing: string[] = [];
    for (const n of new Set(names)) {
      const r = rules.get(n);
      if (!r) missing.push(n);
      else if (r.active) chosen.push(r);
    }
    const type = t.type === undefined ? undefined : types.get(t.type);
    return { territory: t, ancestors, rules: chosen, missingRules: missing, priority: type?.priority, typeLabel: type?.label ?? t.type };
  });
  return { infos, problems };
}

/**
 * The single owner's order: the type with the highest priority number first (the territory
 * Salesforce's default opportunity filter picks), then by name. Salesforce leaves a tie without a
 * territory; Carve's `first` group gives it to the first of the tied territories.
 */
export function byPriority(a: TerritoryInfo, b: TerritoryInfo): number {
  const pa = a.priority ?? Number.NEGATIVE_INFINITY;
  const pb = b.priority ?? Number.NEGATIVE_INFINITY;
  if (pa !== pb) return pb - pa;
  return a.territory.name < b.territory.name ? -1 : a.territory.name > b.territory.name ? 1 : 0;
}
