// Roster checks that span declarations: teams whose overflow chain is a cycle, and reps that
// share an e-mail (which would make a `rep` field's value ambiguous).
import { describe, expect, test } from "vitest";
import { check, checkFiles, expectCodes, expectOne, rangeOf } from "./fixtures/semantics/helpers.js";

describe("team overflow cycles (CARVE059)", () => {
  test("two teams overflowing to each other: once, at the first team's `overflow`, with the other as related", () => {
    const c = check("team a { members alice  strategy round_robin  overflow ⟦b⟧ }\n" +
      "team b { members bob  strategy round_robin  overflow ⟦a⟧ }\n");
    const d = expectOne(c, "CARVE059", c.marks[0]);
    expect(d.message).toBe("teams `a` → `b` → `a` overflow to each other in a cycle: a record no member can take would go round forever");
    expect(d.help).toContain("queue or a rep");
    expect(d.related).toEqual([{ file: c.file, range: c.marks[1], message: "`b` overflows to `a` here" }]);
  });

  test("a longer cycle across files is named from its first team in program order", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": 'ruleset t\nimport "roster.carve"\nrecord R { id: string key }\nrep r1\n' +
        "team a { members r1  strategy round_robin  overflow ⟦b⟧ }\nterritories first { otherwise a }\n",
      "/r/roster.carve": "team c { members r1  strategy round_robin  overflow ⟦a⟧ }\n" +
        "team b { members r1  strategy round_robin  overflow ⟦c⟧ }\n",
    });
    const [d] = expectCodes(program, ["CARVE059"]);
    expect(d.file).toBe("/r/main.carve");
    expect(d.range).toEqual(marks.get("/r/main.carve")![0]);
    expect(d.message).toContain("teams `a` → `b` → `c` → `a` overflow");
    const [toA, toC] = marks.get("/r/roster.carve")!;
    expect(d.related).toEqual([
      { file: "/r/roster.carve", range: toC, message: "`b` overflows to `c` here" },
      { file: "/r/roster.carve", range: toA, message: "`c` overflows to `a` here" },
    ]);
  });

  test("a team leading into a cycle is not part of it; the self-overflow stays CARVE047", () => {
    const c = check("team lead { members alice  strategy round_robin  overflow a }\n" +
      "team a { members alice  strategy round_robin  overflow ⟦b⟧ }\n" +
      "team b { members bob  strategy round_robin  overflow a }\n" +
      "team me { members bob  strategy round_robin  overflow ⟦me⟧ }\n");
    const ds = expectCodes(c.program, ["CARVE059", "CARVE047"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[0].message).toContain("`a` → `b` → `a`");
    expect(ds[1].message).toBe("team `me` overflows to itself");
  });

  test("a chain of teams that ends at a queue or a rep is fine", () => {
    const c = check("team a { members alice  strategy round_robin  overflow b }\n" +
      "team b { members bob  strategy round_robin  overflow ae }\nteam c { members bob  strategy round_robin  overflow alice }\n" +
      "team d { members bob  strategy round_robin  overflow triage }\n");
    expect(c.program.diagnostics).toEqual([]);
  });
});

describe("rep e-mails shared by two reps (CARVE060)", () => {
  test("compared ignoring case and surrounding spaces, as a `rep` field's value is looked up", () => {
    const c = check('rep alicia "Alicia Ng" { email ⟦" Alice@ACME.com "⟧ }\n');
    const d = expectOne(c, "CARVE060", c.marks[0]);
    expect(d.message).toBe("reps `alice` and `alicia` both have the e-mail `Alice@ACME.com`, so a `rep` field holding it could mean either");
    expect(d.help).toBeTruthy();
    expect(d.related).toEqual([{ file: c.file, range: rangeOf(c.text, '"alice@acme.com"'), message: "`alice`'s e-mail is here" }]);
  });

  test("across files, at the later rep; distinct e-mails are fine", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": 'ruleset t\nimport "roster.carve"\nrecord R { id: string key }\nrep r1 { email "r1@acme.com" }\n' +
        'rep r2 { email "r2@acme.com" }\nterritories first { otherwise r1 }\n',
      "/r/roster.carve": 'rep r3 { email ⟦"R1@acme.com"⟧ }\n',
    });
    const [d] = expectCodes(program, ["CARVE060"]);
    expect(d.file).toBe("/r/roster.carve");
    expect(d.range).toEqual(marks.get("/r/roster.carve")![0]);
    expect(d.related?.[0].file).toBe("/r/main.carve");
  });
});
