// The lead stream: each lead both pre-normalised (ISO codes, numbers: what the peers take) and raw,
// as a CRM export holds it ("United States", "california", "$3.5M", "1,200", "SOFTWARE").
// The raw spelling is drawn from its own PRNG, so the normalised stream never depends on it.
import { CA_PROVINCES, COUNTRY_LIST, GB_OUTWARD, INDUSTRIES, SOURCES, US_STATES } from "./geo-data.mjs";
import { MISSING } from "./cells.mjs";
import { rng, weighted } from "./random.mjs";

const pickCountry = weighted(COUNTRY_LIST, (c) => c.share);
const pickState = weighted(US_STATES, (s) => s.pop);
const pickProvince = weighted(CA_PROVINCES, (p) => p.pop);
const pickIndustry = weighted(INDUSTRIES, (i) => i[1]);
const pickSource = weighted(SOURCES, (s) => s[1]);
const GB_ALL = Object.values(GB_OUTWARD).flat();
const CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"; // letters valid after the first position
const GB_UNIT = "ABDEFGHJLNPQRSTUWXYZ";
const digits = (r, n) => Array.from({ length: n }, () => r.int(0, 9)).join("");

function postal(r, country, state, province) {
  switch (country.postal) {
    case "zip": return `${r.pick(state.zip3)}${digits(r, 2)}`;
    case "ca": return `${r.pick(province.letters)}${r.int(0, 9)}${r.pick([...CA_LETTERS])} ${r.int(0, 9)}${r.pick([...CA_LETTERS])}${r.int(0, 9)}`;
    case "gb": return `${r.pick(GB_ALL)} ${r.int(0, 9)}${r.pick([...GB_UNIT])}${r.pick([...GB_UNIT])}`;
    case "d4": return digits(r, 4);
    case "d5": return digits(r, 5);
    case "d6": return `${r.int(1, 9)}${digits(r, 5)}`;
    case "nl": return `${r.int(1, 9)}${digits(r, 3)} ${r.pick(["AB", "CD", "EX", "KL"])}`;
    case "jp": return `${digits(r, 3)}-${digits(r, 4)}`;
    default: return undefined;
  }
}

/** Two significant digits, so "$3.5M" / "120K" spell the value exactly. */
function twoDigits(x) {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.max(1, Math.round(x / p)) * p;
}

function normalisedLead(r, i) {
  const country = pickCountry(r);
  const lead = { id: `L-${String(i).padStart(7, "0")}`, country: country.code };
  const state = country.code === "US" ? pickState(r) : undefined;
  const province = country.code === "CA" ? pickProvince(r) : undefined;
  if (state && !r.chance(MISSING.usRegion)) lead.region = state.code;
  if (province && !r.chance(MISSING.caRegion)) lead.region = province.code;
  const code = r.chance(MISSING.postal) ? undefined : postal(r, country, state, province);
  if (code !== undefined) lead.postal_code = code;
  lead.industry = pickIndustry(r)[0];
  // Log-normal head count: median 45, p90 ≈ 660, p99 ≈ 6,000 (the shape of inbound B2B leads).
  lead.employees = Math.min(200_000, Math.max(1, Math.round(45 * Math.exp(2.1 * r.normal()))));
  if (!r.chance(0.1)) {
    const perHead = (["software", "fintech"].includes(lead.industry) ? 250_000 : 150_000) * Math.exp(0.6 * r.normal());
    lead.annual_revenue = twoDigits(lead.employees * perHead);
  }
  lead.source = pickSource(r)[0];
  return lead;
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function compactMoney(n) {
  for (const [suffix, scale] of [["B", 1e9], ["M", 1e6], ["K", 1e3]]) if (n >= scale) return `${n / scale}${suffix}`;
  return String(n);
}

function rawLead(r, lead) {
  const raw = { id: lead.id };
  const c = COUNTRY_LIST.find((x) => x.code === lead.country);
  raw.country = r.pick([c.code, c.code.toLowerCase(), ...c.names, c.names[0].toUpperCase(), ` ${c.names[0]} `]);
  if (lead.region !== undefined) {
    const sub = lead.country === "US" ? US_STATES.find((s) => s.code === lead.region) : CA_PROVINCES.find((p) => p.code === lead.region);
    raw.region = r.pick([sub.code, sub.code.toLowerCase(), sub.bare, sub.name, sub.name.toLowerCase(), sub.name]);
  }
  if (lead.postal_code !== undefined) {
    const p = lead.postal_code;
    raw.postal_code = lead.country === "US" ? r.pick([p, `${p}-${digits(r, 4)}`, ` ${p} `]) : r.pick([p, p.toLowerCase().replace(" ", ""), p.toLowerCase()]);
  }
  raw.industry = r.pick([lead.industry, cap(lead.industry), lead.industry.toUpperCase(), ` ${lead.industry} `]);
  raw.employees = r.pick([lead.employees, String(lead.employees), lead.employees.toLocaleString("en-US")]);
  if (lead.annual_revenue !== undefined) {
    const m = lead.annual_revenue;
    raw.annual_revenue = r.pick([m, `$${compactMoney(m)}`, compactMoney(m), `$${m.toLocaleString("en-US")}`]);
  }
  raw.source = r.pick([lead.source, cap(lead.source), lead.source.toUpperCase()]);
  return raw;
}

/** An endless, reproducible stream of { norm, raw } leads. */
export function* leadStream(seed = 424242) {
  const r = rng(seed);
  const rr = rng(seed ^ 0x5bd1e995);
  for (let i = 1; ; i++) {
    const norm = normalisedLead(r, i);
    yield { norm, raw: rawLead(rr, norm) };
  }
}

/** The first `count` leads of the stream: { norm: [...], raw: [...] }. */
export function generateLeads(count, seed) {
  const norm = [];
  const raw = [];
  const it = leadStream(seed);
  for (let i = 0; i < count; i++) {
    const { value } = it.next();
    norm.push(value.norm);
    raw.push(value.raw);
  }
  return { norm, raw };
}
