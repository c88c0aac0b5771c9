// What may stand at the cursor, read from the tokens before it (see completion-scan.ts): which
// keywords, and which kinds of names or values. The grammar decides this; completion.ts looks the
// names and values up in the program.
import type { CarveToken } from "@carve/language";
import { ownTokens, type Scan } from "./completion-scan.js";

export type Part =
  | { kind: "keywords"; words: readonly string[] }
  /** record fields; `exclude` those already given, `rep` only fields of type rep */
  | { kind: "fields"; exclude?: readonly string[]; rep?: boolean }
  | { kind: "symbols"; kinds: readonly ("rep" | "team" | "queue" | "segment" | "override")[] }
  /** values of a field; `scope` is the condition or `given` block, for the country of a region */
  | { kind: "values"; field: string; scope: readonly CarveToken[] }
  /** sets that fit the field (`pattern`: for `starts with` and the like) */
  | { kind: "sets"; field?: string; pattern: boolean }
  | { kind: "paths"; overlay: boolean }
  | { kind: "types" };

const TOP_LEVEL = ["ruleset", "import", "record", "rep", "queue", "team", "set", "segment", "override", "territories", "overlays", "test"];
const TERRITORY_CLAUSES = ["when", "assign", "from", "until", "territories"];
const OVERRIDE_CLAUSES = ["when", "assign", "from", "until"];
const TEAM_CLAUSES = ["members", "strategy", "overflow"];
const REP_ATTRIBUTES = ["email", "capacity", "away", "from", "until"];
const TEST_CLAUSES = ["as", "given", "expect"];
const EXPECTATIONS = ["territory", "owner", "unassigned", "invalid", "overlay"];
const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);
const FIELD_OPERATORS = ["in", "not", "is", "starts", "ends", "contains"];
const TARGETS: Part[] = [{ kind: "symbols", kinds: ["rep", "team", "queue"] }, { kind: "fields", rep: true }];
const OPERAND: Part[] = [{ kind: "fields" }, { kind: "symbols", kinds: ["segment"] }, { kind: "keywords", words: ["not"] }];

const kw = (...words: string[]): Part => ({ kind: "keywords", words });
const text = (t: CarveToken | undefined) => t?.text;

/** The parts that may stand at the cursor; `isField` tells a field from a segment name. */
export function completionContext(scan: Scan, isField: (name: string) => boolean): Part[] {
  const { tokens, open } = scan;
  if (open < 0) return topLevel(tokens, isField);
  const header = blockHeader(tokens, open);
  const own = ownTokens(tokens, open + 1);
  switch (header) {
    case "record": return recordBody(own);
    case "rep": return own.length === 0 || !REP_ATTRIBUTES.includes(text(own[own.length - 1]) ?? "") ? [kw(...REP_ATTRIBUTES)] : [];
    case "team": return teamBody(own);
    case "territory": return clauses(own, TERRITORY_CLAUSES, isField);
    case "override": return clauses(own, OVERRIDE_CLAUSES, isField);
    case "territories": return text(own[own.length - 1]) === "otherwise" ? TARGETS : [kw("territory", "otherwise")];
    case "overlays": return [kw("territory")];
    case "test": return testBody(own);
    case "given": return givenBody(own);
    default: return [];
  }
}

type Header = "record" | "rep" | "team" | "territory" | "override" | "territories" | "overlays" | "test" | "given";
const HEADERS = new Set<string>(["record", "rep", "team", "territory", "override", "territories", "overlays", "test", "given"]);

/** The keyword that introduces the block opened at tokens[open] (`territory NAME "label" {`). */
function blockHeader(tokens: CarveToken[], open: number): Header | undefined {
  for (let i = open - 1; i >= Math.max(0, open - 3); i--) {
    const t = tokens[i];
    if (HEADERS.has(t.text) && (t.kind === "keyword" || t.kind === "contextualKeyword")) return t.text as Header;
    // A reserved word ends the header; a contextual one may be a name or a policy (`territories first {`).
    if (t.kind === "keyword") return undefined;
  }
  return undefined;
}

