import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ISO_UPDATES, OUTPUT, SOURCE_PACKAGE, generateRegions } from "../scripts/gen-regions.mjs";
import { REGION_SOURCE, listRegions, regionName } from "../src/index.js";

const require = createRequire(import.meta.url);

describe("generated subdivision table", () => {
  it("is up to date with the generator and the installed iso3166-2-db", () => {
    // Fails after a dependency bump or a generator change until `pnpm --filter @carve/values gen:regions` is run.
    expect(readFileSync(OUTPUT, "utf8")).toBe(generateRegions());
  });

  it("records the source package and the version actually installed", () => {
    const installed = require(`${SOURCE_PACKAGE}/package.json`).version as string;
    expect(REGION_SOURCE).toEqual({ package: "iso3166-2-db", version: installed, view: "dispute/UN" });
    expect(readFileSync(OUTPUT, "utf8")).toContain(`Source: iso3166-2-db@${installed}`);
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`iso3166-2-db@${installed}`);
  });

  it("has the subdivisions territory plans use most", () => {
    const count = (cc: string) => listRegions(cc).length;
    expect(count("US")).toBe(57); // 50 states, DC and 6 outlying areas
    expect(count("CA")).toBe(13);
    expect(count("DE")).toBe(16);
    expect(count("AU")).toBe(8);
    expect(count("GB")).toBe(4);
    expect(regionName("US-CA")).toBe("California");
    expect(regionName("US-NY")).toBe("New York");
    expect(regionName("US-PR")).toBe("Puerto Rico");
    expect(regionName("CA-ON")).toBe("Ontario");
    expect(regionName("CA-QC")).toBe("Quebec");
    expect(regionName("GB-SCT")).toBe("Scotland");
    expect(regionName("DE-BY")).toBe("Bavaria");
    expect(regionName("FR-IDF")).toBe("Île-de-France");
    expect(regionName("AU-NSW")).toBe("New South Wales");
    expect(regionName("IN-MH")).toBe("Maharashtra");
    expect(regionName("MX-JAL")).toBe("Jalisco");
    expect(regionName("JP-13")).toBe("Tokyo");
  });

  it("applies the ISO 3166-2 updates newer than the package, keeping old codes as aliases", () => {
    for (const [country, up] of Object.entries(ISO_UPDATES)) {
      for (const [oldCode, newCode] of Object.entries(up.rename ?? {})) {
        expect(listRegions(country).some((r) => r.code === `${country}-${newCode}`)).toBe(true);
        expect(listRegions(country).some((r) => r.code === `${country}-${oldCode}`)).toBe(false);
        expect(regionName(`${country}-${oldCode}`)).toBe(regionName(`${country}-${newCode}`));
      }
    }
    expect(regionName("IN-TS")).toBe("Telangana");
    expect(regionName("IN-OD")).toBe("Odisha");
    expect(regionName("IN-LA")).toBe("Ladakh");
    expect(regionName("IN-DD")).toBe("Dadra and Nagar Haveli and Daman and Diu");
    expect(regionName("CN-BJ")).toBe("Beijing");
    expect(regionName("CN-11")).toBe("Beijing");
    expect(listRegions("IN")).toHaveLength(36); // 28 states and 8 union territories
    expect(listRegions("CN")).toHaveLength(31);
  });

  it("holds only well-formed codes with names, sorted, and no duplicates", () => {
    const all = listRegions();
    expect(all.length).toBeGreaterThan(3500);
    const codes = all.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const r of all) {
      expect(r.code).toMatch(/^[A-Z]{2}-[A-Z0-9]{1,3}$/);
      expect(r.name.trim()).not.toBe("");
    }
  });
});
