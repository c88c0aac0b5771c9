// Tests in a ruleset (SPEC 2.8): `given` is read like an input record and checked against the
// record; expectations must name things that exist.
import { describe, expect, test } from "vitest";
import { givenRecord } from "../src/index.js";
import { check, expectCodes, expectOne } from "./fixtures/semantics/helpers.js";

const OK_GIVEN = 'id: "1", country: US, industry: software, employees: 10';
const t = (body: string) => check(`test "t" { ${body} }\n`);

describe("given", () => {
  test("values are read as the runtime reads a record, and normalised", () => {
    const c = t('given { id: "L-1", country: "United States", region: "California", employees: "1,200", industry: "Public Sector",' +
      ' revenue: "$3.5M", active: "yes", account.owner: bob, postal_code: "94105-1234", email_domain: "jane@Acme.COM" } expect unassigned');
    expect(c.program.diagnostics).toEqual([]);
    const byField = new Map(c.program.tests[0].given.map((g) => [g.field.text, c.program.literals.get(g.value)]));
    expect(Object.fromEntries([...byField].map(([k, v]) => [k, v && "value" in v ? v.value : undefined]))).toEqual({
      id: "L-1", country: "US", region: "US-CA", employees: 1200, industry: "public_sector", revenue: 3500000,
      active: true, "account.owner": "bob", postal_code: "94105-1234", email_domain: "acme.com",
    });
  });

  test("a bare region code is read against the given country", () => {
    const c = t(`given { ${OK_GIVEN}, region: CA } expect unassigned`);
    expect(c.program.diagnostics).toEqual([]);
    const region = c.program.tests[0].given.find((g) => g.field.text === "region")!;
    expect(c.program.literals.get(region.value)).toEqual({ kind: "value", type: "region", value: "US-CA" });
  });

  test("an unknown field is CARVE033; a value that does not fit is CARVE041/CARVE042", () => {
    const c = t(`given { ${OK_GIVEN}, ⟦regoin⟧: "CA", active: ⟦2027-01-01⟧, created: ⟦"2027-13-01"⟧, industry2: 1 } expect unassigned`
      .replace("industry2: 1", "account.status: ⟦customr⟧"));
    const ds = expectCodes(c.program, ["CARVE033", "CARVE041", "CARVE044", "CARVE042"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[3].fixes?.[0].newText).toBe("customer");
  });

  test("yes/no values read like input records: 1/0 and bare yes/no are accepted, `maybe` is not", () => {
    expect(t(`given { ${OK_GIVEN}, active: 1 } expect unassigned`).program.diagnostics).toEqual([]);
    expect(t(`given { ${OK_GIVEN}, active: yes } expect unassigned`).program.diagnostics).toEqual([]);
    const c = t(`given { ${OK_GIVEN}, active: ⟦maybe⟧ } expect unassigned`);
    expectOne(c, "CARVE042", c.marks[0]);
  });

  test("a rep value must name a rep", () => {
    const c = t(`given { ${OK_GIVEN}, account.owner: ⟦bobb⟧ } expect unassigned`);
    expect(expectOne(c, "CARVE025", c.marks[0]).help).toBe("did you mean `bob`?");
  });

  test("a value the test expects to be invalid is not an error", () => {
    const c = t('given { id: "1", country: "Atlantis", industry: software, employees: 10 } expect invalid country');
    expect(c.program.diagnostics).toEqual([]);
  });

  test("a field given twice is CARVE049", () => {
    const c = t(`given { ${OK_GIVEN}, ⟦employees⟧: 20 } expect unassigned`);
    const d = expectOne(c, "CARVE049", c.marks[0]);
    expect(d.related?.[0].range.start).toBeLessThan(c.marks[0].start);
  });

  test("a list is not one value: CARVE041", () => {
    const c = t(`given { id: "1", country: US, industry: ⟦[software, fintech]⟧, employees: 10 } expect unassigned`);
    expectOne(c, "CARVE041", c.marks[0]);
  });

  test("a required field left out is a CARVE058 warning at the given block", () => {
    const c = t('⟦given { id: "1", country: US, industry: software }⟧ expect unassigned');
    const d = expectOne(c, "CARVE058", c.marks[0]);
    expect(d.severity).toBe("warning");
    expect(d.message).toBe("this test's record has no `employees`, so the runtime will reject it as invalid");
    // …unless the test is about an invalid record.
    expect(t('given { id: "1", country: US, industry: software } expect invalid employees').program.diagnostics).toEqual([]);
    expect(t('given { id: "1", country: "Atlantis" } expect invalid country').program.diagnostics).toEqual([]);
  });

  test("`as of` must be a real date", () => {
    const c = t(`as of ⟦2027-02-29⟧ given { ${OK_GIVEN} } expect unassigned`);
    expectOne(c, "CARVE044", c.marks[0]);
  });

  test("givenRecord builds the input record, dotted fields nested", () => {
    const c = t(`given { ${OK_GIVEN}, account.owner: bob, account.status: customer, region: US-CA } expect unassigned`);
    expect(givenRecord(c.program.tests[0])).toEqual({
      id: "1", country: "US", industry: "software", employees: 10, account: { owner: "bob", status: "customer" }, region: "US-CA",
    });
  });
});

describe("expectations", () => {
  test("a test with no expectation is a CARVE056 warning at its name", () => {
    const c = check(`test ⟦"nothing"⟧ { given { ${OK_GIVEN} } }\n`);
    const d = expectOne(c, "CARVE056", c.marks[0]);
    expect(d.severity).toBe("warning");
  });

  test("names in expectations resolve", () => {
    const c = t(`given { ${OK_GIVEN} } expect territory ⟦al⟧ via override ⟦keep⟧  expect owner ⟦alise⟧  expect owner in ⟦bob⟧  expect invalid ⟦counrty⟧`);
    const ds = expectCodes(c.program, ["CARVE034", "CARVE025", "CARVE025", "CARVE032", "CARVE033"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[0].help).toBe("did you mean `all`?");
    expect(ds[2].help).toBe("did you mean `alice`?");
    expect(ds[3].help).toBe("to expect this rep itself, write `expect owner bob`");
  });

  test("the valid forms", () => {
    const c = check("override keep { when account.status == customer and account.owner is set  assign account.owner }\n" +
      `test "t" { given { ${OK_GIVEN} } expect territory all via territory all  expect owner triage via otherwise  expect owner in ae via override keep }\n`);
    expect(c.program.diagnostics).toEqual([]);
  });
});
