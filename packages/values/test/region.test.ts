import { describe, expect, it } from "vitest";
import { listRegions, normalizeRegion, regionCandidates, regionName } from "../src/index.js";

const value = (x: unknown, country?: string) => {
  const r = normalizeRegion(x, country);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};

describe("normalizeRegion", () => {
  it("accepts California, CA with US, and US-CA alike", () => {
    expect(value("California")).toBe("US-CA");
    expect(value("california", "US")).toBe("US-CA");
    expect(value("CA", "US")).toBe("US-CA");
    expect(value("ca", "United States")).toBe("US-CA");
    expect(value("US-CA")).toBe("US-CA");
    expect(value("us-ca", "US")).toBe("US-CA");
    expect(value("US CA")).toBe("US-CA");
    expect(value("us_ca")).toBe("US-CA");
    expect(value(" US-CA ")).toBe("US-CA");
  });

  it("reads names case-, accent- and punctuation-insensitively, with common alternative spellings", () => {
    expect(value("ONTARIO")).toBe("CA-ON");
    expect(value("Québec")).toBe("CA-QC");
    expect(value("Quebec", "CA")).toBe("CA-QC");
    expect(value("Bavaria")).toBe("DE-BY");
    expect(value("baden wurttemberg")).toBe("DE-BW");
    expect(value("Rheinland-Pfalz")).toBe("DE-RP");
    expect(value("New South Wales")).toBe("AU-NSW");
    expect(value("Scotland")).toBe("GB-SCT");
    expect(value("Tokyo", "JP")).toBe("JP-13");
    expect(value("Zurich", "CH")).toBe("CH-ZH");
    expect(value("Maharashtra")).toBe("IN-MH");
  });

  it("resolves superseded codes to the current ones", () => {
    expect(value("IN-TG")).toBe("IN-TS");
    expect(value("TG", "IN")).toBe("IN-TS");
    expect(value("IN-DD")).toBe("IN-DH");
    expect(value("CN-11")).toBe("CN-BJ");
    expect(value("Orissa", "IN")).toMatch(/^invalid/); // an old name is not in the data
  });

  it("rejects a region that contradicts the country, precisely", () => {
    expect(value("ON", "US")).toBe(
      'invalid: "ON" is not a region code of US: elsewhere it is CA-ON (Ontario), NA-ON (Oshana Region) or NG-ON (Ondo State)',
    );
    expect(value("Ontario", "US")).toBe('invalid: "Ontario" is not a region of US: it is CA-ON (Ontario)');
    expect(value("CA-ON", "US")).toBe("invalid: CA-ON (Ontario) is a region of CA, but the country is US");
    expect(value("ca on", "US")).toBe('invalid: "ca on" is CA-ON (Ontario), which is a region of CA, but the country is US');
  });

  it("suggests the intended code for a near miss", () => {
    const r = normalizeRegion("US-CAL");
    expect(r).toMatchObject({ ok: false, suggestions: ["US-CA", "US-AL"] });
    expect(!r.ok && r.reason).toBe('"US-CAL" is not an ISO 3166-2 subdivision of US: did you mean US-CA or US-AL?');
    expect(normalizeRegion("Califronia", "US")).toMatchObject({ ok: false, suggestions: ["California"] });
    expect(normalizeRegion("Califronia")).toMatchObject({ ok: false, suggestions: ["California"] });
  });

  it("needs a country for a bare code, and lists the candidates", () => {
    const r = normalizeRegion("CA");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.suggestions).toContain("US-CA");
    expect(!r.ok && r.reason).toMatch(/^"CA" is a bare region code: give the record's country or write the full code \(.*US-CA/);
  });

  it("reports names shared by several countries as ambiguous unless the country decides", () => {
    const r = normalizeRegion("Punjab");
    expect(r).toMatchObject({ ok: false, suggestions: ["IN-PB", "PK-PB"] });
    expect(!r.ok && r.reason).toContain("ambiguous");
    expect(value("Punjab", "IN")).toBe("IN-PB");
    expect(value("Punjab", "PK")).toBe("PK-PB");
  });

  it("ignores a country it cannot recognise (the country field reports it)", () => {
    expect(value("US-CA", "Atlantis")).toBe("US-CA");
    expect(value("California", "")).toBe("US-CA");
  });

  it("rejects unknown regions and non-text, and treats empty as missing", () => {
    expect(value("Narnia")).toMatch(/^invalid: "Narnia" is not a region: use an ISO 3166-2 code such as US-CA/);
    expect(value("XX-YY")).toMatch(/is not a region/);
    expect(value("Atlantis", "AQ")).toMatch(/AQ has no ISO 3166-2 subdivisions/);
    expect(value(5)).toMatch(/expected a region/);
    expect(normalizeRegion("  ", "US")).toEqual({ ok: false, reason: "no value" });
  });
});

describe("reference names", () => {
  it("every subdivision's English name resolves to it within its country, unless the country has two of that name", () => {
    for (const { code, name } of listRegions()) {
      const r = normalizeRegion(name, code.slice(0, 2));
      if (r.ok) {
        expect(r.value).toBe(code);
      } else {
        // Genuinely shared names (a city and its county, as in Taiwan) are reported, not guessed.
        expect(r.suggestions).toContain(code);
        for (const other of r.suggestions ?? []) expect(regionName(other)).toBe(name);
      }
    }
  });
});

describe("regionCandidates", () => {
  it("lists every full code with that subdivision part, sorted", () => {
    const ca = regionCandidates("CA");
    expect(ca).toContain("US-CA");
    expect(ca).toEqual([...ca].sort());
    expect(ca.every((c) => c.endsWith("-CA"))).toBe(true);
    expect(regionCandidates("on")).toEqual(["CA-ON", "NA-ON", "NG-ON"]);
    expect(regionCandidates("TG")).toContain("IN-TS"); // via the superseded code
    expect(regionCandidates("ZZZ")).toEqual([]);
  });
});
