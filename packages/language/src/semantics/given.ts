// The input record a test describes, as the runtime receives records: dotted fields become nested
// objects ({account: {owner: "bob"}}), and values are passed as written (the runtime normalises
// them exactly as it normalises any input record, so a test sees what production would see).
import type { Literal, TestDecl } from "../ast/nodes.js";

function rawValue(lit: Literal | undefined): unknown {
  switch (lit?.kind) {
    case "String":
    case "Date":
    case "Code":
      return lit.value;
    case "Number":
    case "Bool":
      return lit.value;
    case "Ident":
      return lit.name?.text;
    default:
      return undefined; // lists and ranges are reported by the checker
  }
}

export function givenRecord(test: TestDecl): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const g of test.given ?? []) {
    const name = g?.field?.text;
    if (!name || seen.has(name)) continue; // a field given twice: the first counts (CARVE049)
    seen.add(name);
    const value = rawValue(g.value);
    if (value === undefined) continue;
    const parts = name.split(".");
    let obj: Record<string, unknown> = out;
    let ok = true;
    for (const p of parts.slice(0, -1)) {
      const next = Object.prototype.hasOwnProperty.call(obj, p) ? obj[p] : undefined;
      if (next === undefined) define(obj, p, {});
      else if (typeof next !== "object" || next === null) {
        ok = false;
        break;
      }
      obj = obj[p] as Record<string, unknown>;
    }
    if (ok) define(obj, parts[parts.length - 1], value);
  }
  return out;
}

/** Own data properties only: a field named `__proto__` must not reach the prototype. */
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
