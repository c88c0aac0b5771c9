// The type checker: operators and values against field types, literal normalisation, ranges,
// dates and numbers, and the declarations' own rules.
import { describe, expect, test } from "vitest";
import { check, expectCodes, expectOne, rangeOf } from "./fixtures/semantics/helpers.js";

/** One territory whose `when` is `cond` (with ⟦markers⟧). */
const when = (cond: string) => check(`territories first { territory x { when ${cond}  assign triage } }\n`);

describe("operators (CARVE040)", () => {
  test.each([
    ["industry ⟦<⟧ software", "`<` applies to numbers, amounts and dates, but `industry` is an `enum`"],
    ["employees ⟦starts with⟧ \"1\"", "`starts with` applies to text, postal codes and domains, but `employees` is an `int`"],
    ["email_domain ⟦contains⟧ \"acme\"", "`contains` applies to text, but `email_domain` is a `domain`"],
    ["postal_code ⟦ends with⟧ \"5\"", "`ends with` applies to text and domains, but `postal_code` is a `postal`"],
    ["industry in ⟦software..fintech⟧", "a range applies to numbers, amounts, dates, text and postal codes, but `industry` is an `enum`"],
    ["active ⟦>=⟧ true", "`>=` applies to numbers, amounts and dates, but `active` is a `bool`"],
  ])("%s", (cond, message) => {
    const c = when(cond);
    expect(expectOne(c, "CARVE040", c.marks[0]).message).toBe(message);
  });

  test.each([
    "employees >= 1000", "revenue < 250M", "created > 2027-01-01", "name starts with \"acme\"",
    "email_domain ends with \".edu\"", "name contains \"corp\"", "postal_code starts with \"941\"",
    "postal_code in \"94000\"..\"94999\"", "name in \"a\"..\"m\"", "region is not set", "industry != fintech",
  ])("%s is fine", (cond) => {
    expect(when(cond).program.diagnostics).toEqual([]);
  });
});

describe("value kinds (CARVE041)", () => {
  test("a string for an int names the expected type and offers the number", () => {
    const c = when('employees > ⟦"1000"⟧');
    const d = expectOne(c, "CARVE041", c.marks[0]);
    expect(d.message).toBe("`employees` is an `int`, but this is a string");
    expect(d.fixes?.[0].newText).toBe("1000");
  });

  test("a bare word for a text field offers quotes", () => {
    const c = when("name == ⟦acme⟧");
    const d = expectOne(c, "CARVE041", c.marks[0]);
    expect(d.message).toBe("`name` is a `string`, but this is a bare name");
    expect(d.fixes?.[0].newText).toBe('"acme"');
  });

  test("a number for a postal code offers quotes (leading zeros matter)", () => {
    const c = when("postal_code == ⟦94105⟧");
    expect(expectOne(c, "CARVE041", c.marks[0]).fixes?.[0].newText).toBe('"94105"');
  });

  test("text to match must be quoted", () => {
    const c = when(`postal_code starts with ["940", ⟦941⟧]`);
    const d = expectOne(c, "CARVE041", c.marks[0]);
    expect(d.message).toBe("text to match is written in quotes, but this is a number");
    expect(d.fixes?.[0].newText).toBe('"941"');
  });

  test("a region code for a country", () => {
    const c = when("country == ⟦US-CA⟧");
    expect(expectOne(c, "CARVE041", c.marks[0]).message).toBe("`country` is a `country`, but this is a region code");
  });
});

