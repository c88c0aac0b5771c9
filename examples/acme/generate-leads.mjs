#!/usr/bin/env node
// Generates examples/acme/leads.csv: CRM-style leads for the acme ruleset, messy the way real
// exports are — countries and regions spelled every which way, ZIP, ZIP+4 and Canadian postcodes,
// revenue as "$3.5M" or "1,200,000", empty cells — and a small share of rows that are invalid on
// purpose ("Atlantis", employees "many", an unknown rep…) so `carve assign` has something to reject.
//
// Deterministic: a seeded PRNG (mulberry32) and no clock, so the same flags write the same bytes.
//   node examples/acme/generate-leads.mjs                         # 5,000 rows → examples/acme/leads.csv
//   node examples/acme/generate-leads.mjs --count 1000000 --out /tmp/leads-1m.csv   # for benchmarks
import { closeSync, openSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";

function flags(argv) {
  const o = { count: 5000, out: fileURLToPath(new URL("./leads.csv", import.meta.url)), seed: 27 };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === "--count" || name === "--seed") {
      if (!/^\d+$/.test(value ?? "")) fail(`${name} needs a whole number, got ${value ?? "nothing"}`);
      o[name.slice(2)] = Number(value);
      i++;
    } else if (name === "--out") {
      if (!value) fail("--out needs a file name");
      o.out = value;
      i++;
    } else fail(`unknown flag ${name}; use --count N, --out FILE, --seed N`);
  }
  return o;
}

