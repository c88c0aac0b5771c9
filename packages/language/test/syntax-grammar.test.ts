// grammar/ stays in step with the parser: the railroad diagrams are regenerated from it, and the
// hand-written EBNF names exactly the parser's rules and reserved words.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KEYWORDS, grammarDiagramsHtml, serializedGrammar } from "../src/syntax/index.js";
import { CarveParser } from "../src/syntax/parser.js";

const grammarFile = (name: string) => readFileSync(new URL(`../../../grammar/${name}`, import.meta.url), "utf8");

describe("the parser's grammar", () => {
  it("passes Chevrotain's grammar validations (skipped when the CLI and the editor build the parser)", () => {
    // Chevrotain throws "Parser Definition Errors detected" with every ambiguity or conflict found.
    expect(() => new CarveParser(true)).not.toThrow();
  });
});

describe("grammar/", () => {
  it("diagrams.html is what the parser generates (else run packages/language/scripts/gen-diagrams.mjs)", () => {
    // A plain boolean keeps a failure short: the file is large.
    const fresh = grammarDiagramsHtml() === grammarFile("diagrams.html");
    expect(fresh, "grammar/diagrams.html is out of date: `pnpm build && node packages/language/scripts/gen-diagrams.mjs`").toBe(true);
  });

  it("carve.ebnf defines exactly the parser's rules", () => {
    const ebnf = grammarFile("carve.ebnf").replace(/\/\*[\s\S]*?\*\//g, "");
    const defined = [...ebnf.matchAll(/^([A-Za-z_]+)\s*::=/gm)].map((m) => m[1]);
    const syntactic = defined.filter((n) => /^[a-z]/.test(n));
    const rules = serializedGrammar().map((r) => r.name);
    expect([...syntactic].sort()).toEqual([...rules].sort());
    // every name used on a right-hand side is defined (terminals are quoted or in [classes])
    const bare = ebnf.replace(/"[^"]*"|'[^']*'|\[[^\]]*\]/g, " ");
    const used = new Set(bare.match(/\b[A-Za-z_]+\b/g));
    for (const name of used) expect(defined.includes(name) || name === "EOF", `${name} is used but not defined`).toBe(true);
  });

  it("carve.ebnf lists every reserved word", () => {
    const ebnf = grammarFile("carve.ebnf");
    const listed = /Reserved words \(KEYWORD\)[^:]*:([\s\S]*?)Contextual words/.exec(ebnf)?.[1] ?? "";
    expect(listed.split(/\s+/).filter(Boolean).sort()).toEqual([...KEYWORDS].sort());
  });
});
