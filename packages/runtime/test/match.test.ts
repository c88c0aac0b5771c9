// The meaning of each kind of atom (artifact contract), through the indexed matcher.
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { c, plan, type Test } from "./builders.js";

/** Does a record with `value` in `field` match a territory whose when is `test`? */
function matcher(field: string, type: string, test: Test) {
  const rt = loadArtifact(
    plan({
      fields: { country: "country?", [field]: type },
      territories: { policy: "first", territories: [{ name: "t", when: [test], assign: "q" }] },
      queues: ["q"],
    }),
  );
  return (value: unknown, country = "US") => {
    const d = rt.evaluate({ country, [field]: value }, { asOf: "2027-01-01" });
    expect(d.status).not.toBe("invalid");
    return d.territory?.id === "t";
  };
}

describe("atoms", () => {
  test("every test is false on a missing value, `!=` and `not in` included; `is not set` is true", () => {
    for (const t of [c.ne("x", "a"), c.notIn("x", ["a"]), c.startsWith("x", ["a"], true), c.contains("x", ["a"], true), c.lt("x", "z")]) {
      expect(matcher("x", "string?", t)(undefined)).toBe(false);
    }
    expect(matcher("x", "string?", c.unset("x"))(undefined)).toBe(true);
    expect(matcher("x", "string?", c.unset("x"))("a")).toBe(false);
  });

  test("a postal range holds ZIP+4 codes at its upper end", () => {
    const m = matcher("zip", "postal?", c.between("zip", "94000", "94999"));
    expect(m("94000")).toBe(true);
    expect(m("94999-1234")).toBe(true);
    expect(m("93999-9999")).toBe(false);
    expect(m("95000")).toBe(false);
  });

  test("a string range compares the value cut to the bound's length", () => {
    const m = matcher("name", "string?", c.between("name", "a", "m"));
    expect(m("Mary")).toBe(true);
    expect(m("Nadia")).toBe(false);
    const gt = matcher("name", "string?", c.gt("name", "m"));
    expect(gt("mary")).toBe(false); // "m" is not greater than "m"
    expect(gt("nadia")).toBe(true);
    const lt = matcher("name", "string?", c.lt("name", "m"));
    expect(lt("mary")).toBe(false);
    expect(lt("lisa")).toBe(true);
  });

  test("numeric and date ranges", () => {
    const m = matcher("n", "int?", c.between("n", 200, 999));
    expect([199, 200, 999, 1000].map((v) => m(v))).toEqual([false, true, true, false]);
    const d = matcher("day", "date?", c.lt("day", "2027-01-15"));
    expect([d("2027-01-14"), d("2027-01-15T10:00:00Z"), d("2027-01-16")]).toEqual([true, false, false]);
  });

  test("prefix, suffix and substring tests, negated or not, on folded text and postal digits", () => {
    const sw = matcher("name", "string?", c.startsWith("name", ["acme", "be"]));
    expect([sw("ACME Corp"), sw("Beta"), sw("zeta")]).toEqual([true, true, false]);
    const nsw = matcher("name", "string?", c.startsWith("name", ["acme"], true));
    expect([nsw("ACME Corp"), nsw("zeta")]).toEqual([false, true]);
    const ew = matcher("dom", "domain?", c.endsWith("dom", [".edu"]));
    expect([ew("https://www.Stanford.edu/"), ew("edu.org")]).toEqual([true, false]);
    const ct = matcher("name", "string?", c.contains("name", ["corp"]));
    expect([ct("Acme CORP inc"), ct("acme")]).toEqual([true, false]);
    const zip = matcher("zip", "postal?", c.startsWith("zip", ["941051"]));
    expect([zip("94105-1234"), zip("94105")]).toEqual([true, false]);
  });

  test("affixes whose characters lie far apart, and affixes inside longer ones, all hold", () => {
    // "a" and "é"/"日" are more than 128 code points apart: the affix index keeps such children in a map
    const sw = matcher("name", "string?", c.startsWith("name", ["a", "é", "日本", "ab"]));
    expect([sw("abc"), sw("Ax"), sw("été"), sw("日本語"), sw("日"), sw("b")]).toEqual([true, true, true, true, false, false]);
    const ew = matcher("name", "string?", c.endsWith("name", ["z", "ü", "xyz"], true));
    expect([ew("quiz"), ew("über"), ew("grüß"), ew("menü")]).toEqual([false, true, true, false]);
  });

  test("`in` compares the whole normalised value", () => {
    const m = matcher("zip", "postal?", c.eq("zip", "94105"));
    expect([m("94105"), m("94105-1234")]).toEqual([true, false]);
    const b = matcher("flag", "bool?", c.eq("flag", true));
    expect([b("yes"), b(1), b("no")]).toEqual([true, true, false]);
  });
});
