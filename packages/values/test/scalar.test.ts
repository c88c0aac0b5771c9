import { describe, expect, it } from "vitest";
import {
  daysInMonth, foldString, isValidDate, normalizeBool, normalizeDate, normalizeEnum, normalizeString,
} from "../src/index.js";

const v = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `invalid: ${r.reason}`);

describe("normalizeString and foldString", () => {
  it("trims text and writes numbers and booleans as text", () => {
    expect(v(normalizeString("  Acme Corp "))).toBe("Acme Corp");
    expect(v(normalizeString(42))).toBe("42");
    expect(v(normalizeString(false))).toBe("false");
    expect(v(normalizeString({}))).toMatch(/expected text/);
    expect(normalizeString(" \t")).toEqual({ ok: false, reason: "no value" });
  });
  it("folds for comparison: case and surrounding white space do not count", () => {
    expect(foldString(" ACME Corp ")).toBe(foldString("acme corp"));
    expect(foldString("Acme  Corp")).not.toBe(foldString("Acme Corp"));
  });
});

describe("normalizeBool", () => {
  it.each([
    [true, true], [false, false], [1, true], [0, false], ["true", true], ["FALSE", false], [" Yes ", true],
    ["no", false], ["Y", true], ["n", false], ["1", true], ["0", false],
  ])("%j → %s", (input, expected) => {
    expect(v(normalizeBool(input))).toBe(expected);
  });
  it("rejects anything else", () => {
    expect(v(normalizeBool("maybe"))).toBe('invalid: "maybe" is not a yes/no value: use true or false (also yes/no, y/n, 1/0)');
    expect(v(normalizeBool(2))).toMatch(/not a yes\/no value/);
    expect(normalizeBool("")).toEqual({ ok: false, reason: "no value" });
  });
});

describe("normalizeDate", () => {
  it("accepts ISO dates, ISO date-times (the date as written) and Date objects", () => {
    expect(v(normalizeDate("2027-01-15"))).toBe("2027-01-15");
    expect(v(normalizeDate(" 2027-01-15 "))).toBe("2027-01-15");
    expect(v(normalizeDate("2027-01-15T10:00:00Z"))).toBe("2027-01-15");
    expect(v(normalizeDate("2027-01-15T23:30:00-08:00"))).toBe("2027-01-15");
    expect(v(normalizeDate("2027-01-15 09:30"))).toBe("2027-01-15");
    expect(v(normalizeDate("2027-01-15T10:00:00.123+0530"))).toBe("2027-01-15");
    expect(v(normalizeDate(new Date(Date.UTC(2027, 0, 15, 23, 59))))).toBe("2027-01-15");
    expect(v(normalizeDate("2028-02-29"))).toBe("2028-02-29");
    expect(v(normalizeDate("2000-02-29"))).toBe("2000-02-29");
  });
  it("rejects dates that do not exist and other layouts", () => {
    expect(v(normalizeDate("2027-02-30"))).toBe('invalid: "2027-02-30" is not a valid date: February 2027 has 28 days');
    expect(v(normalizeDate("2027-13-01"))).toBe('invalid: "2027-13-01" is not a valid date: there is no month 13');
    expect(v(normalizeDate("2027-04-31"))).toMatch(/April 2027 has 30 days/);
    expect(v(normalizeDate("1900-02-29"))).toMatch(/February 1900 has 28 days/);
    expect(v(normalizeDate("2027-00-10"))).toMatch(/no month 00/);
    expect(v(normalizeDate("01/15/2027"))).toMatch(/use an ISO date such as 2027-01-15/);
    expect(v(normalizeDate("2027-1-5"))).toMatch(/is not a date/);
    expect(v(normalizeDate("2027-01-15T25:00"))).toMatch(/is not a date/);
    expect(v(normalizeDate(new Date("nope")))).toMatch(/invalid Date object/);
    expect(v(normalizeDate(1768435200000))).toMatch(/expected a date/);
    expect(normalizeDate(undefined)).toEqual({ ok: false, reason: "no value" });
  });
  it("validates calendar dates", () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2027, 12, 31)).toBe(true);
    expect(isValidDate(2027, 12, 32)).toBe(false);
    expect(isValidDate(2027, 1.5, 1)).toBe(false);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe("normalizeEnum", () => {
  const industries = ["software", "healthcare", "fintech", "public_sector"] as const;
  it("matches case-insensitively and returns the declared spelling", () => {
    expect(v(normalizeEnum("Software", industries))).toBe("software");
    expect(v(normalizeEnum(" HEALTHCARE ", industries))).toBe("healthcare");
    expect(v(normalizeEnum("Public Sector", industries))).toBe("public_sector");
    expect(v(normalizeEnum("public-sector", industries))).toBe("public_sector");
    expect(v(normalizeEnum("Big", ["Big", "Small"]))).toBe("Big");
    expect(v(normalizeEnum("big", ["Big", "Small"]))).toBe("Big");
  });
  it("suggests near misses and lists the values otherwise", () => {
    const r = normalizeEnum("helthcare", industries);
    expect(r).toEqual({ ok: false, reason: '"helthcare" is not an allowed value: did you mean healthcare?', suggestions: ["healthcare"] });
    expect(v(normalizeEnum("retail", industries))).toBe(
      'invalid: "retail" is not an allowed value: expected one of software, healthcare, fintech or public_sector',
    );
    expect(normalizeEnum("", industries)).toEqual({ ok: false, reason: "no value" });
  });
});
