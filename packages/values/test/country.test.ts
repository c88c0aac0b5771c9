import { describe, expect, it } from "vitest";
import { countryName, isCountryCode, listCountries, normalizeCountry } from "../src/index.js";

const value = (x: unknown) => {
  const r = normalizeCountry(x);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};

describe("normalizeCountry", () => {
  it.each([
    ["US", "US"], ["us", "US"], ["USA", "US"], ["usa", "US"], ["U.S.A.", "US"], ["U.S.", "US"],
    [" united states ", "US"], ["United States of America", "US"], ["UNITED STATES", "US"],
    ["UK", "GB"], ["United Kingdom", "GB"], ["Great Britain", "GB"], ["GBR", "GB"], ["England", "GB"],
    ["South Korea", "KR"], ["Korea, Republic of", "KR"], ["Russia", "RU"], ["Russian Federation", "RU"],
    ["Czechia", "CZ"], ["Czech Republic", "CZ"], ["Holland", "NL"], ["The Netherlands", "NL"],
    ["Canada", "CA"], ["ca", "CA"], ["DEU", "DE"], ["Germany", "DE"], ["Türkiye", "TR"], ["Turkey", "TR"],
    ["Cote d'Ivoire", "CI"], ["Côte d’Ivoire", "CI"], ["Ivory Coast", "CI"], ["UAE", "AE"],
    ["Bosnia & Herzegovina", "BA"], ["St. Kitts and Nevis", "KN"], ["Saint Lucia", "LC"],
    ["The Bahamas", "BS"], ["Moldova", "MD"], ["Vatican", "VA"], ["Holy See", "VA"], ["Aland Islands", "AX"],
  ])("%j → %s", (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it("rejects unknown countries with the fix in the reason", () => {
    expect(normalizeCountry("Atlantis")).toEqual({
      ok: false,
      reason: '"Atlantis" is not a country: use an ISO 3166-1 code such as US or an English name',
    });
    expect(value("Deutschland")).toMatch(/^invalid: "Deutschland" is not a country/); // not required by SPEC 2.5
    expect(value("XX")).toMatch(/is not a country/);
    expect(value("北京")).toMatch(/is not a country/);
  });

  it("suggests near misses", () => {
    const r = normalizeCountry("Untied States");
    expect(r).toMatchObject({ ok: false, suggestions: ["United States"] });
    expect(!r.ok && r.reason).toBe('"Untied States" is not a country: did you mean United States?');
    expect(normalizeCountry("Germnay")).toMatchObject({ ok: false, suggestions: ["Germany"] });
    expect(normalizeCountry("UX")).toMatchObject({ ok: false });
  });

  it("reports ambiguous names instead of guessing", () => {
    const congo = normalizeCountry("Congo");
    expect(congo).toMatchObject({ ok: false, suggestions: ["CD", "CG"] });
    expect(!congo.ok && congo.reason).toContain("ambiguous");
    expect(normalizeCountry("Korea")).toMatchObject({ ok: false, suggestions: ["KP", "KR"] });
  });

  it("treats empty values as missing and other types as invalid", () => {
    for (const x of [undefined, null, "", "   "]) expect(normalizeCountry(x)).toEqual({ ok: false, reason: "no value" });
    expect(value(840)).toMatch(/^invalid: expected a country, got 840/);
    expect(value({})).toMatch(/expected a country/);
  });

  it("names and lists countries", () => {
    expect(countryName("US")).toBe("United States of America");
    expect(countryName("gbr")).toBe("United Kingdom");
    expect(countryName("ZZ")).toBeUndefined();
    expect(isCountryCode("DE")).toBe(true);
    expect(isCountryCode("de")).toBe(false);
    const all = listCountries();
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(all.find((c) => c.code === "CA")?.name).toBe("Canada");
    expect(all.map((c) => c.code)).toEqual([...all.map((c) => c.code)].sort());
  });
});