describe("values in the field's domain (CARVE042)", () => {
  test("an enum near miss: did you mean, with a fix", () => {
    const c = when("industry == ⟦helthcare⟧");
    const d = expectOne(c, "CARVE042", c.marks[0]);
    expect(d.message).toBe("`helthcare` is not one of the values of `industry`");
    expect(d.help).toBe("did you mean `healthcare`?");
    expect(d.fixes).toEqual([{ label: "replace with `healthcare`", file: c.file, range: c.marks[0], newText: "healthcare" }]);
  });

  test("a region code near miss", () => {
    const c = when("region == ⟦US-CAL⟧");
    const d = expectOne(c, "CARVE042", c.marks[0]);
    expect(d.help).toContain("`US-CA`");
    expect(d.fixes?.[0].newText).toBe("US-CA");
  });

  test("an unknown country", () => {
    const c = when('country == ⟦"Atlantis"⟧');
    expect(expectOne(c, "CARVE042", c.marks[0]).message).toBe("`Atlantis` is not a country");
  });

  test("a region outside the countries the condition allows", () => {
    const c = when('country == US and region == ⟦"Bavaria"⟧');
    expect(expectOne(c, "CARVE042", c.marks[0]).message).toContain("DE-BY");
  });

  test("a rep value must name a rep", () => {
    const c = when("account.owner == ⟦alicia⟧");
    const d = expectOne(c, "CARVE025", c.marks[0]);
    expect(d.help).toBe("did you mean `alice`?");
    const q = when("account.owner == ⟦triage⟧");
    expect(expectOne(q, "CARVE032", q.marks[0]).message).toBe("`triage` is a queue, but `account.owner` holds reps");
  });

  test("an empty pattern and a malformed domain", () => {
    const c = when('name starts with ⟦""⟧ or email_domain == ⟦"not a domain"⟧');
    const ds = expectCodes(c.program, ["CARVE042", "CARVE042"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
  });
});

describe("region codes (CARVE043)", () => {
  test("a bare code with no country condition lists the candidates", () => {
    const c = when("region == ⟦CA⟧");
    const d = expectOne(c, "CARVE043", c.marks[0]);
    expect(d.message).toMatch(/^`CA` could be .*US-CA \(California\)/);
    expect(d.help).toBe("write the full code, or pin the country in the same condition, e.g. `country == US and region == CA`");
    expect(d.fixes?.map((f) => f.newText)).toContain("US-CA");
  });

  test("a bare code is resolved by the country condition of the same conjunction", () => {
    const c = when("country == US and region in [CA, ⟦NY⟧] or country in [US, CA] and region == ⟦ON⟧");
    expect(c.program.diagnostics).toEqual([]);
    expect(c.program.literals.get(findLit(c, 0))).toEqual({ kind: "value", type: "region", value: "US-NY" });
    expect(c.program.literals.get(findLit(c, 1))).toEqual({ kind: "value", type: "region", value: "CA-ON" });
  });

  test("the countries of the other side of an `or` do not count", () => {
    const c = when("country == US or region == ⟦CA⟧");
    expectOne(c, "CARVE043", c.marks[0]);
  });

  test("a nested territory resolves against its ancestors' country condition", () => {
    const c = check("territories first { territory na { when country == US  territories first {\n" +
      "  territory west { when region == ⟦CA⟧ assign alice } } } otherwise triage }\n");
    expect(c.program.diagnostics).toEqual([]);
    expect(c.program.literals.get(findLit(c, 0))).toMatchObject({ value: "US-CA" });
  });
});

/** The literal node whose range is the i-th marker. */
function findLit(c: ReturnType<typeof check>, i: number): object {
  const m = c.marks[i];
  for (const node of c.program.literals.keys()) {
    const r = (node as { range: { start: number; end: number } }).range;
    if (r.start === m.start && r.end === m.end) return node;
  }
  throw new Error(`no literal at ${JSON.stringify(m)}`);
}

describe("literal normalisation", () => {
  test("values are recorded in the field's domain", () => {
    const c = when('country == ⟦"United States"⟧ and region == ⟦"California"⟧ and revenue >= ⟦250M⟧ and industry == ⟦Healthcare⟧' +
      ' and email_domain == ⟦"https://www.Acme.com/x"⟧ and created < ⟦2027-01-15⟧ and account.owner == ⟦"ALICE@acme.com"⟧' +
      ' and industry == ⟦"Public Sector"⟧ or country == ⟦UK⟧');
    expect(c.program.diagnostics).toEqual([]);
    const values = c.marks.map((_, i) => c.program.literals.get(findLit(c, i)));
    expect(values).toEqual([
      { kind: "value", type: "country", value: "US" },
      { kind: "value", type: "region", value: "US-CA" },
      { kind: "value", type: "money", value: 250000000 },
      { kind: "value", type: "enum", value: "healthcare" },
      { kind: "value", type: "domain", value: "acme.com" },
      { kind: "value", type: "date", value: "2027-01-15" },
      { kind: "value", type: "rep", value: "alice" },
      { kind: "value", type: "enum", value: "public_sector" },
      { kind: "value", type: "country", value: "GB" },
    ]);
  });

  test("lists, ranges, patterns and sets", () => {
    const c = check("set west = [US-CA, \"Oregon\"]\n" +
      "territories first { territory x { when country in ⟦[USA, \"Canada\"]⟧ and employees in ⟦1K..5_000⟧ and " +
      "postal_code starts with ⟦\"941-0\"⟧ and region in ⟦west⟧ and name contains ⟦\" Corp \"⟧ assign triage } }\n");
    expect(c.program.diagnostics).toEqual([]);
    const v = c.marks.map((_, i) => c.program.literals.get(findLit(c, i)));
    expect(v[0]).toEqual({ kind: "list", type: "country", values: ["US", "CA"] });
    expect(v[1]).toEqual({ kind: "range", type: "int", low: 1000, high: 5000 });
    expect(v[2]).toEqual({ kind: "value", type: "postal", value: "9410" });
    expect(v[3]).toMatchObject({ kind: "set", type: "region", values: ["US-CA", "US-OR"] });
    expect(v[4]).toEqual({ kind: "value", type: "string", value: "corp" });
    const set = [...c.program.sets.values()][0];
    expect(set).toMatchObject({ type: "region", mode: "value", values: ["US-CA", "US-OR"] });
  });
});

describe("sets (CARVE050)", () => {
  test("uses must agree on one type", () => {
    const c = when("region in west or industry in ⟦west⟧").program;
    expect(c.diagnostics.map((d) => d.code)).toContain("CARVE025"); // `west` is not declared here
    const s = check("set west = [US-CA]\nterritories first { territory x { when region in west or industry in ⟦west⟧ assign triage } }\n");
    const d = expectOne(s, "CARVE050", s.marks[0]);
    expect(d.message).toBe("`west` is used with `industry` (an `enum`) here, but with `region` (a `region`) where it is first used");
    expect(d.related?.[0].range).toEqual(rangeOf(s.text, "west", 1));
  });

  test("an element that does not fit is reported once, at the element", () => {
    const c = check("set inds = [software, ⟦helthcare⟧]\nsegment a = industry in inds\nsegment b = industry not in inds\n");
    expect(expectOne(c, "CARVE042", c.marks[0]).fixes?.[0].newText).toBe("healthcare");
  });
});

describe("dates, ranges and numbers", () => {
  test("an impossible date is CARVE044", () => {
    const c = when("created < ⟦2027-02-30⟧");
    expect(expectOne(c, "CARVE044", c.marks[0]).message).toBe("`2027-02-30` is not a valid date: February 2027 has 28 days");
  });

  test("a range out of order is CARVE045, with a fix that swaps it", () => {
    const c = when("employees in ⟦999..200⟧");
    const d = expectOne(c, "CARVE045", c.marks[0]);
    expect(d.fixes?.[0].newText).toBe("200..999");
  });

  test("a range's ends must fit the field", () => {
    const c = when('employees in 1..⟦"x"⟧');
    expectOne(c, "CARVE041", c.marks[0]);
  });

  test("a fraction for an int, a capacity or a weight is CARVE055", () => {
    const c = check("rep carl { capacity ⟦1.5⟧ }\nteam t2 { members alice weight ⟦0⟧, bob  strategy hash(id) }\n" +
      "territories first { territory x { when employees > ⟦12.5⟧ assign triage } }\n");
    const ds = expectCodes(c.program, ["CARVE055", "CARVE055", "CARVE055"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
  });
});

describe("the record", () => {
  test("a second key is CARVE046", () => {
    const c = check("", { base: "ruleset t\nrecord R {\n  id: string key\n  other: string key\n}\nqueue triage\n" });
    expectOne(c, "CARVE046", rangeOf(c.text, "key", 1));
  });

  test("a repeated enum value is CARVE054, also when it differs only in case", () => {
    const c = check("", { base: "ruleset t\nrecord R {\n  s: enum(a, b, a)\n  t: enum(x, X)\n}\nqueue triage\n" });
    const ds = expectCodes(c.program, ["CARVE054", "CARVE054"]);
    const second = rangeOf(c.text, "a)").start;
    expect(ds.map((d) => d.range)).toEqual([{ start: second, end: second + 1 }, rangeOf(c.text, "X")]);
  });
});

describe("targets, teams and windows", () => {
  test("assigning a field that is not a rep is CARVE047", () => {
    const c = check("territories first { territory x { assign ⟦account.status⟧ } }\n");
    expect(expectOne(c, "CARVE047", c.marks[0]).message)
      .toBe("`account.status` is an `enum` field, but `assign` needs a rep, team, queue or a field of type `rep`");
  });

  test("a field of type rep is a target", () => {
    const c = check("territories first { territory x { assign account.owner } otherwise ae }\n");
    expect(c.program.diagnostics).toEqual([]);
    const targets = [...c.program.targets.values()];
    expect(targets.map((t) => (t.kind === "field" ? t.field.name : t.symbol.name))).toEqual(["account.owner", "ae"]);
  });

  test("a team member that is not a rep is CARVE048; a repeated member is CARVE057", () => {
    const c = check("team t2 { members alice, ⟦triage⟧, ⟦alice⟧  strategy round_robin }\n");
    const ds = expectCodes(c.program, ["CARVE048", "CARVE057"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[0].message).toBe("`triage` is a queue, but team members must be reps");
  });

  test("`from` after `until` is CARVE051 (territories, overrides, reps, members)", () => {
    const c = check("rep r1 { from ⟦2027-05-01⟧ until 2027-01-01 }\n" +
      "team t2 { members alice from ⟦2027-03-01⟧ until 2027-02-01  strategy round_robin }\n" +
      "override o { when employees > 1 assign alice from ⟦2027-02-01⟧ until 2027-01-01 }\n" +
      "territories first { territory x { assign triage from ⟦2028-01-01⟧ until 2027-01-01 } }\n");
    const ds = expectCodes(c.program, ["CARVE051", "CARVE051", "CARVE051", "CARVE051"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
  });

  test("required parts missing are CARVE053", () => {
    const c = check("team ⟦empty⟧ { strategy round_robin }\nteam ⟦lazy⟧ { members alice }\noverride ⟦o⟧ { assign alice }\noverride ⟦p⟧ { when employees > 1 }\n");
    const ds = expectCodes(c.program, ["CARVE053", "CARVE053", "CARVE053", "CARVE053"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds.map((d) => d.message)).toEqual([
      "team `empty` has no members", "team `lazy` has no strategy", "override `o` has no `when`", "override `p` has no `assign`",
    ]);
  });
});

describe("a ruleset with a typo, a wrong type and a duplicate name", () => {
  test("gives exactly three precise diagnostics, each with a fix", () => {
    const c = check(
      "set west_states = [US-CA, US-OR]\n" +
      "queue ⟦west_states⟧\n" +
      "territories first {\n" +
      "  territory west { when country == US and region in ⟦wset_states⟧ assign alice }\n" +
      "  territory big { when employees >= ⟦\"1000\"⟧ assign bob }\n" +
      "  otherwise triage\n" +
      "}\n",
    );
    const ds = expectCodes(c.program, ["CARVE024", "CARVE025", "CARVE041"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[0].related?.[0].range).toEqual(rangeOf(c.text, "west_states"));
    expect(ds[1].fixes?.[0].newText).toBe("west_states");
    expect(ds[2].fixes?.[0].newText).toBe("1000");
    for (const d of ds) expect(d.help).toBeTruthy();
  });
});
