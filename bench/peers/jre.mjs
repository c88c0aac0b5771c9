// Peer (c): json-rules-engine 7, in the "flat" style: every rule at one priority, then the lowest
// matching rank wins. The common first-match idiom (distinct priorities + `engine.stop()`) gives
// wrong answers as soon as two runs overlap on one Engine (shared `status`; see
// /work/shared/notes/peer-baseline.md), so it is not used. Pre-normalised records only.
import { Engine } from "json-rules-engine";
import { FIELD_KINDS } from "../gen/rows.mjs";

function conditions(cond) {
  const all = [];
  for (const [fact, c] of Object.entries(cond)) {
    const kind = FIELD_KINDS[fact];
    if (kind === "set") all.push({ fact, operator: "in", value: c });
    else if (kind === "prefix") all.push({ fact, operator: "startsWithAny", value: c });
    else {
      if (c.min !== undefined) all.push({ fact, operator: "greaterThanInclusive", value: c.min });
      if (c.max !== undefined) all.push({ fact, operator: "lessThanInclusive", value: c.max });
    }
  }
  if (all.length === 0) throw new Error("json-rules-engine: a rule with no conditions");
  return all;
}

export function buildJre(rows) {
  // allowUndefinedFacts: a lead without a region simply fails `region in …` (Carve's rule for
  // optional fields) instead of throwing.
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator("startsWithAny", (value, prefixes) => typeof value === "string" && prefixes.some((p) => value.startsWith(p)));
  rows.forEach((row, rank) => {
    engine.addRule({ conditions: { all: conditions(row.cond) }, event: { type: "territory", params: { rank, id: row.id } }, priority: 1 });
  });
  return {
    async evaluate(rec) {
      const { events } = await engine.run(rec);
      let best = null;
      let rank = Infinity;
      for (const e of events) {
        if (e.params.rank < rank) [rank, best] = [e.params.rank, e.params.id];
      }
      return best;
    },
  };
}
