// The runtime's canonical JSON (`canonicalJson`: keys sorted by UTF-16 code units, undefined
// members left out, numbers as `String(n)`) at the speed of the engine's JSON.stringify. The
// compiler hashes and writes the artifact as canonical JSON; at 10,000 territories that is 6.5 MB,
// and the runtime's general writer (one string part per token, a sort per object) took about half
// a second where JSON.stringify takes a tenth of it. JSON.stringify writes members in the object's
// own order, so the artifact is rebuilt once with its keys in canonical order (`inCanonicalOrder`)
// and then written natively; anything that does not fit that mould goes to `canonicalJson`.
import { canonicalJson } from "@carve/runtime";

/**
 * The value with every plain object's keys in canonical order and its undefined members dropped,
 * objects already so shared rather than copied (lowering builds most of them in that order), and
 * whether JSON.stringify of the result is canonical JSON (else use `canonicalText`). For trees of
 * plain data such as the lowered artifact body: it tracks depth rather than the objects on the
 * path (a third of the walk's cost), so a cycle is only noticed past MAX_DEPTH.
 */
export function inCanonicalOrder<T>(value: T): { value: T; exact: boolean } {
  const ctx = { exact: true };
  const out = ordered(value, ctx, 0) as T;
  return { value: out, exact: ctx.exact && value !== undefined };
}

/** Deeper than any artifact: past it the value is left to canonicalJson (which reports cycles). */
const MAX_DEPTH = 64;

/** Same text as `canonicalJson(value)`. */
export function canonicalText(value: unknown): string {
  return isCanonicalOrder(value, new Set()) ? JSON.stringify(value) : canonicalJson(value);
}

/** Canonical key order, two-space indent: the same text as re-indenting `canonicalJson(value)`. */
export function prettyCanonicalText(value: unknown): string {
  return isCanonicalOrder(value, new Set()) ? JSON.stringify(value, null, 2) : JSON.stringify(JSON.parse(canonicalJson(value)), null, 2);
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

interface Context {
  exact: boolean;
}

function ordered(v: unknown, ctx: Context, depth: number): unknown {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      if (!Number.isFinite(v)) ctx.exact = false;
      return v;
    case "object":
      if (v === null) return v;
      break;
    default:
      ctx.exact = false; // undefined (as a member it is dropped below), functions, bigints, symbols
      return v;
  }
  if (depth > MAX_DEPTH) {
    ctx.exact = false;
    return v;
  }
  let out: unknown = v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === undefined) continue; // written as null, as canonicalJson does
      const y = ordered(x, ctx, depth + 1);
      if (y !== x) (copy ??= v.slice())[i] = y;
    }
    if (copy !== undefined) out = copy;
  } else if (isPlainObject(v)) {
    const keys = Object.keys(v);
    let sorted = true;
    let changed: unknown[] | undefined;
    let prev: string | undefined;
    for (let i = 0; i < keys.length; i++) {
      const x = v[keys[i]];
      if (x === undefined) {
        sorted = false;
        continue;
      }
      if (prev !== undefined && !(prev < keys[i])) sorted = false;
      prev = keys[i];
      const y = ordered(x, ctx, depth + 1);
      if (y !== x) (changed ??= keys.map((k) => v[k]))[i] = y;
    }
    if (!sorted || changed !== undefined) out = sortedCopy(v, keys, changed, ctx);
  } else ctx.exact = false;
  return out;
}

function sortedCopy(v: Record<string, unknown>, keys: string[], values: unknown[] | undefined, ctx: Context): Record<string, unknown> {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const copy: Record<string, unknown> = {};
  for (const i of order) {
    const x = values === undefined ? v[keys[i]] : values[i];
    if (x === undefined) continue;
    // "__proto__" would set the copy's prototype instead of a member
    if (keys[i] === "__proto__") Object.defineProperty(copy, keys[i], { value: x, enumerable: true, writable: true, configurable: true });
    else copy[keys[i]] = x;
  }
  // Integer-like keys enumerate first whatever the insertion order: then only canonicalJson will do.
  const written = Object.keys(copy);
  for (let i = 1; i < written.length; i++) if (!(written[i - 1] < written[i])) ctx.exact = false;
  return copy;
}

/**
 * Would JSON.stringify write exactly canonicalJson's text? Keys enumerate in sorted order (integer-
 * like keys, which objects always enumerate first, may break that), no undefined members, only
 * finite numbers and plain objects, no cycles.
 */
function isCanonicalOrder(v: unknown, open: Set<object>): boolean {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v);
    case "object":
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (open.has(v)) return false;
  open.add(v);
  let ok = true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && ok; i++) ok = v[i] === undefined || isCanonicalOrder(v[i], open);
  } else if (isPlainObject(v)) {
    let prev: string | undefined;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined || (prev !== undefined && !(prev < k)) || !isCanonicalOrder(x, open)) {
        ok = false;
        break;
      }
      prev = k;
    }
  } else ok = false;
  open.delete(v);
  return ok;
}
