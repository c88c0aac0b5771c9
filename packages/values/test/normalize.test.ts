import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_TYPES, isMissing, normalizeValue, type FieldType } from "../src/index.js";

describe("normalizeValue", () => {
  it("dispatches every field type to its domain", () => {
    const cases: [FieldType, unknown, unknown][] = [
      ["string", "  Acme ", "Acme"],
      ["rep", " alice ", "alice"],
      ["int", "1,200", 1200],
      ["number", "12.5", 12.5],
      ["money", "$3.5M", 3_500_000],
      ["bool", "yes", true],
      ["date", "2027-01-15T10:00:00Z", "2027-01-15"],
      ["country", "U.S.A.", "US"],
      ["region", "California", "US-CA"],
      ["postal", "941051234", "941051234"], // no country: generic rule
      ["domain", "https://www.Acme.com/x", "acme.com"],
    ];
    for (const [type, input, expected] of cases) expect(normalizeValue(type, input)).toEqual({ ok: true, value: expected });
  });

  it("passes the record's country to region and postal, and the declared values to enum", () => {
    expect(normalizeValue("region", "CA", { country: "US" })).toEqual({ ok: true, value: "US-CA" });
    expect(normalizeValue("region", "ON", { country: "US" }).ok).toBe(false);
    expect(normalizeValue("postal", "941051234", { country: "US" })).toEqual({ ok: true, value: "94105-1234" });
    expect(normalizeValue("enum", "Inbound", { enumValues: ["inbound", "outbound"] })).toEqual({ ok: true, value: "inbound" });
  });

  it("reports an enum without declared values and an unknown type instead of throwing", () => {
    expect(normalizeValue("enum", "x")).toEqual({ ok: false, reason: "this enum field declares no values" });
    expect(normalizeValue("colour" as FieldType, "x")).toEqual({ ok: false, reason: 'unknown field type "colour"' });
  });

  it("rejects a missing value with the reason `no value` in every domain", () => {
    for (const type of FIELD_TYPES) {
      for (const x of [undefined, null, "", "  \t "]) {
        expect(normalizeValue(type, x, { enumValues: ["a"] })).toEqual({ ok: false, reason: "no value" });
      }
    }
  });

  it("never throws, and every result is well formed, whatever the input", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_TYPES), fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }), fc.option(fc.string()), (type, input, country) => {
        const r = normalizeValue(type, input, { country: country ?? undefined, enumValues: ["a", "b_c"] });
        if (r.ok) {
          expect(r.value).not.toBeUndefined();
        } else {
          expect(typeof r.reason).toBe("string");
          expect(r.reason.length).toBeGreaterThan(0);
          expect(r.reason === "no value").toBe(isMissing(input));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps reasons short for huge inputs", () => {
    const r = normalizeValue("country", "x".repeat(100_000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.length).toBeLessThan(200);
  });
});
