// Overrides and territories: their conditions, targets and effective-dating windows.
import type { OverlaysBlock, OverrideDecl, TerritoriesBlock, TerritoryDecl } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { report, type Sema } from "./context.js";
import { checkCondition, checkWhen, NO_SCOPE, type CountryScope } from "./check-conditions.js";
import { checkWindow, resolveTarget } from "./check-roster.js";

export function checkOverride(s: Sema, file: string, o: OverrideDecl): void {
  const name = o.name?.text ?? "";
  const at = o.name?.range ?? { start: o.range.start, end: o.range.start + "override".length };
  if (!o.when) {
    report(s, Codes.MissingClause, file, at, `override \`${name}\` has no \`when\``, {
      help: "say which records it applies to, e.g. `when account.status == customer`",
    });
  }
  if (!o.assign) {
    report(s, Codes.MissingClause, file, at, `override \`${name}\` has no \`assign\``, {
      help: "say who gets the records, e.g. `assign account.owner` or `assign alice`",
    });
  }
  checkCondition(s, file, o.when, NO_SCOPE);
  resolveTarget(s, file, o.assign, "assign");
  checkWindow(s, file, o.from, o.until, `override \`${name}\``);
}

export function checkTerritories(s: Sema, file: string, block: TerritoriesBlock | undefined, scope: CountryScope = NO_SCOPE): void {
  if (!block) return;
  for (const t of block.territories ?? []) checkTerritory(s, file, t, scope);
  if (block.otherwise) resolveTarget(s, file, block.otherwise.target, "otherwise");
}

export function checkOverlays(s: Sema, file: string, block: OverlaysBlock | undefined): void {
  for (const t of block?.territories ?? []) checkTerritory(s, file, t, NO_SCOPE);
}

function checkTerritory(s: Sema, file: string, t: TerritoryDecl | undefined, scope: CountryScope): void {
  if (!t) return;
  const inner = checkWhen(s, file, t.when, scope);
  resolveTarget(s, file, t.assign, "assign");
  // Without dates there is nothing to check (and no need to build the name for a message).
  if (t.from || t.until) checkWindow(s, file, t.from, t.until, `territory \`${t.name?.text ?? ""}\``);
  // A record reaches the children only through this territory's `when`.
  checkTerritories(s, file, t.children, inner);
}
