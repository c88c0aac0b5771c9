import { describe, expect, it } from "vitest";
import { normalizePostal, postalDigits } from "../src/index.js";

const value = (x: unknown, country?: string) => {
  const r = normalizePostal(x, country);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};

describe("normalizePostal", () => {
  it("keeps US ZIP and ZIP+4, adding the dash ZIP+4 is written with", () => {
    expect(value("94105", "US")).toBe("94105");
    expect(value("94105-1234", "US")).toBe("94105-1234");
    expect(value("941051234", "US")).toBe("94105-1234");
    expect(value(" 94105 1234 ", "USA")).toBe("94105-1234");
    expect(value("00918", "PR")).toBe("00918"); // US territories use ZIP codes
    expect(value(94105, "US")).toBe("94105");
  });

  it("rejects malformed ZIP codes, and does not pad numbers that lost their zeros", () => {
    expect(value("9410", "US")).toBe('invalid: "9410" is not a US ZIP code: use 5 digits (94105) or ZIP+4 (94105-1234)');
    expect(value("94105-12", "US")).toMatch(/is not a US ZIP code/);
    expect(value("ABCDE", "US")).toMatch(/is not a US ZIP code/);
    expect(value(2134, "US")).toMatch(/lost its leading zeros/);
  });

  it("writes Canadian postal codes as A1A 1A1", () => {
    expect(value("m5v 2t6", "CA")).toBe("M5V 2T6");
    expect(value("M5V2T6", "Canada")).toBe("M5V 2T6");
    expect(value(" h3z  2y7 ", "CA")).toBe("H3Z 2Y7");
    expect(value("M5V 2T", "CA")).toMatch(/^invalid: "M5V 2T" is not a Canadian postal code: use the form A1A 1A1/);
    expect(value("D5V 2T6", "CA")).toMatch(/not a Canadian postal code/); // D is never used
  });

  it("writes UK postcodes as outward and inward code with one space", () => {
    expect(value("sw1a1aa", "GB")).toBe("SW1A 1AA");
    expect(value("SW1A 1AA", "UK")).toBe("SW1A 1AA");
    expect(value("m1 1ae", "GB")).toBe("M1 1AE");
    expect(value("B33 8TH", "GB")).toBe("B33 8TH");
    expect(value("EC1A1BB", "GB")).toBe("EC1A 1BB");
    expect(value("SW1A", "GB")).toMatch(/^invalid: "SW1A" is not a full UK postcode/);
  });

  it("upper-cases other countries' codes and collapses spaces; also without a country", () => {
    expect(value("75008", "FR")).toBe("75008");
    expect(value("1012  ab", "NL")).toBe("1012 AB");
    expect(value("ky1-1100", "KY")).toBe("KY1-1100");
    expect(value("m5v 2t6")).toBe("M5V 2T6");
    expect(value("94105-1234")).toBe("94105-1234");
    expect(value("N/A", "FR")).toMatch(/is not a postal code/);
    expect(value("12345678901234", "DE")).toMatch(/at most 12 characters/);
  });

  it("treats empty values as missing", () => {
    expect(normalizePostal("", "US")).toEqual({ ok: false, reason: "no value" });
    expect(normalizePostal(null)).toEqual({ ok: false, reason: "no value" });
    expect(value(-5)).toMatch(/expected a postal code/);
  });
});

describe("postalDigits", () => {
  it("is the key prefix tests compare: no dash or spaces", () => {
    expect(postalDigits("94105-1234")).toBe("941051234");
    expect(postalDigits("94105")).toBe("94105");
    expect(postalDigits("M5V 2T6")).toBe("M5V2T6");
    expect(postalDigits("m5v 2")).toBe("M5V2");
    expect(postalDigits("941051234").startsWith(postalDigits("94105-12"))).toBe(true);
  });
});
