// The tests' own evaluator of Salesforce formula conditions (the subset docs/salesforce.md says is
// translated), written apart from the importer's formula reader. Text compares ignoring case, as
// the import documents. Anything outside the subset (other functions, arithmetic, $globals) is
// unknown, with Kleene logic around it, and marks the result `partial`.
import { kAnd, kNot, kOr, type SfRecord, type Truth } from "./sf-interpreter.js";

const UNKNOWN = Symbol("unknown");
type V = string | number | boolean | null | typeof UNKNOWN;

export function evalFormula(src: string, rec: SfRecord, numeric: (field: string) => boolean): { value: Truth; partial: boolean } {
  const toks = src.match(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\d+(?:\.\d+)?|[A-Za-z_$][\w$.:]*|&&|\|\||==|!=|<>|<=|>=|\S/g) ?? [];
  let i = 0;
  let partial = false;
  const unknown = (): V => {
    partial = true;
    return UNKNOWN;
  };
  const next = () => toks[i++];
  const peek = () => toks[i];
  const field = (name: string): V => {
    if (name.startsWith("$") || name.includes(":")) return unknown();
    const v = rec[name];
    if (v === undefined || v.trim() === "") return null;
    if (numeric(name)) return Number(v);
    return /^(true|false)$/i.test(v) ? v.toLowerCase() === "true" : v;
  };
  const text = (v: V) => (v === null ? "" : String(v).trim().toLowerCase());
  const truth = (v: V): Truth => (typeof v === "boolean" ? v : v === null ? false : (unknown(), undefined));
  const fromTruth = (t: Truth): V => (t === undefined ? UNKNOWN : t);
  const cmp = (a: V, op: string, b: V): V => {
    if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
    if (op === "=" || op === "==") return typeof a === "number" && typeof b === "number" ? a === b : text(a) === text(b);
    if (op === "!=" || op === "<>") return !cmp(a, "=", b);
    if (a === null || b === null) return false;
    const [x, y] = typeof a === "number" && typeof b === "number" ? [a, b] : [text(a), text(b)];
    return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
  };
  const call = (name: string): V => {
    next(); // (
    const args: V[] = [];
    if (peek() !== ")") {
      args.push(or());
      while (peek() === ",") {
        i++;
        args.push(or());
      }
    }
    next(); // )
    const known = (f: () => V): V => (args.slice(0, 2).includes(UNKNOWN) ? UNKNOWN : f());
    switch (name.toUpperCase()) {
      case "AND": return fromTruth(kAnd(args.map(truth)));
      case "OR": return fromTruth(kOr(args.map(truth)));
      case "NOT": return fromTruth(kNot(truth(args[0])));
      case "TEXT": return args[0];
      case "ISPICKVAL": return known(() => text(args[0]) === text(args[1]));
      case "CONTAINS": return known(() => args[0] !== null && text(args[0]).includes(text(args[1])));
      case "BEGINS": return known(() => args[0] !== null && text(args[0]).startsWith(text(args[1])));
      case "ISBLANK":
      case "ISNULL": return known(() => args[0] === null);
      default: return unknown();
    }
  };
  const primary = (): V => {
    const t = next();
    if (t === undefined) return unknown();
    if (t === "(") {
      const v = or();
      next();
      return v;
    }
    if (t === "!") return fromTruth(kNot(truth(primary())));
    if (t === "-") return (primary(), unknown());
    if (t[0] === '"' || t[0] === "'") return t.slice(1, -1).replace(/\\(.)/g, "$1");
    if (/^\d/.test(t)) return Number(t);
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
    if (/^null$/i.test(t)) return null;
    if (/^[A-Za-z_$]/.test(t)) return peek() === "(" ? call(t) : field(t);
    return unknown();
  };
  // Arithmetic is read (to stay in step) but not evaluated.
  const arith = (): V => {
    let v = primary();
    while (peek() !== undefined && ["+", "-", "*", "/", "^", "&"].includes(peek()!)) {
      i++;
      primary();
      v = unknown();
    }
    return v;
  };
  const comparison = (): V => {
    const a = arith();
    const op = peek();
    if (op && ["=", "==", "!=", "<>", "<", ">", "<=", ">="].includes(op)) {
      i++;
      return cmp(a, op, arith());
    }
    return a;
  };
  const chain = (word: string, inner: () => V, combine: (xs: Truth[]) => Truth): V => {
    const first = inner();
    if (peek() !== word) return first;
    const xs = [truth(first)];
    while (peek() === word) {
      i++;
      xs.push(truth(inner()));
    }
    return fromTruth(combine(xs));
  };
  const and = (): V => chain("&&", comparison, kAnd);
  const or = (): V => chain("||", and, kOr);
  const v = or();
  if (i !== toks.length) partial = true;
  return { value: i !== toks.length ? undefined : v === UNKNOWN ? undefined : truth(v), partial };
}
