#!/usr/bin/env node
// Generates src/data/regions.ts (ISO 3166-2 subdivisions with English names) from the
// `iso3166-2-db` dev dependency, so the ~18 MB package never reaches the runtime bundle.
//
//   pnpm --filter @carve/values gen:regions
//
// `generateRegions()` is pure (same installed data → same text); the test suite calls it and
// compares with the committed file, so a stale table fails CI.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export const SOURCE_PACKAGE = "iso3166-2-db";
// The UN point of view of the package's "dispute" variants (the one its README recommends).
export const SOURCE_VIEW = "dispute/UN";
export const OUTPUT = fileURLToPath(new URL("../src/data/regions.ts", import.meta.url));

// Subdivision codes are 1–3 letters or digits; the package also carries placeholder ids such as
// TF-X1~ and entries that only have a FIPS code: those are not ISO codes and are left out.
const CODE = /^[A-Z0-9]{1,3}$/;
// Characters that structure the compact table; the generator refuses names that contain them.
const RESERVED = /[|;=>"\\\n]/;

/**
 * ISO 3166-2 changes published after the package's data (ISO 3166/MA newsletters). Each one is
 * applied on top of the package; an old code stays accepted and normalises to the new one.
 * `add` names come from i18n-iso-countries (US outlying areas) or the ISO entry itself.
 */
export const ISO_UPDATES = {
  // 2023-11-23: IN-CT → IN-CG, IN-OR → IN-OD, IN-TG → IN-TS, IN-UT → IN-UK (the package still
  // uses UL, the code before UT). 2020: IN-DD and IN-DN merged into IN-DH. 2019: IN-LA added.
  IN: {
    rename: { CT: "CG", OR: "OD", TG: "TS", UL: "UK", UT: "UK" },
    merge: { DH: { name: "Dadra and Nagar Haveli and Daman and Diu", from: ["DD", "DN"] } },
    add: { LA: "Ladakh" },
  },
  // 2017-11-23: China's two-digit codes (GB/T 2260 numbers) became two-letter codes.
  CN: {
    rename: {
      11: "BJ", 12: "TJ", 13: "HE", 14: "SX", 15: "NM", 21: "LN", 22: "JL", 23: "HL", 31: "SH",
      32: "JS", 33: "ZJ", 34: "AH", 35: "FJ", 36: "JX", 37: "SD", 41: "HA", 42: "HB", 43: "HN",
      44: "GD", 45: "GX", 46: "HI", 50: "CQ", 51: "SC", 52: "GZ", 53: "YN", 54: "XZ", 61: "SN",
      62: "GS", 63: "QH", 64: "NX", 65: "XJ",
    },
  },
  // ISO 3166-2:US lists the outlying areas (their codes equal their ISO 3166-1 codes); the
  // package has only the states and DC. Names are taken from i18n-iso-countries.
  US: { addCountries: ["AS", "GU", "MP", "PR", "UM", "VI"] },
};

function packageVersion(name) {
  return require(`${name}/package.json`).version;
}

/** Folding used only to drop aliases that differ from the English name by case/accents/punctuation. */
function fold(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** @returns {Map<string, Map<string, {names: string[], legacy: boolean, to?: string}>>} */
function collect() {
  const en = require(`${SOURCE_PACKAGE}/i18n/${SOURCE_VIEW}/en.json`);
  const geonames = require(`${SOURCE_PACKAGE}/i18n/${SOURCE_VIEW}/geonames.json`);
  const countryNames = require("i18n-iso-countries/langs/en.json").countries;
  /** country → code → entry */
  const table = new Map();
  for (const country of Object.keys(en).sort()) {
    const codes = new Map();
    const alt = new Map();
    for (const r of geonames[country]?.regions ?? []) if (r.iso && r.name) alt.set(r.iso, r.name);
    for (const r of en[country].regions ?? []) {
      if (!r.iso || !CODE.test(r.iso) || !r.name) continue;
      const names = codes.get(r.iso)?.names ?? [];
      for (const n of [r.name, alt.get(r.iso)]) {
        if (n && !names.some((m) => fold(m) === fold(n))) names.push(n.trim());
      }
      codes.set(r.iso, { names });
    }
    table.set(country, codes);
  }
  for (const [country, up] of Object.entries(ISO_UPDATES)) {
    const codes = table.get(country) ?? new Map();
    table.set(country, codes);
    for (const [oldCode, newCode] of Object.entries(up.rename ?? {})) {
      const entry = codes.get(oldCode);
      if (entry && !entry.legacy) codes.set(newCode, entry);
      codes.set(oldCode, { names: [], legacy: true, to: newCode });
    }
    for (const [code, { name, from }] of Object.entries(up.merge ?? {})) {
      const names = [name];
      for (const old of from) {
        for (const n of codes.get(old)?.names ?? []) if (!names.some((m) => fold(m) === fold(n))) names.push(n);
        codes.set(old, { names: [], legacy: true, to: code });
      }
      codes.set(code, { names });
    }
    for (const [code, name] of Object.entries(up.add ?? {})) codes.set(code, { names: [name] });
    for (const code of up.addCountries ?? []) {
      const n = countryNames[code];
      codes.set(code, { names: Array.isArray(n) ? n : [n] });
    }
  }
  return table;
}

/** The text of src/data/regions.ts. */
export function generateRegions() {
  const version = packageVersion(SOURCE_PACKAGE);
  const table = collect();
  const lines = [];
  let total = 0;
  for (const [country, codes] of table) {
    if (codes.size === 0) continue;
    const parts = [];
    for (const code of [...codes.keys()].sort()) {
      const e = codes.get(code);
      if (e.legacy) {
        parts.push(`${code}>${e.to}`);
        continue;
      }
      for (const n of e.names) {
        if (RESERVED.test(n)) throw new Error(`${country}-${code}: name ${JSON.stringify(n)} contains a reserved character`);
      }
      parts.push(`${code}=${e.names.join(";")}`);
      total++;
    }
    lines.push(`  ${country}: "${parts.join("|")}",`);
  }
  return [
    `// GENERATED by scripts/gen-regions.mjs — do not edit; run \`pnpm --filter @carve/values gen:regions\`.`,
    `// Source: ${SOURCE_PACKAGE}@${version} (${SOURCE_VIEW}, English names, geonames names as aliases),`,
    `// with the ISO 3166-2 updates listed in the script's ISO_UPDATES. ${total} subdivisions.`,
    `//`,
    `// One string per ISO 3166-1 country: entries separated by "|"; "CODE=Name;Alias;…" is a current`,
    `// subdivision (first name = English name), "OLD>NEW" a superseded code that normalises to NEW.`,
    ``,
    `export const REGION_SOURCE = { package: "${SOURCE_PACKAGE}", version: "${version}", view: "${SOURCE_VIEW}" } as const;`,
    ``,
    `export const REGION_DATA: Readonly<Record<string, string>> = {`,
    ...lines,
    `};`,
    ``,
  ].join("\n");
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const text = generateRegions();
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${OUTPUT} (${(text.length / 1024).toFixed(1)} KiB)`);
}
