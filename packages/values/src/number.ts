// `number`, `money` and `int`: JSON numbers, or text as CRM exports write it — "1,200", "1_000",
// "250M", "$3.5M", "€1.2K", "3.5m", "1.2E+06". A currency symbol is ignored (Carve compares
// amounts, it does not convert them); a comma only groups thousands, so "1,5" is rejected, not guessed.
import { fail, isMissing, missing, ok, show, type Normalized } from "./result.js";

const NUMBER =
  /^([+-]?)([$€£¥₹]?)\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*|)(?:\.(\d+))?(?:e([+-]?\d+))?\s*([kmb]?)\s*([$€£¥₹]?)$/i;
const MAGNITUDE: Readonly<Record<string, number>> = { "": 0, k: 3, m: 6, b: 9 };
const GROUPING = /[,_]/g;

const HOW = "use digits such as 1200, 1,200, 3.5M or $250K";

/** Normalises a number or amount. */
export function normalizeNumber(input: unknown): Normalized<number> {
  if (typeof input === "number") {
    if (Number.isFinite(input)) return ok(input === 0 ? 0 : input); // -0 → 0
    return fail(`${show(input)} is not a number: ${HOW}`);
  }
  if (typeof input === "bigint") return bigintToNumber(input);
  if (typeof input !== "string") return isMissing(input) ? missing() : fail(`expected a number, got ${show(input)}: ${HOW}`);
  const s = input.trim();
  if (s.length === 0) return missing();
  const m = NUMBER.exec(s);
  if (m === null || (m[4] === "" && m[5] === undefined) || (m[1] && m[3]) || (m[2] && m[8])) {
    if (s.includes(",") && !s.includes(".")) {
      return fail(`${show(input)} is not a number: a comma only groups thousands (1,200); use a dot for decimals (1.5)`);
    }
    return fail(`${show(input)} is not a number: ${HOW}`);
  }
  const negative = (m[1] || m[3]) === "-";
  const whole = m[4].replace(GROUPING, "") || "0";
  const exponent = (m[6] === undefined ? 0 : Number(m[6])) + MAGNITUDE[m[7].toLowerCase()];
  // Scaling in the decimal text, not by multiplying, keeps "1.1M" exactly 1100000.
  const value = Number(`${whole}.${m[5] ?? "0"}e${exponent}`);
  if (!Number.isFinite(value)) return fail(`${show(input)} is too large to be a number`);
  return ok(negative && value !== 0 ? -value : value);
}

/** Normalises a whole number ("1,200" and "1.5K" are whole; "12.5" is not). */
export function normalizeInt(input: unknown): Normalized<number> {
  const n = normalizeNumber(input);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return fail(`${show(input)} is not a whole number: ${n.value} has a fractional part`);
  if (!Number.isSafeInteger(n.value)) return fail(`${show(input)} is too large to be a whole number (the limit is 9,007,199,254,740,991)`);
  return n;
}

function bigintToNumber(input: bigint): Normalized<number> {
  const n = Number(input);
  return Number.isSafeInteger(n) ? ok(n) : fail(`${show(input)} is too large to be a number`);
}
