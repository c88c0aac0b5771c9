// Rendezvous hashing's promise (SPEC 2.6): when a member leaves, only that member's records move;
// when one joins, records move only to it.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { plan } from "./builders.js";

function team(members: { rep: string; weight: number }[]) {
  return loadArtifact(
    plan({
      fields: { id: "string key" },
      territories: { policy: "first", territories: [{ name: "all", assign: "t" }] },
      reps: members.map((m) => ({ id: m.rep })),
      teams: [{ id: "t", members, strategy: { kind: "hash", field: "id" } }],
    }),
  );
}
const owners = (rt: ReturnType<typeof team>, keys: string[]) => keys.map((id) => rt.evaluate({ id }, { asOf: "2027-01-01" }).owner!.id);

const members = fc.uniqueArray(
  fc.record({ rep: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), weight: fc.integer({ min: 1, max: 4 }) }),
  { minLength: 2, maxLength: 7, selector: (m) => m.rep },
);
const keys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0), { minLength: 20, maxLength: 60 });

describe("hash teams", () => {
  test("removing a member moves only that member's records", () => {
    fc.assert(
      fc.property(members, keys, fc.nat(), (ms, ks, which) => {
        const gone = ms[which % ms.length].rep;
        const before = owners(team(ms), ks);
        const after = owners(team(ms.filter((m) => m.rep !== gone)), ks);
        ks.forEach((_, i) => {
          if (before[i] !== gone) expect(after[i]).toBe(before[i]);
          else expect(after[i]).not.toBe(gone);
        });
      }),
      { numRuns: 60 },
    );
  });

  test("adding a member moves records only to the new member", () => {
    fc.assert(
      fc.property(members, keys, (ms, ks) => {
        const [added, ...rest] = ms;
        const before = owners(team(rest), ks);
        const after = owners(team([...rest, added]), ks);
        ks.forEach((_, i) => {
          if (after[i] !== before[i]) expect(after[i]).toBe(added.rep);
        });
      }),
      { numRuns: 60 },
    );
  });

  test("the member order in the team does not matter, except for exact ties", () => {
    const ms = [{ rep: "a", weight: 1 }, { rep: "b", weight: 3 }, { rep: "c", weight: 2 }];
    const ks = Array.from({ length: 200 }, (_, i) => `K${i}`);
    expect(owners(team([...ms].reverse()), ks)).toEqual(owners(team(ms), ks));
  });
});
