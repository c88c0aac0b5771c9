// Module-level constants the compiled tables share: value sets, dispatch maps, the functions of
// big dispatch cases and helper functions, each written once (identical ones reused) under a
// generated name.
import { jsLiteral } from "./js-literal.js";

/** Helpers the compiled conditions may call; emitted only when used. */
const HELPERS = {
  anyPrefix: "function anyPrefix(s, list) { for (const p of list) if (s.startsWith(p)) return true; return false; }",
  anySuffix: "function anySuffix(s, list) { for (const p of list) if (s.endsWith(p)) return true; return false; }",
  anyInfix: "function anyInfix(s, list) { for (const p of list) if (s.includes(p)) return true; return false; }",
} as const;

export type Helper = keyof typeof HELPERS;

export class Hoisted {
  private readonly lines: string[] = [];
  private readonly byText = new Map<string, string>();
  private readonly helpers = new Set<Helper>();

  /** A `Set` of the values (comparison keys). */
  set(values: readonly unknown[]): string {
    return this.constant("S", `new Set(${jsLiteral(values)})`);
  }

  /** An array of strings. */
  list(values: readonly string[]): string {
    return this.constant("L", `Object.freeze(${jsLiteral(values)})`);
  }

  /** A `Map` from comparison key to a small integer (a `switch` case). */
  map(entries: readonly (readonly [unknown, number])[]): string {
    return this.constant("D", `new Map(${jsLiteral(entries)})`);
  }

  /** A function of `params` with the body lines. */
  fn(params: string, body: readonly string[]): string {
    return this.constant("F", `(${params}) => {\n${body.map((l) => `  ${l}`).join("\n")}\n}`);
  }

  helper(name: Helper): string {
    this.helpers.add(name);
    return name;
  }

  /** The declarations, in the order they were first asked for. */
  code(): string {
    const helpers = (Object.keys(HELPERS) as Helper[]).filter((h) => this.helpers.has(h)).map((h) => HELPERS[h]);
    return [...helpers, ...this.lines].join("\n");
  }

  private constant(prefix: string, init: string): string {
    const known = this.byText.get(init);
    if (known !== undefined) return known;
    const name = `${prefix}${this.byText.size}`;
    this.byText.set(init, name);
    this.lines.push(`const ${name} = ${init};`);
    return name;
  }
}
