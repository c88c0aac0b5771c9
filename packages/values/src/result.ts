// The result shape every normaliser returns: a value, or a reason written for a RevOps person.

export type Normalized<T> = { ok: true; value: T } | { ok: false; reason: string; suggestions?: string[] };

/** The reason given for an absent value, so callers can tell "missing" from "invalid". */
export const NO_VALUE = "no value";

export function ok<T>(value: T): Normalized<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string, suggestions?: readonly string[]): Normalized<T> {
  return suggestions && suggestions.length > 0 ? { ok: false, reason, suggestions: [...suggestions] } : { ok: false, reason };
}

/**
 * A rejection whose reason ends in "did you mean …?" when there are near misses, else in `how`
 * (the general fix), so a reason read alone — in a record's error list — still names the fix.
 */
export function reject<T = never>(what: string, how: string, suggestions: readonly string[] = []): Normalized<T> {
  return suggestions.length > 0 ? fail(`${what}: did you mean ${listOf(suggestions)}?`, suggestions) : fail(`${what}: ${how}`);
}

const MISSING: Normalized<never> = Object.freeze({ ok: false, reason: NO_VALUE }) as Normalized<never>;

/** The shared "no value" failure (frozen: callers must not mutate results). */
export function missing<T = never>(): Normalized<T> {
  return MISSING;
}

/** `undefined`, `null` and strings that are empty or only white space are missing, not invalid. */
export function isMissing(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  return typeof input === "string" && (input.length === 0 || input.trim().length === 0);
}

const MAX_SHOWN = 40;

/** How a rejected input is quoted in a reason: JSON-quoted (so hostile text stays inert), shortened. */
export function show(input: unknown): string {
  if (typeof input === "string") {
    const s = input.length > MAX_SHOWN ? `${input.slice(0, MAX_SHOWN)}…` : input;
    return JSON.stringify(s);
  }
  if (typeof input === "number" || typeof input === "boolean" || typeof input === "bigint") return String(input);
  if (input instanceof Date) return "a date object";
  if (Array.isArray(input)) return "a list";
  return `a value of type ${typeof input === "object" ? "object" : typeof input}`;
}

/** "a, b or c" for lists in reasons, capped so a reason stays one readable line. */
export function listOf(items: readonly string[], max = 8): string {
  const shown = items.length > max ? [...items.slice(0, max), `… (${items.length - max} more)`] : [...items];
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}