function topLevel(tokens: CarveToken[], isField: (name: string) => boolean): Part[] {
  const prev = text(tokens[tokens.length - 1]);
  if (prev === undefined || prev === "}") return [kw(...TOP_LEVEL)];
  if (prev === "territories") return [kw("first", "unique")];
  // The declaration the cursor is in: the last top-level keyword (`is set` is a test, not a `set`).
  let decl = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === "keyword" && TOP_LEVEL.includes(t.text) && !(t.text === "set" && /^(is|not)$/.test(text(tokens[i - 1]) ?? ""))) {
      decl = i;
      break;
    }
  }
  const kind = text(tokens[decl]);
  if (kind === "segment") {
    const eq = tokens.findIndex((t, i) => i > decl && t.text === "=");
    if (eq < 0) return [];
    const cond = condition(tokens.slice(eq + 1), isField);
    return cond === "complete" ? [kw("and", "or", ...TOP_LEVEL)] : cond;
  }
  if (kind === "set" && tokens.slice(decl).some((t) => t.text === "[") && !tokens.slice(decl).some((t) => t.text === "]")) return [];
  // Right after a keyword that wants a name, or after the name, the user is naming something new.
  const last = tokens.length - 1;
  if (decl === last || (decl === last - 1 && tokens[last].kind !== "string")) return [];
  return [kw(...TOP_LEVEL)];
}

function recordBody(own: CarveToken[]): Part[] {
  const prev = text(own[own.length - 1]);
  if (prev === ":") return [{ kind: "types" }];
  // Inside `enum(…)` the user writes the values.
  if (innermostParen(own)) return [];
  const before = text(own[own.length - 2]);
  if (prev === "?" || before === ":") return [kw("key")];
  return [];
}

function innermostParen(tokens: CarveToken[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i].text === ")") return false;
    if (tokens[i].text === "(") return true;
  }
  return false;
}

function teamBody(own: CarveToken[]): Part[] {
  const prev = own[own.length - 1];
  const clause = lastOf(own, TEAM_CLAUSES);
  if (prev === undefined) return [kw(...TEAM_CLAUSES)];
  if (prev.text === "strategy") return [kw("hash", "round_robin", "least_loaded")];
  if (prev.text === "(" && text(own[own.length - 2]) === "hash") return [{ kind: "fields" }];
  if (prev.text === "overflow") return TARGETS;
  if (clause === "members") {
    if (prev.text === "members" || prev.text === ",") return [{ kind: "symbols", kinds: ["rep"] }];
    if (["weight", "from", "until"].includes(prev.text)) return [];
    return [kw("weight", "from", "until", "strategy", "overflow")];
  }
  return [kw(...TEAM_CLAUSES)];
}

function clauses(own: CarveToken[], words: string[], isField: (name: string) => boolean): Part[] {
  const prev = text(own[own.length - 1]);
  if (prev === undefined) return [kw(...words)];
  if (prev === "territories") return [kw("first", "unique")];
  if (prev === "assign") return TARGETS;
  if (prev === "from" || prev === "until") return [];
  const at = lastIndexOf(own, words);
  if (at >= 0 && own[at].text === "when") {
    const cond = condition(own.slice(at + 1), isField);
    if (cond !== "complete") return cond;
    return [kw("and", "or", ...words)];
  }
  return [kw(...words)];
}

/** What a condition (the tokens after `when` or `=`) needs next, or "complete" when it could end here. */
function condition(cond: CarveToken[], isField: (name: string) => boolean): Part[] | "complete" {
  const n = cond.length;
  const prev = cond[n - 1];
  if (!prev || ["and", "or", "("].includes(prev.text)) return OPERAND;
  if (prev.text === "not") {
    const before = cond[n - 2];
    if (before?.text === "is") return [kw("set")];
    return !before || ["and", "or", "(", "not"].includes(before.text) ? OPERAND : [kw("in", "starts", "ends", "contains")];
  }
  if (prev.text === "is") return [kw("set", "not")];
  if (prev.text === "starts" || prev.text === "ends") return [kw("with")];
  if (COMPARE.has(prev.text)) {
    const field = fieldBefore(cond, n - 1);
    return field ? [{ kind: "values", field, scope: cond }] : [];
  }
  if (prev.text === "in") {
    const field = fieldBefore(cond, cond[n - 2]?.text === "not" ? n - 2 : n - 1);
    return [{ kind: "sets", pattern: false, ...(field ? { field } : {}) }];
  }
  if (prev.text === "with" || prev.text === "contains") {
    const at = prev.text === "with" ? n - 2 : n - 1;
    const field = fieldBefore(cond, cond[at - 1]?.text === "not" ? at - 1 : at);
    return [{ kind: "sets", pattern: true, ...(field ? { field } : {}) }];
  }
  const list = openBracket(cond);
  if (list >= 0) {
    if (prev.text !== "[" && prev.text !== ",") return [];
    // Values only in `in [...]`: the lists of `starts with [...]` and the like hold text patterns.
    const op = list - 1;
    if (cond[op]?.text !== "in") return [];
    const field = fieldBefore(cond, cond[op - 1]?.text === "not" ? op - 1 : op);
    return field ? [{ kind: "values", field, scope: cond }] : [];
  }
  const name = dottedEndingAt(cond, n - 1);
  if (name && isField(name) && !isValuePosition(cond, n - 1 - (name.split(".").length - 1) * 2)) return [kw(...FIELD_OPERATORS)];
  return "complete";
}

