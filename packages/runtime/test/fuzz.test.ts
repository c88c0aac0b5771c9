// The runtime never throws on a record, whatever it is.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Decision, loadArtifact } from "@carve/runtime";
import { acme } from "./acme.js";
import { c, plan } from "./builders.js";

const rt = loadArtifact(acme());
const STATUSES = ["assigned", "unassigned", "invalid"];

function check(d: Decision): void {
  expect(STATUSES).toContain(d.status);
  expect(() => JSON.stringify(d)).not.toThrow();
  if (d.status === "invalid") expect(d.errors!.length).toBeGreaterThan(0);
}

const field = fc.constantFrom("id", "country", "region", "postal_code", "industry", "employees", "annual_revenue", "source", "email_domain", "account", "account.owner", "account.status", "account.id", "__proto__", "constructor", "toString");

describe("hostile records", () => {
  test("arbitrary values never make evaluate throw, explained or not", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }), (r) => {
        check(rt.evaluate(r, { asOf: "2027-03-01" }));
        check(rt.evaluate(r, { asOf: "2027-03-01", explain: true, whyNot: "na.west" }));
      }),
      { numRuns: 500 },
    );
  });

  test("records with the right fields and wrong values never throw", () => {
    fc.assert(
      fc.property(fc.dictionary(field, fc.oneof(fc.anything({ withBigInt: true }), fc.string(), fc.double(), fc.object())), (r) => {
        check(rt.evaluate(r, { asOf: "2027-03-01", explain: true }));
        check(rt.evaluate(r));
      }),
      { numRuns: 500 },
    );
  });

  test("throwing getters, proxies, cycles and huge strings", () => {
    const cyclic: Record<string, unknown> = { id: "1", country: "US", employees: 1, industry: "other", source: "event" };
    cyclic.account = cyclic;
    const records: unknown[] = [
      Object.defineProperty({}, "country", { get() { throw new Error("boom"); }, enumerable: true }),
      new Proxy({}, { get() { throw new Error("trap"); } }),
      cyclic,
      { id: "x".repeat(5_000_000), country: "U".repeat(1_000_000), employees: "9".repeat(400), industry: "other", source: "event" },
      Object.create(null),
      { id: Symbol("s"), country: () => "US", employees: Number.NaN, industry: Infinity, source: -0 },
      JSON.parse('{"__proto__": {"country": "US"}, "constructor": {"prototype": {"x": 1}}}'),
    ];
    for (const r of records) {
      check(rt.evaluate(r, { asOf: "2027-03-01" }));
      check(rt.evaluate(r, { asOf: "2027-03-01", explain: true }));
    }
    const boom = rt.evaluate(records[0]);
    expect(boom.status).toBe("invalid");
    expect(boom.errors).toContainEqual({ field: "country", reason: "the value could not be read: boom" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("a bad asOf option gives an invalid decision, not an exception", () => {
    const d = rt.evaluate({}, { asOf: "next tuesday" });
    expect(d.status).toBe("invalid");
    expect(d.errors![0].field).toBe("(asOf)");
  });

  test("fields named like Object.prototype members read only the record's own data", () => {
    const rt2 = loadArtifact(
      plan({
        fields: { constructor: "string?", "toString.valueOf": "int?" },
        territories: { policy: "first", territories: [{ name: "t", when: [c.set("constructor")], assign: "q" }, { name: "u", when: [c.set("toString.valueOf")], assign: "q" }] },
        queues: ["q"],
      }),
    );
    expect(rt2.evaluate({}).status).toBe("unassigned");
    expect(rt2.evaluate({ constructor: "Acme" }).territory?.id).toBe("t");
    expect(rt2.evaluate({ toString: { valueOf: 3 } }).territory?.id).toBe("u");
  });
});
