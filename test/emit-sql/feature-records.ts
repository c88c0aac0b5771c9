// Seeded random records for fixtures/features.carve, as a CRM would send them (mixed spellings,
// missing values, a few invalid rows), drawn near the plan's boundaries: range ends, prefixes,
// window dates, rep names and e-mails, non-ASCII names.

/** mulberry32: a small, fast, seeded PRNG (the same records on every run). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Acme", " globex ", "INITECH", "alpha", "Beta tech", "mango", "M", "mzz", "a", "Zed", "Äpfel AB", "naïve tech", "Łódź", "n"];
const WEBSITES = ["acme.com", "foo.io", "https://www.bar.ai/path", "tech.co.uk", "mail@baz.org", "x.ai", "shop.com"];
const US_REGIONS = ["US-CA", "California", "US-OR", "wa", "US-NY", "Texas"];
const US_ZIPS = ["94105", "94110-1234", "94501", "94599", "90000", "90210", "90211", "91999", "92000", "10001", "89999"];
const OWNERS = ["ana", "ana@example.com", "Ben", "dev", "fay", "eli"];

export function featureRecords(count: number, seed: number): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const maybe = <T>(p: number, f: () => T): T | undefined => (r() < p ? f() : undefined);
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= count; i++) {
    const country = pick(["US", "US", "United States", "CA", "SE", "NO", "fi", "GB", "JP", "DE", "FR"]);
    const rec: Record<string, unknown> = { id: `A-${String(i).padStart(5, "0")}`, country };
    const us = country === "US" || country === "United States";
    rec.name = maybe(0.8, () => pick(NAMES));
    if (us) {
      rec.region = maybe(0.9, () => pick(US_REGIONS));
      rec.postal_code = maybe(0.85, () => pick(US_ZIPS));
    } else if (country === "CA") {
      rec.region = maybe(0.7, () => pick(["CA-ON", "Quebec"]));
      rec.postal_code = maybe(0.7, () => pick(["M5V 2T6", "h2x1y4"]));
    } else if (country === "GB") rec.postal_code = maybe(0.8, () => pick(["SW1A 1AA", "sw1p 3bu", "EC1A 1BB"]));
    else if (country === "SE") rec.postal_code = maybe(0.5, () => pick(["114 55", "41101"]));
    rec.website = maybe(0.6, () => pick(WEBSITES));
    rec.tier = maybe(0.7, () => pick(["gold", "Silver", "BRONZE"]));
    rec.employees = maybe(0.85, () => pick([Math.floor(10 ** (r() * 5)), 999, 1000, 50000, 49999, 1]));
    rec.revenue = maybe(0.7, () => pick([Math.floor(r() * 80) * 1_000_000, 50_000_000, 49_999_999.5, "$12.5M", "1,200"]));
    rec.score = maybe(0.7, () => pick([Math.round((r() * 130 - 10) * 100) / 100, 0.5, 0.51, 99.75, 99.76, -1]));
    rec.signed = maybe(0.7, () => pick(["2025-12-31", "2026-01-01", "2026-06-01", "2026-12-31", "2027-01-01", dateBetween(r, 2025, 2027)]));
    rec.active = maybe(0.8, () => pick([true, false, "yes", "no", "1"]));
    if (r() < 0.5) rec.partner = { owner: maybe(0.8, () => pick(OWNERS)), program: maybe(0.8, () => pick(["resell", "Refer"])) };
    // A few records the CLI rejects: they never reach the query.
    if (r() < 0.02) rec.country = "Atlantis";
    out.push(rec);
  }
  return out;
}

function dateBetween(r: () => number, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(r() * ((to - from) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
