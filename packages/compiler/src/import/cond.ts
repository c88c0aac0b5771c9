// The conditions an importer builds before they become Carve text: and/or/not over tests already
// written in Carve syntax, and references to segments. Printing adds only the parentheses that
// precedence needs (the formatter then lays the text out).

export type Cond =
  | { kind: "and" | "or"; items: Cond[] }
  | { kind: "not"; item: Cond }
  | { kind: "test"; text: string }
  | { kind: "ref"; name: string };

export const test = (text: string): Cond => ({ kind: "test", text });
export const ref = (name: string): Cond => ({ kind: "ref", name });

export function and(items: Cond[]): Cond {
  const flat = items.flatMap((c) => (c.kind === "and" ? c.items : [c]));
  return flat.length === 1 ? flat[0] : { kind: "and", items: flat };
}

export function or(items: Cond[]): Cond {
  const flat = items.flatMap((c) => (c.kind === "or" ? c.items : [c]));
  return flat.length === 1 ? flat[0] : { kind: "or", items: flat };
}

export function not(item: Cond): Cond {
  if (item.kind === "not") return item.item;
  // `is set` and `is not set` are each other's negation, missing values included.
  if (item.kind === "test" && / is (not )?set$/.test(item.text) && !item.text.includes(" and ")) {
    return test(item.text.endsWith(" is not set") ? item.text.replace(/ is not set$/, " is set") : item.text.replace(/ is set$/, " is not set"));
  }
  return { kind: "not", item };
}

/** Carve text for `c`. `and` binds tighter than `or`; `not` applies to one test or a parenthesis. */
export function printCond(c: Cond): string {
  switch (c.kind) {
    case "test":
    case "ref":
      return c.kind === "test" ? c.text : c.name;
    case "not":
      // Always parenthesised, so `not (x contains …)` is never read as `x not contains …`, which
      // means something else on a missing value.
      return `not (${printCond(c.item)})`;
    case "and":
      return c.items.map((x) => (x.kind === "or" ? `(${printCond(x)})` : printCond(x))).join(" and ");
    case "or":
      return c.items.map(printCond).join(" or ");
  }
}
