import { describe, expect, it } from "vitest";
import { normalizeInt, normalizeNumber } from "../src/index.js";

const num = (x: unknown) => {
  const r = normalizeNumber(x);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};
const int = (x: unknown) => {
  const r = normalizeInt(x);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};

describe("normalizeNumber (number and money)", () => {
  it.each([
    [42, 42], [12.5, 12.5], [-0, 0], [" 42 ", 42], ["1,200", 1200], ["1,200,000.50", 1200000.5], ["1_000", 1000],
    ["250M", 250_000_000], ["$3.5M", 3_500_000], ["3.5m", 3_500_000], ["€1.2K", 1200], ["£2b", 2_000_000_000],
    ["1.1M", 1_100_000], ["-$3.5M", -3_500_000], ["$-3.5M", -3_500_000], ["+7", 7], [".5", 0.5],
    ["1.2E+06", 1_200_000], ["3.5 €", 3.5], ["$ 1,200", 1200], ["0", 0], ["-0", 0],
  ])("%j → %s", (input, expected) => {
    expect(num(input)).toBe(expected);
  });

  it.each(["abc", "1.2.3", "NaN", "Infinity", "$", "1,2", "12,34,567", "1__000", "K", "3.5MM", "--5", "$5$", "1e999"])(
    "rejects %j",
    (input) => {
      expect(num(input)).toMatch(/^invalid: /);
    },
  );

  it("explains the fix", () => {
    expect(num("abc")).toBe('invalid: "abc" is not a number: use digits such as 1200, 1,200, 3.5M or $250K');
    expect(num("1,5")).toBe('invalid: "1,5" is not a number: a comma only groups thousands (1,200); use a dot for decimals (1.5)');
    expect(num(Number.NaN)).toMatch(/NaN is not a number/);
    expect(num(Number.POSITIVE_INFINITY)).toMatch(/Infinity is not a number/);
    expect(num(true)).toMatch(/expected a number, got true/);
    expect(num(10n)).toBe(10);
    expect(num(2n ** 80n)).toMatch(/too large/);
    expect(normalizeNumber("")).toEqual({ ok: false, reason: "no value" });
  });
});

describe("normalizeInt", () => {
  it("accepts whole numbers however they are written", () => {
    expect(int("1,200")).toBe(1200);
    expect(int("1.5K")).toBe(1500);
    expect(int(5000)).toBe(5000);
    expect(int("5000.0")).toBe(5000);
  });
  it("rejects fractions and unsafe integers", () => {
    expect(int("12.5")).toBe('invalid: "12.5" is not a whole number: 12.5 has a fractional part');
    expect(int(2 ** 60)).toMatch(/too large/);
    expect(int("ten")).toMatch(/is not a number/);
  });
});
