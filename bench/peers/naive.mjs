// Peer (a): the naive first-match interpreter: one closure per test, rules scanned in order.
// What a developer writes in an afternoon. Takes pre-normalised records (it does not normalise).
import { FIELD_KINDS } from "../gen/rows.mjs";

function predicate(field, c) {
  switch (FIELD_KINDS[field]) {
    case "set":
      return (rec) => c.includes(rec[field]);
    case "prefix":
      return (rec) => {
        const v = rec[field];
        return v !== undefined && c.some((p) => v.startsWith(p));
      };
    case "range": {
      const { min = -Infinity, max = Infinity } = c;
      return (rec) => {
        const v = rec[field];
        return v !== undefined && v >= min && v <= max;
      };
    }
    default:
      throw new Error(`naive: no test for field ${field}`);
  }
}

export function buildNaive(rows) {
  const rules = rows.map((row) => ({ id: row.id, tests: Object.entries(row.cond).map(([f, c]) => predicate(f, c)) }));
  return {
    /** the id of the first matching row, or null */
    evaluate(rec) {
      outer: for (const rule of rules) {
        for (const test of rule.tests) if (!test(rec)) continue outer;
        return rule.id;
      }
      return null;
    },
  };
}