function fail(message) {
  process.stderr.write(`generate-leads: ${message}\n`);
  process.exit(2);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const { count, out, seed } = flags(process.argv.slice(2));
const rnd = mulberry32(seed);
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
/** [[weight, value], …] */
const weighted = (pairs) => {
  const total = pairs.reduce((n, [w]) => n + w, 0);
  let r = rnd() * total;
  for (const [w, v] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][1];
};
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join("");
const letter = () => "ABCEGHJKLMNPRSTVXY"[int(0, 17)];

// state: [code, name, ZIP prefixes, weight]
const US_STATES = [
  ["CA", "California", ["941", "900", "921", "956"], 16], ["NY", "New York", ["100", "112", "146"], 10],
  ["TX", "Texas", ["750", "770", "787"], 10], ["WA", "Washington", ["980", "981", "992"], 6],
  ["OR", "Oregon", ["970", "972"], 3], ["FL", "Florida", ["331", "327"], 7], ["IL", "Illinois", ["606", "601"], 6],
  ["MA", "Massachusetts", ["021", "024"], 5], ["CO", "Colorado", ["802"], 4], ["AZ", "Arizona", ["850", "857"], 3],
  ["NV", "Nevada", ["891", "895"], 2], ["UT", "Utah", ["840"], 2], ["GA", "Georgia", ["303"], 4],
  ["NC", "North Carolina", ["276", "282"], 4], ["ID", "Idaho", ["837"], 1], ["PA", "Pennsylvania", ["191", "152"], 5],
  ["NJ", "New Jersey", ["070", "085"], 4], ["VA", "Virginia", ["220", "232"], 4], ["MN", "Minnesota", ["554"], 3],
  ["MI", "Michigan", ["482"], 3],
];
const CA_PROVINCES = [
  ["ON", "Ontario", ["M5V", "K1A", "L4C"], 5], ["BC", "British Columbia", ["V6B", "V8W"], 3],
  ["QC", "Quebec", ["H3B", "G1R"], 3], ["AB", "Alberta", ["T2P", "T5J"], 2],
];
// [spellings, postal maker, regions ([spelling…] or none), weight]
const OTHER = [
  [["United Kingdom", "UK", "GB", "England", "Great Britain"], () => pick(["SW1A 1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "sw1a1aa"]), null, 7],
  [["Germany", "DE", "DEU"], () => pick(["10115", "80331", "20095", "50667"]), ["Bavaria", "BY", "Berlin", "BE"], 5],
  [["France", "FR"], () => pick(["75008", "69002", "13001"]), null, 4],
  [["Australia", "AU"], () => pick(["2000", "3000", "6000"]), null, 3],
  [["Netherlands", "Holland", "NL"], () => pick(["1012 AB", "3011 AD"]), null, 2],
  [["Japan", "JP"], () => pick(["100-0001", "530-0001"]), null, 2],
  [["Brazil", "BR"], () => pick(["01310-100", "20040-020"]), null, 2],
  [["India", "IN"], () => pick(["110001", "560001"]), null, 2],
  [["Mexico", "MX"], () => pick(["06600", "44100"]), null, 1],
];
const INDUSTRIES = [
  [20, "software"], [10, "healthcare"], [8, "fintech"], [10, "manufacturing"], [6, "logistics"], [9, "retail"],
  [4, "public_sector"], [5, "other"],
];
const SOURCES = [[45, "inbound"], [30, "outbound"], [15, "partner"], [10, "event"]];
const NAMES = ["Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent", "Cyberdyne",
  "Wonka", "Gringotts", "Oscorp", "Monarch", "Aperture", "Massive", "Dunder", "Pied Piper", "Prestige", "Sterling"];
const SUFFIXES = ["Inc", "LLC", "Labs", "Systems", "Group", "Holdings", "Health", "Logistics", "Retail", "Partners"];
const OWNERS = ["bob", "alice", "erin", "Carol", "bob@acme.com", "alice@acme.com", "dana"];
const NAMED = ["0015g00000A1", "0015g00000B7"];

const casing = (s) => weighted([[70, s], [15, s.toLowerCase()], [10, s.toUpperCase()], [5, ` ${s} `]]);

function geography() {
  const where = weighted([[62, "US"], [14, "CA"], [24, "other"]]);
  if (where === "US") {
    const [code, name, zips] = weighted(US_STATES.map((s) => [s[3], s]));
    const country = weighted([[30, "United States"], [25, "US"], [20, "USA"], [8, "us"], [7, "U.S."], [5, "United States of America"], [5, " usa "]]);
    const region = weighted([[38, code], [14, `US-${code}`], [30, name], [6, code.toLowerCase()], [12, ""]]);
    const zip = `${pick(zips)}${digits(2)}`;
    const postal = weighted([[55, zip], [20, `${zip}-${digits(4)}`], [25, ""]]);
    return { country, region, postal };
  }
  if (where === "CA") {
    const [code, name, fsas] = weighted(CA_PROVINCES.map((p) => [p[3], p]));
    const country = weighted([[50, "Canada"], [25, "CA"], [10, "CAN"], [15, "canada"]]);
    const region = weighted([[45, code], [35, name], [20, ""]]);
    const pc = `${pick(fsas)} ${int(1, 9)}${letter()}${int(0, 9)}`;
    const postal = weighted([[50, pc], [20, pc.replace(" ", "").toLowerCase()], [30, ""]]);
    return { country, region, postal };
  }
  const [spellings, postal, regions] = weighted(OTHER.map((o) => [o[3], o]));
  return { country: pick(spellings), region: regions && chance(0.4) ? pick(regions) : "", postal: chance(0.6) ? postal() : "" };
}

function employeesCell(n) {
  return weighted([
    [60, String(n)],
    [n >= 1000 ? 25 : 0, n.toLocaleString("en-US")],
    [n >= 1000 && n % 100 === 0 ? 10 : 0, `${n / 1000}K`],
    [5, ` ${n} `],
  ]);
}

function revenueCell(employees) {
  if (chance(0.35)) return "";
  const dollars = Math.round((employees * int(80, 300)) / 10) * 10_000;
  const m = dollars / 1_000_000;
  return weighted([
    [25, String(dollars)],
    [20, dollars.toLocaleString("en-US")],
    [m >= 1 ? 25 : 0, `$${+m.toFixed(1)}M`],
    [m >= 1 ? 10 : 0, `${+m.toFixed(1)}M`],
    [m < 1 ? 20 : 0, `$${Math.round(dollars / 1000)}K`],
    [5, `€${+m.toFixed(2)}M`],
  ]);
}

function company() {
  const name = `${pick(NAMES)} ${pick(SUFFIXES)}`;
  return weighted([[90, name], [6, `${pick(NAMES)}, ${pick(NAMES)} & Co`], [4, `The "${pick(NAMES)}" Company`]]);
}

function account() {
  if (chance(0.02)) return { id: pick(NAMED), owner: "", status: "prospect" };
  if (!chance(0.22)) return { id: "", owner: "", status: chance(0.05) ? "Prospect" : "" };
  const status = weighted([[50, "customer"], [30, "prospect"], [20, "churned"]]);
  const owner = status === "customer" ? (chance(0.85) ? pick(OWNERS) : "") : chance(0.1) ? pick(OWNERS) : "";
  return { id: `0015g0000${int(0, 9)}${letter()}${int(10, 99)}`, owner, status: casing(status).trim() };
}

/** About 3% of rows get one deliberate mistake, each of a kind a CRM export really has. */
function spoil(row) {
  const r = rnd();
  if (r > 0.03) return;
  const kind = Math.floor((r / 0.03) * 8);
  switch (kind) {
    case 0: row.country = pick(["Atlantis", "Narnia", "N/A", "Unknown", "Deutschland"]); break;
    case 1: row.employees = pick(["many", "n/a", "3.5", ""]); break;
    case 2: row.industry = pick(["Aerospace", "Crypto", ""]); break;
    case 3: row.country = "United States"; row.region = pick(["Ontario", "calif.", "Bavaria"]); break;
    case 4: row.country = "US"; row.postal_code = pick(["ABCDE", "1234", "9410"]); break;
    case 5: row["account.status"] = "customer"; row["account.owner"] = pick(["zoe", "frank@acme.com"]); break;
    case 6: row.source = pick(["", "webinar"]); break;
    default: row.email_domain = pick(["localhost", "not a domain"]); break;
  }
}

const COLUMNS = ["id", "company", "country", "region", "postal_code", "industry", "employees", "annual_revenue", "source",
  "email_domain", "account.id", "account.owner", "account.status"];
const width = Math.max(6, String(count).length);

function lead(i) {
  const g = geography();
  const employees = Math.max(1, Math.round(Math.exp(rnd() * Math.log(50_000))));
  const acct = account();
  const name = company();
  const domain = `${name.split(/[ ,]/)[0].replace(/"/g, "").toLowerCase()}${pick([".com", ".io", ".co", ".net"])}`;
  const row = {
    id: `L-${String(i).padStart(width, "0")}`,
    company: name,
    country: g.country,
    region: g.region,
    postal_code: g.postal,
    industry: casing(weighted(INDUSTRIES)).trim(),
    employees: employeesCell(employees),
    annual_revenue: revenueCell(employees),
    source: casing(weighted(SOURCES)).trim(),
    email_domain: weighted([[40, domain], [15, `www.${domain}`], [10, `https://${domain}/contact`], [20, `jane@${domain}`], [15, ""]]),
    "account.id": acct.id,
    "account.owner": acct.owner,
    "account.status": acct.status,
  };
  spoil(row);
  return COLUMNS.map((c) => cell(row[c])).join(",");
}

function cell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const fd = openSync(out, "w");
let chunk = `${COLUMNS.join(",")}\n`;
for (let i = 1; i <= count; i++) {
  chunk += `${lead(i)}\n`;
  if (chunk.length > 1 << 20) {
    writeSync(fd, chunk);
    chunk = "";
  }
}
writeSync(fd, chunk);
closeSync(fd);
process.stderr.write(`wrote ${count.toLocaleString("en-US")} leads to ${out}\n`);
