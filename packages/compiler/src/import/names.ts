// Salesforce names made into Carve identifiers. Salesforce allows spaces, dots, accents, names that
// are Carve keywords and names that differ only by case or punctuation; Carve needs
// `[A-Za-z_][A-Za-z0-9_]*`, unique in one namespace. The mapping is deterministic (same input,
// same names, in the same call order) and the original text is kept as the label.
import { KEYWORDS } from "@carve/language";

const RESERVED = new Set(KEYWORDS);

/** `raw` as an identifier: accents dropped, other characters runs → `_`, keywords get a `_` suffix. */
export function toIdentifier(raw: string): string {
  const id = clean(raw);
  return RESERVED.has(id) ? `${id}_` : id;
}

function clean(raw: string): string {
  const ascii = raw.normalize("NFKD").replace(/\p{M}/gu, "");
  const id = ascii.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (id === "") return "unnamed";
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** `CamelCase__c` → `camel_case`: the readable field segment for a Salesforce API name. */
export function toSnake(raw: string): string {
  const base = raw.replace(/__(c|r)$/i, "");
  const snake = base
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
  return toIdentifier(snake.replace(/_+/g, "_"));
}

/** One namespace of identifiers: a name already taken gets `_2`, `_3`, … */
export class NameTable {
  private readonly used = new Set<string>();

  /** Marks names that must not be handed out (e.g. declared by hand elsewhere). */
  reserve(...names: string[]): void {
    for (const n of names) this.used.add(n);
  }

  /**
   * A fresh identifier made from `raw` plus `suffix`. When that is taken, `clash` is appended
   * first (`Helsinki` → `Helsinki_rule`), then a counter.
   */
  claim(raw: string, suffix = "", clash = ""): string {
    let base = clean(raw) + suffix;
    if (RESERVED.has(base)) base = `${base}_`;
    if (this.used.has(base) && clash !== "") base += clash;
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name);
  }
}
