// The importers' small readers: filter logic, Salesforce value lists, formulas, and the names
// made from Salesforce names.
import { describe, expect, test } from "vitest";
import { parseBooleanFilter, type Filter } from "../../packages/compiler/src/import/boolean-filter.js";
import { readFormula } from "../../packages/compiler/src/import/formula.js";
import { NameTable, toIdentifier, toSnake } from "../../packages/compiler/src/import/names.js";
import { splitValues } from "../../packages/compiler/src/import/sf-values.js";

const show = (f: Filter): string =>
  f.kind === "item" ? String(f.index + 1) : f.kind === "not" ? `!${show(f.item)}` : `${f.kind}(${f.items.map(show).join(",")})`;

describe("filter logic", () => {
  test("reads AND, OR, NOT and parentheses in any case and nesting", () => {
    const r = parseBooleanFilter("1 AND 2 AND 8 and ( (3 AND 4) or (5 AND 6) OR 7 ) AND 9", 9);
    expect(r.ok && show(r.filter)).toBe("and(1,2,8,or(and(3,4),and(5,6),7),9)");
    const n = parseBooleanFilter(" not (1 Or 2)  AND NOT 3", 3);
    expect(n.ok && show(n.filter)).toBe("and(!or(1,2),!3)");
  });

  test("AND binds tighter than OR when a filter mixes them without parentheses", () => {
    const r = parseBooleanFilter("1 OR 2 AND 3", 3);
    expect(r.ok && show(r.filter)).toBe("or(1,and(2,3))");
  });

  test("says what is wrong with a filter it cannot read", () => {
    expect(parseBooleanFilter("1 AND (2", 2)).toEqual({ ok: false, reason: 'filter logic "1 AND (2": a `(` is not closed' });
    expect(parseBooleanFilter("1 AND 4", 3)).toMatchObject({ ok: false, reason: expect.stringContaining("item 4 does not exist (there are 3 items)") });
    expect(parseBooleanFilter("1 XOR 2", 2)).toMatchObject({ ok: false, reason: expect.stringContaining("unexpected `XOR`") });
    expect(parseBooleanFilter("1 2", 2)).toMatchObject({ ok: false, reason: expect.stringContaining("after a complete expression") });
  });
});

describe("value lists", () => {
  test("commas separate values; double quotes keep a comma inside one; blanks are dropped", () => {
    expect(splitValues("US, CA ,MX")).toEqual(["US", "CA", "MX"]);
    expect(splitValues('"USD 10,000"')).toEqual(["USD 10,000"]);
    expect(splitValues('"Acme, Inc",Globex,,')).toEqual(["Acme, Inc", "Globex"]);
    expect(splitValues(undefined)).toEqual([]);
  });
});

describe("names", () => {
  test("Salesforce names become Carve identifiers", () => {
    expect(toIdentifier("AMR12103 - DFW(Excl Int Rule FALSE)")).toBe("AMR12103_DFW_Excl_Int_Rule_FALSE");
    expect(toIdentifier("Jyväskylä Süd")).toBe("Jyvaskyla_Sud");
    expect(toIdentifier("4010 Vantaa")).toBe("_4010_Vantaa");
    expect(toIdentifier("territory")).toBe("territory_");
    expect(toIdentifier("日本")).toBe("unnamed");
    expect(toSnake("Exclude_from_rules_Internal__c")).toBe("exclude_from_rules_internal");
    expect(toSnake("NumberOfEmployees")).toBe("number_of_employees");
    expect(toSnake("From__c")).toBe("from_");
  });

  test("names that collide get a suffix, in a deterministic order", () => {
    const t = new NameTable();
    expect([t.claim("Sales West"), t.claim("Sales.West"), t.claim("Sales-West")]).toEqual(["Sales_West", "Sales_West_2", "Sales_West_3"]);
    expect(t.claim("Sales West", "", "_rule")).toBe("Sales_West_rule");
    expect(t.claim("Sales West", "_queue")).toBe("Sales_West_queue");
  });
});

describe("formulas", () => {
  test("comparisons, AND/OR/NOT, ISPICKVAL, TEXT, CONTAINS, BEGINS and ISBLANK become criteria", () => {
    const r = readFormula('AND(ISPICKVAL(Origin, "Web"), OR(TEXT(Tier__c) = "Gold", 100 < Amount), !ISBLANK(Email) && NOT(CONTAINS(Subject, \'test\')), BEGINS(Code__c, "EU"), IsEscalated)', "f", 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.criteria.items.map((i) => `${i.field} ${i.op} ${i.values.join("|")}`)).toEqual([
      "Origin equals Web",
      "Tier__c equals Gold",
      "Amount greaterThan 100",
      "Email equals ",
      "Subject contains test",
      "Code__c startsWith EU",
      "IsEscalated equals true",
    ]);
  });

  test("anything else is refused with the line it is on", () => {
    expect(readFormula('ISPICKVAL(Priority, "High") &&\n  DATEVALUE(CreatedDate) <= TODAY()', "f", 10)).toEqual({ ok: false, reason: "the function DATEVALUE has no Carve equivalent", line: 11 });
    expect(readFormula("Owner:Queue.DeveloperName = 'Tier 1'", "f", 1)).toMatchObject({ ok: false, reason: expect.stringContaining("polymorphic") });
    expect(readFormula("TEXT(Status) == $Label.Qualified", "f", 1)).toMatchObject({ ok: false, reason: "`$Label.Qualified` is not a field of the record" });
    expect(readFormula("(VALUE(Code__c) - 4) > 19", "f", 1)).toMatchObject({ ok: false });
  });
});
