// Normalising an already-normalised value returns it unchanged, in every domain: the runtime may
// see stored, already-clean data, and the checker normalises literals the same way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  listCountries, listRegions, normalizeBool, normalizeCountry, normalizeDate, normalizeDomain, normalizeEnum,
  normalizeInt, normalizeNumber, normalizePostal, normalizeRegion, normalizeString, type Normalized,
} from "../src/index.js";

const countries = listCountries();
const regions = listRegions();

/** Case and surrounding-space noise, as CRM exports add it. */
const messy = (s: string) =>
  fc.tuple(fc.constantFrom("", " ", "  "), fc.constantFrom("keep", "upper", "lower"), fc.constantFrom("", " ")).map(
    ([pre, c, post]) => pre + (c === "upper" ? s.toUpperCase() : c === "lower" ? s.toLowerCase() : s) + post,
  );

function idempotent<T>(normalize: (x: unknown) => Normalized<T>, input: unknown): void {
  const first = normalize(input);
  if (!first.ok) return;
  expect(normalize(first.value)).toEqual(first);
}

describe("idempotence", () => {
  it("country", () => {
    const inputs = fc.oneof(
      fc.constantFrom(...countries.map((c) => c.code)).chain(messy),
      fc.constantFrom(...countries.map((c) => c.name)).chain(messy),
      fc.string(),
    );
    fc.assert(fc.property(inputs, (x) => idempotent(normalizeCountry, x)), { numRuns: 2000 });
  });

  it("region, with and without the country", () => {
    const inputs = fc.oneof(
      fc.constantFrom(...regions.map((r) => r.code)).chain(messy),
      fc.constantFrom(...regions.map((r) => r.name)).chain(messy),
      fc.constantFrom(...regions.map((r) => r.code.slice(3))),
      fc.string({ maxLength: 8 }),
    );
    const country = fc.option(fc.constantFrom("US", "CA", "IN", "DE", "GB", "United States", "Atlantis"), { nil: undefined });
    fc.assert(
      fc.property(inputs, country, (x, cc) => {
        const first = normalizeRegion(x, cc);
        if (!first.ok) return;
        expect(normalizeRegion(first.value, cc)).toEqual(first);
        expect(normalizeRegion(first.value)).toEqual(first);
        expect(normalizeRegion(first.value, first.value.slice(0, 2))).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it("postal, per country", () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
    const alnum = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -"), maxLength: 14 });
    const inputs = fc.oneof(
      fc.tuple(digits(5), fc.constantFrom("", "-", " ", "x"), fc.option(digits(4), { nil: "" })).map(([a, s, b]) => a + (b ? s + b : "")),
      alnum,
      fc.integer({ min: 0, max: 999_999_999 }),
    );
    const country = fc.option(fc.constantFrom("US", "PR", "CA", "GB", "FR", "NL", "Atlantis"), { nil: undefined });
    fc.assert(
      fc.property(inputs, country, (x, cc) => idempotent((v) => normalizePostal(v, cc), x)),
      { numRuns: 3000 },
    );
    for (const [x, cc] of [["m5v 2t6", "CA"], ["sw1a1aa", "GB"], ["ec1a1bb", "GB"], ["941051234", "US"]] as const) {
      idempotent((v) => normalizePostal(v, cc), x);
    }
  });

  it("domain: every generated domain, URL and e-mail address yields a domain", () => {
    for (const x of fc.sample(fc.oneof(fc.domain(), fc.webUrl(), fc.emailAddress()), 1000)) expect(normalizeDomain(x).ok).toBe(true);
  });

  it("domain", () => {
    const inputs = fc.oneof(fc.domain(), fc.webUrl(), fc.emailAddress(), fc.domain().map((d) => `https://www.${d.toUpperCase()}/x?y=1`), fc.string());
    fc.assert(fc.property(inputs, (x) => idempotent(normalizeDomain, x)), { numRuns: 2000 });
  });

  it("number, money and int", () => {
    const formatted = fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom("", "K", "m", "B"), fc.constantFrom("", "$", "€")).map(
      ([n, suffix, sym]) => `${sym}${n.toLocaleString("en-US")}${suffix}`,
    );
    const inputs = fc.oneof(fc.double(), fc.integer(), formatted, fc.string());
    fc.assert(
      fc.property(inputs, (x) => {
        idempotent(normalizeNumber, x);
        idempotent(normalizeInt, x);
      }),
      { numRuns: 3000 },
    );
  });

  it("bool, date, enum and string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.boolean(), fc.constantFrom("yes", "No", " Y ", "0", "TRUE"), fc.string()), (x) => idempotent(normalizeBool, x)),
    );
    const day = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true });
    fc.assert(
      fc.property(fc.oneof(day, day.map((d) => d.toISOString()), day.map((d) => d.toISOString().slice(0, 10)), fc.string()), (x) =>
        idempotent(normalizeDate, x),
      ),
    );
    const values = ["software", "healthcare", "public_sector", "Other"];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...values).chain(messy), fc.string()), (x) => idempotent((v) => normalizeEnum(v, values), x)),
    );
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean()), (x) => idempotent(normalizeString, x)));
  });
});
