// Salesforce formula conditions (assignment rule entries with `<formula>`) read as criteria, when
// they only test the record's own fields: comparisons with a constant, AND/OR/NOT (also `&&`, `||`,
// `!`), ISPICKVAL, TEXT, CONTAINS, BEGINS, ISBLANK/ISNULL and bare checkbox fields. Anything else
// (dates relative to today, arithmetic, CASE, PRIORVALUE, $User…) is reported with its line.
import type { Filter } from "./boolean-filter.js";
import type { Criteria } from "./criteria.js";
import type { Item } from "./translate-item.js";

type Tok =
  | { t: "str"; v: string; at: number }
  | { t: "num"; v: string; at: number }
  | { t: "id"; v: string; at: number }
  | { t: "op"; v: string; at: number };

export type FormulaResult = { ok: true; criteria: Criteria } | { ok: false; reason: string; line: number };

class Untranslatable extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'") {
      let v = "";
      let j = i + 1;
      for (; j < src.length && src[j] !== c; j++) v += src[j] === "\\" && j + 1 < src.length ? src[++j] : src[j];
      if (j >= src.length) throw new Untranslatable("a text constant is not closed", i);
      out.push({ t: "str", v, at: i });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^[0-9]*\.?[0-9]+/.exec(src.slice(i))!;
      out.push({ t: "num", v: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$.:]*/.exec(src.slice(i))!;
      out.push({ t: "id", v: m[0], at: i });
      i += m[0].length;
    } else {
      const op = ["&&", "||", "==", "!=", "<>", "<=", ">="].find((o) => src.startsWith(o, i)) ?? c;
      if (!"&&||==!=<><=>=()=,<>!+-*/^&".includes(op)) throw new Untranslatable(`unexpected \`${op}\``, i);
      out.push({ t: "op", v: op, at: i });
      i += op.length;
    }
  }
  return out;
}

const COMPARE: Record<string, string> = { "=": "equals", "==": "equals", "!=": "notEqual", "<>": "notEqual", "<": "lessThan", "<=": "lessOrEqual", ">": "greaterThan", ">=": "greaterOrEqual" };
const FLIP: Record<string, string> = { lessThan: "greaterThan", greaterThan: "lessThan", lessOrEqual: "greaterOrEqual", greaterOrEqual: "lessOrEqual", equals: "equals", notEqual: "notEqual" };

type Operand = { kind: "field"; name: string; at: number } | { kind: "const"; value: string | undefined; at: number } | { kind: "cond"; filter: Filter };

