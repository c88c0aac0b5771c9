// Canonical JSON (SPEC 3: the artifact's content hash is the SHA-256 of it): object keys sorted by
// UTF-16 code units, no white space, members whose value is `undefined` left out (as JSON.stringify
// does, so an object and its parsed JSON text hash the same), numbers in ECMAScript's shortest
// round-trip form (`String(n)`, -0 as 0). Artifacts are megabytes at 10,000 territories, so a value
// whose keys already enumerate in canonical order (an artifact as `carve compile` writes it, and as
// JSON.parse reads it back) is written by the engine's JSON.stringify, which is several times faster
// than a writer in JavaScript; anything else goes through `generalCanonicalJson`.

/**
 * The canonical JSON text of `value`. Throws a TypeError on values JSON cannot carry (NaN,
 * Infinity, bigint, functions, undefined at the top, cycles).
 */
export function canonicalJson(value: unknown): string {
  return isCanonicalOrder(value, new Set()) ? JSON.stringify(value) : generalCanonicalJson(value);
}

/** Canonical key order, two-space indent: the same text as re-indenting `canonicalJson(value)`. */
export function prettyCanonicalJson(value: unknown): string {
  return isCanonicalOrder(value, new Set()) ? JSON.stringify(value, null, 2) : JSON.stringify(JSON.parse(generalCanonicalJson(value)), null, 2);
}

/** canonicalJson written token by token, for values in any key order; the reference for the fast path. */
export function generalCanonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, new Set());
  return parts.join("");
}

function write(value: unknown, out: string[], open: Set<object>): void {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
      out.push(Object.is(value, -0) ? "0" : String(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw new TypeError(`canonical JSON cannot hold a value of type ${typeof value}`);
  }
  if (value === null) {
    out.push("null");
    return;
  }
  if (open.has(value)) throw new TypeError("canonical JSON cannot hold a cyclic structure");
  open.add(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      const v: unknown = value[i];
      if (v === undefined || typeof v === "function") out.push("null");
      else write(v, out, open);
    }
    out.push("]");
  } else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    out.push("{");
    keys.forEach((k, i) => {
      if (i > 0) out.push(",");
      out.push(JSON.stringify(k), ":");
      write(obj[k], out, open);
    });
    out.push("}");
  }
  open.delete(value);
}

/**
 * The value with every plain object's keys in canonical order and its undefined members dropped,
 * objects already so shared rather than copied (lowering builds most of them in that order), and
 * whether JSON.stringify of the result is canonical JSON. For trees of plain data such as an
 * artifact: it tracks depth rather than the objects on the
 * path (a third of the walk's cost), so a cycle is only noticed past MAX_DEPTH.
 */
export function inCanonicalOrder<T>(value: T): { value: T; exact: boolean } {
  const ctx = { exact: true };
  const out = ordered(value, ctx, 0) as T;
  return { value: out, exact: ctx.exact && value !== undefined };
}

/** Deeper than any artifact: past it the value is left to the general writer (which reports cycles). */
const MAX_DEPTH = 64;

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
  // Integer-like keys enumerate first whatever the insertion order: then only the general writer will do.
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
