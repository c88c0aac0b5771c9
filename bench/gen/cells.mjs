// Geography cells at four levels of detail: theaters (8), sales regions (~22), states/provinces/
// countries (~95) and metros by ZIP3 / postal prefix (~450). A cell is a conjunction on the
// geography fields plus its expected share of leads, which the plan uses to give big cells more
// segment × vertical detail, as real plans do.
import { CA_PROVINCES, COUNTRY_LIST, GB_OUTWARD, US_REGIONS, US_STATES } from "./geo-data.mjs";

// Shares the lead generator uses for missing geography (kept here so cell weights match it).
export const MISSING = { usRegion: 0.01, caRegion: 0.02, postal: 0.05 };

const country = (code) => COUNTRY_LIST.find((c) => c.code === code);
const share = (code) => country(code).share / 100;
const usPop = US_STATES.reduce((s, st) => s + st.pop, 0);
const caPop = CA_PROVINCES.reduce((s, p) => s + p.pop, 0);
const stateShare = (st) => share("US") * (1 - MISSING.usRegion) * (st.pop / usPop);
const provShare = (p) => share("CA") * (1 - MISSING.caRegion) * (p.pop / caPop);
const intl = COUNTRY_LIST.filter((c) => c.code !== "US" && c.code !== "CA" && c.theater !== "none");

function cell(name, label, cond, weight, queue) {
  return { name, label, cond, weight, queue };
}
const usCell = (name, label, states, extra = {}) =>
  cell(name, label, { country: ["US"], region: states.map((s) => s.code), ...extra.cond },
    extra.weight ?? states.reduce((s, st) => s + stateShare(st), 0), "na_queue");
const caCell = (name, label, provs, extra = {}) =>
  cell(name, label, { country: ["CA"], region: provs.map((p) => p.code), ...extra.cond },
    extra.weight ?? provs.reduce((s, p) => s + provShare(p), 0), "na_queue");
const countriesCell = (name, label, codes, queue) =>
  cell(name, label, { country: codes }, codes.reduce((s, c) => s + share(c), 0), queue);
const usOther = () => cell("us_unmapped", "US, region unknown", { country: ["US"] }, share("US") * MISSING.usRegion, "na_queue");
const caOther = () => cell("ca_unmapped", "Canada, province unknown", { country: ["CA"] }, share("CA") * MISSING.caRegion, "na_queue");
const byRegion = (r) => US_STATES.filter((s) => s.region === r);
const prov = (...codes) => CA_PROVINCES.filter((p) => codes.includes(p.bare));
const queueOf = (theater) => `${theater}_queue`;

function theaters() {
  const codes = (t) => intl.filter((c) => c.theater === t).map((c) => c.code);
  return [
    usCell("us_west", "US West", [...byRegion("west"), ...byRegion("mountain")]),
    usCell("us_central", "US Central", [...byRegion("central"), ...byRegion("midwest")]),
    usCell("us_east", "US East", [...byRegion("southeast"), ...byRegion("mid_atlantic"), ...byRegion("northeast")]),
    usOther(),
    caCell("canada", "Canada", CA_PROVINCES),
    countriesCell("emea", "EMEA", codes("emea"), "emea_queue"),
    countriesCell("apac", "APAC", codes("apac"), "apac_queue"),
    countriesCell("latam", "LATAM", codes("latam"), "latam_queue"),
  ];
}

function subTheaters() {
  const subs = [...new Set(intl.map((c) => c.sub))];
  return [
    ...US_REGIONS.map((r) => ({ ...usCell(`us_${r}`, `US ${r.replace("_", " ")}`, byRegion(r)), set: `${r}_states` })),
    usOther(),
    caCell("ca_east", "Canada East", prov("ON", "QC", "NS", "NB", "NL", "PE")),
    caCell("ca_west", "Canada West", prov("BC", "AB", "SK", "MB", "NT", "YT", "NU")),
    caOther(),
    ...subs.map((s) => {
      const cs = intl.filter((c) => c.sub === s);
      return countriesCell(`intl_${s}`, s.replace("_", " ").toUpperCase(), cs.map((c) => c.code), queueOf(cs[0].theater));
    }),
  ];
}

/** A postal-prefix split of one state/province: the prefixes' share of its postal codes. */
function split(base, name, label, prefixes, fraction) {
  return cell(name, label, { ...base.cond, postal_code: prefixes }, base.weight * (1 - MISSING.postal) * fraction, base.queue);
}

