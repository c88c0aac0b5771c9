// Salesforce "filter logic" (`booleanFilter`): item numbers combined with AND, OR, NOT and
// parentheses, in any case and spacing ("1 AND (2 or NOT 3)"). Salesforce itself refuses AND and OR
// mixed without parentheses; we read them with the usual precedence (NOT, then AND, then OR).

export type Filter =
  | { kind: "item"; index: number }
  | { kind: "and" | "or"; items: Filter[] }
  | { kind: "not"; item: Filter };

export type FilterResult = { ok: true; filter: Filter } | { ok: false; reason: string };

type Token = { kind: "num"; value: number } | { kind: "and" | "or" | "not" | "(" | ")" };

function tokenize(text: string): Token[] | string {
  const out: Token[] = [];
  const re = /\s*(?:(\d+)|(AND|OR|NOT)\b|([()]))/iy;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return `unexpected \`${text.slice(pos).trim().split(/\s+/)[0]}\``;
    if (m[1] !== undefined) out.push({ kind: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: m[2].toLowerCase() as "and" | "or" | "not" });
    else out.push({ kind: m[3] as "(" | ")" });
    pos = re.lastIndex;
  }
  return out;
}

/** Parses filter logic over items numbered 1..`count`. */
export function parseBooleanFilter(text: string, count: number): FilterResult {
  const tokens = tokenize(text);
  if (typeof tokens === "string") return { ok: false, reason: `filter logic "${text}": ${tokens}` };
  let i = 0;
  const peek = () => tokens[i]?.kind;
  const fail = (why: string): never => {
    throw new Error(why);
  };
  const chain = (kind: "and" | "or", next: () => Filter): Filter => {
    const items = [next()];
    while (peek() === kind) {
      i++;
      items.push(next());
    }
    return items.length === 1 ? items[0] : { kind, items };
  };
  const orExpr = (): Filter => chain("or", andExpr);
  const andExpr = (): Filter => chain("and", notExpr);
  const notExpr = (): Filter => {
    const t = tokens[i];
    if (!t) return fail("it ends too early");
    i++;
    if (t.kind === "not") return { kind: "not", item: notExpr() };
    if (t.kind === "(") {
      const inner = orExpr();
      if (peek() !== ")") fail("a `(` is not closed");
      i++;
      return inner;
    }
    if (t.kind === "num") {
      if (t.value < 1 || t.value > count) fail(`item ${t.value} does not exist (there ${count === 1 ? "is 1 item" : `are ${count} items`})`);
      return { kind: "item", index: t.value - 1 };
    }
    return fail(`unexpected \`${t.kind === ")" ? ")" : t.kind.toUpperCase()}\``);
  };
  try {
    const filter = orExpr();
    if (i < tokens.length) fail(`unexpected \`${describe(tokens[i])}\` after a complete expression`);
    return { ok: true, filter };
  } catch (e) {
    return { ok: false, reason: `filter logic "${text}": ${(e as Error).message}` };
  }
}

function describe(t: Token): string {
  return t.kind === "num" ? String(t.value) : t.kind === "(" || t.kind === ")" ? t.kind : t.kind.toUpperCase();
}

/** The filter Salesforce applies when a rule has none: every item, joined by AND. */
export function allOf(count: number): Filter {
  const items: Filter[] = Array.from({ length: count }, (_, index) => ({ kind: "item", index }));
  return items.length === 1 ? items[0] : { kind: "and", items };
}

/** The item indexes a filter refers to. */
export function filterItems(f: Filter, out = new Set<number>()): Set<number> {
  if (f.kind === "item") out.add(f.index);
  else if (f.kind === "not") filterItems(f.item, out);
  else for (const x of f.items) filterItems(x, out);
  return out;
}