/** True when the token at `i` is a value (it follows an operator), not the start of a test. */
function isValuePosition(cond: CarveToken[], i: number): boolean {
  const before = text(cond[i - 1]);
  return before !== undefined && (COMPARE.has(before) || ["in", "with", "contains", "[", ",", ".."].includes(before));
}

function openBracket(cond: CarveToken[]): number {
  for (let i = cond.length - 1; i >= 0; i--) {
    if (cond[i].text === "]") return -1;
    if (cond[i].text === "[") return i;
  }
  return -1;
}

/** The dotted name that ends at tokens[end] (`account . owner`). */
export function dottedEndingAt(tokens: readonly CarveToken[], end: number): string | undefined {
  const parts: string[] = [];
  let i = end;
  while (i >= 0 && /^[A-Za-z_]/.test(tokens[i].text) && tokens[i].kind !== "keyword") {
    parts.unshift(tokens[i].text);
    if (tokens[i - 1]?.text !== ".") break;
    i -= 2;
  }
  return parts.length > 0 ? parts.join(".") : undefined;
}

/** The field name written just before the operator at tokens[op]. */
function fieldBefore(tokens: readonly CarveToken[], op: number): string | undefined {
  return dottedEndingAt(tokens, op - 1);
}

function testBody(own: CarveToken[]): Part[] {
  const n = own.length;
  const prev = text(own[n - 1]);
  const before = text(own[n - 2]);
  if (prev === undefined) return [kw(...TEST_CLAUSES)];
  if (prev === "as") return [kw("of")];
  if (prev === "of" && before === "as") return [];
  if (prev === "expect") return [kw(...EXPECTATIONS)];
  if (prev === "via") return [kw("override", "territory", "otherwise")];
  if (prev === "override" && before === "via") return [{ kind: "symbols", kinds: ["override"] }];
  if (prev === "territory") return [{ kind: "paths", overlay: false }];
  if (prev === "overlay") return [{ kind: "paths", overlay: true }];
  if (prev === "invalid") return [{ kind: "fields" }];
  if (prev === "owner") return [{ kind: "symbols", kinds: ["rep", "queue"] }, kw("in")];
  if (prev === "in" && before === "owner") return [{ kind: "symbols", kinds: ["team"] }];
  const expect = lastIndexOf(own, ["expect"]);
  const kind = text(own[expect + 1]);
  // After a whole expectation: another one, or `via` for the owner and territory ones.
  if (expect >= 0 && (kind === "owner" || kind === "territory") && !own.slice(expect).some((t) => t.text === "via")) {
    return [kw("via", "expect")];
  }
  if (expect >= 0) return [kw("expect")];
  return [kw(...(own.some((t) => t.text === "given") ? ["expect"] : ["given", "expect"]))];
}

function givenBody(own: CarveToken[]): Part[] {
  const n = own.length;
  const prev = text(own[n - 1]);
  if (prev === undefined || prev === ",") {
    const given: string[] = [];
    for (let i = 0; i < n; i++) if (own[i].text === ":") given.push(dottedEndingAt(own, i - 1) ?? "");
    return [{ kind: "fields", exclude: given }];
  }
  if (prev === ":") {
    const field = dottedEndingAt(own, n - 2);
    return field ? [{ kind: "values", field, scope: own }] : [];
  }
  return [];
}

function lastOf(tokens: CarveToken[], words: readonly string[]): string | undefined {
  return text(tokens[lastIndexOf(tokens, words)]);
}

function lastIndexOf(tokens: CarveToken[], words: readonly string[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if ((t.kind === "keyword" || t.kind === "contextualKeyword") && words.includes(t.text)) return i;
  }
  return -1;
}
