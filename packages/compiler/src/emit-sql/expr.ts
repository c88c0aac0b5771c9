// Small SQL expression builders that fold constants as they go. With a fixed `--as-of` every
// window and every rep's availability is a constant, so whole branches of the query disappear
// (an unavailable rep is not tested per row); with the warehouse's date they stay as tests.

/** A condition: a constant, or SQL text. SQL's NULL counts as false, as in CASE WHEN. */
export type Bool = boolean | string;

export function and(xs: readonly Bool[]): Bool {
  const parts: string[] = [];
  for (const x of xs) {
    if (x === false) return false;
    if (x !== true) parts.push(x);
  }
  return parts.length === 0 ? true : parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
}

export function or(xs: readonly Bool[]): Bool {
  const parts: string[] = [];
  for (const x of xs) {
    if (x === true) return true;
    if (x !== false) parts.push(x);
  }
  return parts.length === 0 ? false : parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
}

/** Only for conditions that are never NULL (dates against the decision date): NOT NULL is NULL. */
export function not(x: Bool): Bool {
  return typeof x === "boolean" ? !x : `(NOT ${x})`;
}

export function boolSql(x: Bool): string {
  return x === true ? "TRUE" : x === false ? "FALSE" : x;
}

/**
 * An integer that SQL computes per row, NULL meaning "no one": a constant, the constant NULL
 * (`null`), or SQL text (`notNull` when it is never NULL, so nothing after it is written).
 */
export type Code = number | null | { sql: string; notNull?: boolean };

/** NULL as an integer: a bare NULL column would be text to PostgreSQL, and joins on it would fail. */
export const NULL_INT = "CAST(NULL AS INTEGER)";

export function codeSql(c: Code): string {
  return c === null ? NULL_INT : typeof c === "number" ? String(c) : c.sql;
}

/** The first code that is not NULL; everything after a constant is never reached. */
export function coalesce(xs: readonly Code[]): Code {
  const parts: string[] = [];
  let notNull = false;
  for (const x of xs) {
    if (x === null) continue;
    if (typeof x === "number") {
      if (parts.length === 0) return x;
      parts.push(String(x));
      notNull = true;
      break;
    }
    parts.push(x.sql);
    if (x.notNull) {
      notNull = true;
      break;
    }
  }
  if (parts.length === 0) return null;
  return { sql: parts.length === 1 ? parts[0] : `COALESCE(${parts.join(", ")})`, notNull };
}

/** `code` when `cond` holds, else NULL. */
export function when(cond: Bool, code: Code): Code {
  if (cond === false || code === null) return null;
  if (cond === true) return code;
  return { sql: `CASE WHEN ${cond} THEN ${codeSql(code)} END` };
}

/** code + k (NULL stays NULL). */
export function plus(code: Code, k: number): Code {
  if (code === null || k === 0) return code;
  return typeof code === "number" ? code + k : { sql: `(${code.sql} + ${k})`, notNull: code.notNull };
}

/** A searched CASE over arms in order; a constant-true arm ends it. */
export function caseWhen(arms: readonly { when: Bool; then: string }[], otherwise: string, indent: string): string {
  const lines: string[] = [];
  for (const a of arms) {
    if (a.when === false) continue;
    if (a.when === true) {
      otherwise = a.then;
      break;
    }
    lines.push(`${indent}  WHEN ${a.when} THEN ${a.then}`);
  }
  if (lines.length === 0) return otherwise;
  return `CASE\n${lines.join("\n")}\n${indent}  ELSE ${otherwise}\n${indent}END`;
}

/** A CASE on an integer `subject`: each arm's values map to its result; anything else is NULL. */
export function caseOf(
  subject: string,
  arms: readonly { values: readonly number[]; then: string }[],
  indent: string,
  inList: (e: string, values: readonly string[], negated: boolean) => string,
): string {
  const live = arms.filter((a) => a.values.length > 0 && a.then !== NULL_INT);
  if (live.length === 0) return NULL_INT;
  const lines = live.map((a) =>
    `${indent}  WHEN ${a.values.length === 1 ? `${subject} = ${a.values[0]}` : inList(subject, a.values.map(String), false)} THEN ${a.then}`,
  );
  return `CASE\n${lines.join("\n")}\n${indent}END`;
}