/** Reads `src` (the formula of the entry at `file`:`line`) into criteria over synthetic items. */
export function readFormula(src: string, file: string, line: number): FormulaResult {
  const items: Item[] = [];
  const lineAt = (at: number) => line + (src.slice(0, at).match(/\n/g)?.length ?? 0);
  let toks: Tok[] = [];
  let i = 0;
  const peek = (v: string) => toks[i]?.t === "op" && toks[i].v === v;
  const expect = (v: string) => {
    if (!peek(v)) throw new Untranslatable(`expected \`${v}\``, toks[i]?.at ?? src.length);
    i++;
  };
  const item = (field: { name: string; at: number }, op: string, values: string[]): Filter => {
    if (field.name.startsWith("$")) throw new Untranslatable(`\`${field.name}\` is not a field of the record`, field.at);
    if (field.name.includes(":")) throw new Untranslatable(`\`${field.name}\` (a polymorphic reference) has no Carve equivalent`, field.at);
    items.push({ field: field.name, op, values, raw: values.join(","), file, line: lineAt(field.at) });
    return { kind: "item", index: items.length - 1 };
  };
  const asCond = (o: Operand): Filter => {
    if (o.kind === "cond") return o.filter;
    if (o.kind === "field") return item(o, "equals", ["true"]); // a checkbox on its own
    throw new Untranslatable("a constant used as a condition", o.at);
  };
  const asField = (o: Operand, what: string): { name: string; at: number } => {
    if (o.kind !== "field") throw new Untranslatable(`${what} must be a field of the record`, "at" in o ? o.at : 0);
    return o;
  };
  const args = (): Operand[] => {
    expect("(");
    const out: Operand[] = [];
    if (!peek(")")) {
      out.push(orExpr());
      while (peek(",")) {
        i++;
        out.push(orExpr());
      }
    }
    expect(")");
    return out;
  };
  const chain = (ops: string[], next: () => Operand, kind: "and" | "or"): Operand => {
    const first = next();
    if (!ops.some(peek)) return first;
    const parts = [asCond(first)];
    while (ops.some(peek)) {
      i++;
      parts.push(asCond(next()));
    }
    return { kind: "cond", filter: { kind, items: parts } };
  };
  const orExpr = (): Operand => chain(["||"], andExpr, "or");
  const andExpr = (): Operand => chain(["&&"], compare, "and");
  const compare = (): Operand => {
    const left = unary();
    const t = toks[i];
    if (!(t?.t === "op" && COMPARE[t.v])) return left;
    i++;
    const right = unary();
    for (const side of [left, right]) if (side.kind === "field" && side.name.startsWith("$")) throw new Untranslatable(`\`${side.name}\` is not a field of the record`, side.at);
    if (left.kind === "field" && right.kind === "const") return { kind: "cond", filter: item(left, COMPARE[t.v], right.value === undefined ? [] : [right.value]) };
    if (left.kind === "const" && right.kind === "field") return { kind: "cond", filter: item(right, FLIP[COMPARE[t.v]], left.value === undefined ? [] : [left.value]) };
    throw new Untranslatable("only a field compared with a constant is translated", t.at);
  };
  const unary = (): Operand => {
    const t = toks[i];
    if (t?.t === "op" && t.v === "!") {
      i++;
      return { kind: "cond", filter: { kind: "not", item: asCond(unary()) } };
    }
    const p = primary();
    const next = toks[i];
    if (next?.t === "op" && "+-*/^&".includes(next.v)) throw new Untranslatable(`arithmetic (\`${next.v}\`) has no Carve equivalent`, next.at);
    return p;
  };
  const primary = (): Operand => {
    const t = toks[i++];
    if (!t) throw new Untranslatable("the formula ends too early", src.length);
    if (t.t === "str") return { kind: "const", value: t.v === "" ? undefined : t.v, at: t.at };
    if (t.t === "num") return { kind: "const", value: t.v, at: t.at };
    if (t.t === "op") {
      if (t.v !== "(") throw new Untranslatable(`unexpected \`${t.v}\``, t.at);
      const inner = orExpr();
      expect(")");
      return inner;
    }
    const upper = t.v.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { kind: "const", value: upper.toLowerCase(), at: t.at };
    if (upper === "NULL") return { kind: "const", value: undefined, at: t.at };
    if (!peek("(")) return { kind: "field", name: t.v, at: t.at };
    const a = args();
    const want = (n: number) => {
      if (a.length !== n) throw new Untranslatable(`${upper} takes ${n} argument${n === 1 ? "" : "s"}`, t.at);
    };
    const text = (o: Operand): string => {
      if (o.kind !== "const" || o.value === undefined) throw new Untranslatable(`${upper} needs a text constant`, t.at);
      return o.value;
    };
    switch (upper) {
      case "AND":
      case "OR":
        return { kind: "cond", filter: { kind: upper === "AND" ? "and" : "or", items: a.map(asCond) } };
      case "NOT":
        want(1);
        return { kind: "cond", filter: { kind: "not", item: asCond(a[0]) } };
      case "TEXT":
        want(1);
        return asField(a[0], "TEXT's argument") as Operand;
      case "ISPICKVAL":
        want(2);
        return { kind: "cond", filter: item(asField(a[0], "ISPICKVAL's first argument"), "equals", [text(a[1])]) };
      case "CONTAINS":
      case "BEGINS":
        want(2);
        return { kind: "cond", filter: item(asField(a[0], `${upper}'s first argument`), upper === "BEGINS" ? "startsWith" : "contains", [text(a[1])]) };
      case "ISBLANK":
      case "ISNULL":
        want(1);
        return { kind: "cond", filter: item(asField(a[0], `${upper}'s argument`), "equals", []) };
      default:
        throw new Untranslatable(`the function ${upper} has no Carve equivalent`, t.at);
    }
  };
  try {
    toks = tokenize(src);
    const top = orExpr();
    if (i < toks.length) throw new Untranslatable(`unexpected \`${toks[i].v}\``, toks[i].at);
    return { ok: true, criteria: { items, filter: asCond(top) } };
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    return { ok: false, reason: e.message, line: lineAt(e.at) };
  }
}