function states() {
  const out = [];
  for (const st of US_STATES) {
    const base = usCell(`us_${st.bare.toLowerCase()}`, st.name, [st]);
    const metros = {
      CA: [["north", "Northern California", ["94", "95", "96"]]],
      NY: [["nyc", "New York City", ["100", "101", "102", "103", "104", "110", "111", "112", "113", "114", "116"]]],
      TX: [["dfw", "Dallas–Fort Worth", ["750", "751", "752", "760", "761"]], ["houston", "Houston", ["770", "772", "773", "774", "775"]]],
    }[st.bare];
    for (const [suffix, label, prefixes] of metros ?? []) {
      const n = st.zip3.filter((z) => prefixes.some((p) => z.startsWith(p))).length;
      out.push(split(base, `${base.name}_${suffix}`, label, prefixes, n / st.zip3.length));
    }
    out.push(metros ? { ...base, name: `${base.name}_rest`, label: `${st.name}, rest` } : base);
  }
  out.push(usOther());
  const on = caCell("ca_on", "Ontario", prov("ON"));
  out.push(split(on, "ca_on_toronto", "Toronto", ["M"], 1 / 5), { ...on, name: "ca_on_rest", label: "Ontario, rest" });
  out.push(caCell("ca_qc", "Quebec", prov("QC")), caCell("ca_bc", "British Columbia", prov("BC")));
  out.push(caCell("ca_prairies", "Prairies", prov("AB", "SK", "MB")), caCell("ca_atlantic", "Atlantic Canada", prov("NS", "NB", "NL", "PE")));
  out.push(caCell("ca_north", "Northern Canada", prov("NT", "YT", "NU")), caOther());
  for (const c of intl) out.push(countriesCell(`intl_${c.code.toLowerCase()}`, c.names[0], [c.code], queueOf(c.theater)));
  return out;
}

function chunks(list, k) {
  const out = [];
  for (let i = 0; i < k; i++) out.push(list.slice(Math.floor((i * list.length) / k), Math.floor(((i + 1) * list.length) / k)));
  return out;
}

function metros() {
  const out = [];
  for (const st of US_STATES) {
    const base = usCell(`us_${st.bare.toLowerCase()}`, st.name, [st]);
    const k = Math.max(1, Math.min(st.zip3.length, Math.round(st.pop / 1.0)));
    if (k === 1) {
      out.push(base);
      continue;
    }
    chunks(st.zip3, k).forEach((zs, i) => out.push(split(base, `${base.name}_${i + 1}`, `${st.name} ${zs[0]}–${zs[zs.length - 1]}`, zs, zs.length / st.zip3.length)));
    out.push({ ...base, name: `${base.name}_rest`, label: `${st.name}, no ZIP`, weight: base.weight * MISSING.postal });
  }
  out.push(usOther());
  const caSplits = {
    ON: [["k", ["K"]], ["l", ["L"]], ["m", ["M"]], ["n", ["N"]], ["p", ["P"]]],
    QC: [["g", ["G"]], ["h", ["H"]], ["j", ["J"]]],
    BC: [["vancouver", ["V5", "V6"]]],
    AB: [["calgary", ["T2", "T3"]], ["edmonton", ["T5", "T6"]]],
  };
  for (const p of CA_PROVINCES) {
    const base = caCell(`ca_${p.bare.toLowerCase()}`, p.name, [p]);
    const parts = caSplits[p.bare];
    if (!parts) {
      out.push(base);
      continue;
    }
    // Shares: letters split a province evenly; a two-character prefix is taken as a fifth of its letter.
    for (const [suffix, prefixes] of parts) {
      const f = prefixes.reduce((s, x) => s + (x.length === 1 ? 1 / p.letters.length : 1 / (5 * p.letters.length)), 0);
      out.push(split(base, `${base.name}_${suffix}`, `${p.name} ${prefixes.join("/")}`, prefixes, f));
    }
    out.push({ ...base, name: `${base.name}_rest`, label: `${p.name}, rest` });
  }
  out.push(caOther());
  for (const c of intl) {
    const base = countriesCell(`intl_${c.code.toLowerCase()}`, c.names[0], [c.code], queueOf(c.theater));
    if (c.code === "DE" || c.code === "FR") {
      for (let d = 0; d <= 9; d++) out.push(split(base, `${base.name}_${d}`, `${c.names[0]} ${d}xxxx`, [String(d)], 1 / 10));
      out.push({ ...base, name: `${base.name}_rest`, label: `${c.names[0]}, rest` });
    } else if (c.code === "GB") {
      const groups = Object.entries(GB_OUTWARD);
      for (const [g, outward] of groups) out.push(split(base, `${base.name}_${g}`, `UK ${g.replace("_", " & ")}`, outward, 1 / groups.length));
      out.push({ ...base, name: `${base.name}_rest`, label: "UK, rest" });
    } else out.push(base);
  }
  return out;
}

/** The cell levels, coarsest first. */
export const LEVELS = [theaters, subTheaters, states, metros];
