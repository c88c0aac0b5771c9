// Unsatisfiable conditions: a `when` no valid record satisfies (`employees > 100 and
// employees < 50`, `country == US and region == FR-75`), or one of its or-branches.
import type { Condition, Model } from "./model.js";
import type { Finding } from "./types.js";

export function checkUnsatisfiable(model: Model): Finding[] {
  const out: Finding[] = [];
  const report = (c: Condition, site: { territory: number } | { override: number }) => {
    if (c.boxes.length === 0) {
      out.push({ kind: "unsatisfiable", ...site });
      return;
    }
    c.branchOk.forEach((ok, box) => {
      if (!ok) out.push({ kind: "unsatisfiable", ...site, box });
    });
  };
  model.territories.forEach((c, territory) => report(c, { territory }));
  model.overrides.forEach((c, override) => report(c, { override }));
  return out;
}
