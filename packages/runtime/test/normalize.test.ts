// SPEC 2.6 step 1: every field read, normalised by its type, and every error reported.
import { describe, expect, test } from "vitest";
import { loadArtifact } from "@carve/runtime";
import { c, plan } from "./builders.js";

const asOf = "2027-03-01";
const rt = loadArtifact(
  plan({
    fields: {
      id: "string key",
      name: "string?",
      country: "country",
      region: "region?",
      postal: "postal?",
      tier: "enum(gold, silver, public_sector)?",
      employees: "int?",
      revenue: "money?",
      active: "bool?",
      signed: "date?",
      domain: "domain?",
      "account.owner": "rep?",
      "account.tier.level": "int?",
    },
    territories: {
      policy: "first",
      otherwise: "triage",
      territories: [
        { name: "acme", when: [c.eq("name", "acme corp")], assign: "alice" },
        { name: "bay", when: [c.startsWith("postal", ["941"])], assign: "alice" },
        { name: "gold", when: [c.eq("tier", "gold")], assign: "bob" },
        { name: "ca", when: [c.eq("region", "US-CA")], assign: "bob" },
        { name: "owned", when: [c.eq("account.owner", "bob")], assign: "bob" },
        { name: "deep", when: [c.gte("account.tier.level", 3)], assign: "bob" },
      ],
    },
    reps: [{ id: "alice", email: "alice@acme.com" }, { id: "bob", email: "Bob@Acme.com" }],
    queues: ["triage"],
  }),
);
const evaluate = (r: unknown) => rt.evaluate(r, { asOf });

describe("normalisation", () => {
  test("string comparisons ignore case and surrounding white space", () => {
    expect(evaluate({ id: "1", country: "US", name: "  ACME Corp " }).territory?.id).toBe("acme");
  });

  test("region names and bare codes are read with the record's country", () => {
    expect(evaluate({ id: "1", country: "usa", region: "California" }).territory?.id).toBe("ca");
    expect(evaluate({ id: "1", country: "United States", region: "CA" }).territory?.id).toBe("ca");
    expect(evaluate({ id: "1", country: "Canada", region: "ON" }).territory?.id).toBeUndefined();
  });

  test("postal prefix tests use the digits of a ZIP+4", () => {
    expect(evaluate({ id: "1", country: "US", postal: "94105-1234" }).territory?.id).toBe("bay");
    expect(evaluate({ id: "1", country: "US", postal: "10001" }).territory?.id).toBeUndefined();
  });

  test("enum values match case-insensitively", () => {
    expect(evaluate({ id: "1", country: "US", tier: "GOLD" }).territory?.id).toBe("gold");
  });

  test("rep values resolve by id or e-mail, case-insensitively", () => {
    expect(evaluate({ id: "1", country: "US", account: { owner: "BOB" } }).territory?.id).toBe("owned");
    expect(evaluate({ id: "1", country: "US", account: { owner: "bob@acme.COM" } }).territory?.id).toBe("owned");
  });

  test("nested objects and flat dotted keys are both accepted, at any depth", () => {
    expect(evaluate({ id: "1", country: "US", "account.tier.level": "5" }).territory?.id).toBe("deep");
    expect(evaluate({ id: "1", country: "US", account: { tier: { level: 5 } } }).territory?.id).toBe("deep");
    expect(evaluate({ id: "1", country: "US", "account.tier": { level: 5 } }).territory?.id).toBeUndefined();
    expect(evaluate({ id: "1", country: "US", account: "not an object" }).status).toBe("assigned");
  });

  test("unknown fields are ignored", () => {
    expect(evaluate({ id: "1", country: "US", favourite_colour: "green", nested: { a: [1] } }).status).toBe("assigned");
  });

  test("an invalid record reports every field error, with the value given and suggestions", () => {
    const d = evaluate({
      id: "X-1", country: "Atlantis", tier: "gould", employees: "12.5", revenue: "lots", active: "perhaps",
      signed: "2027-02-30", domain: "not a domain", account: { owner: "zoe" },
    });
    expect(d.status).toBe("invalid");
    expect(d.key).toBe("X-1");
    const byField = Object.fromEntries(d.errors!.map((e) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(["account.owner", "active", "country", "domain", "employees", "revenue", "signed", "tier"]);
    expect(byField.tier.suggestions).toEqual(["gold"]);
    expect(byField.tier.reason).toMatch(/did you mean gold/);
    expect(byField.signed.reason).toMatch(/February 2027 has 28 days/);
    expect(byField["account.owner"].reason).toMatch(/"zoe" is not a rep/);
    expect(byField.employees.value).toBe("12.5");
    expect(d.territory).toBeUndefined();
    expect(d.owner).toBeUndefined();
  });

  test("a missing required field is an error; a missing optional one is not", () => {
    const d = evaluate({ country: "US" });
    expect(d.status).toBe("invalid");
    expect(d.errors).toEqual([{ field: "id", reason: "`id` is required but has no value" }]);
    expect(evaluate({ id: "1", country: "US", name: "   ", employees: null }).status).toBe("assigned");
  });

  test("a record that is not an object is invalid", () => {
    for (const r of [null, undefined, 42, "lead", [{ id: "1" }], true]) {
      const d = evaluate(r);
      expect(d.status).toBe("invalid");
      expect(d.errors?.[0].field).toBe("(record)");
    }
  });

  test("prototype keys are data, never the prototype", () => {
    const hostile = JSON.parse('{"id": "1", "country": "US", "__proto__": {"name": "acme corp"}, "constructor": 1}');
    expect(evaluate(hostile).territory?.id).toBeUndefined();
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  test("long values are cut in error reports", () => {
    const d = evaluate({ id: "1", country: "x".repeat(100_000) });
    expect(d.status).toBe("invalid");
    expect(String(d.errors?.[0].value).length).toBeLessThan(300);
  });
});
