// Tokenizes Carve text with grammar/carve.tmLanguage.json through vscode-textmate and
// vscode-oniguruma: the same engine and regex library VS Code highlights with, so what the tests
// see is what an editor shows.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

export const grammarDir = join(import.meta.dirname, "..");
export const grammarPath = join(grammarDir, "carve.tmLanguage.json");

/** One token with absolute offsets into the text; `scopes` without the root `source.carve`. */
export interface TmToken {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

type Tokenizer = (text: string) => TmToken[];

let loading: Promise<Tokenizer> | undefined;

/** The tokenizer, loaded once per test file (the WASM module and the grammar are shared). */
export function carveTokenizer(): Promise<Tokenizer> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Tokenizer> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "source.carve" ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar("source.carve");
  if (!grammar) throw new Error(`cannot load ${grammarPath}`);
  return (text) => {
    const out: TmToken[] = [];
    let state = textmate.INITIAL;
    let offset = 0;
    text.split("\n").forEach((lineText, line) => {
      // A time limit of 0 means none: a grammar that is slow on a line fails loudly instead.
      const r = grammar.tokenizeLine(lineText, state);
      if (r.stoppedEarly) throw new Error(`tokenizing stopped early on line ${line + 1}`);
      for (const t of r.tokens) {
        const end = Math.min(t.endIndex, lineText.length);
        if (end <= t.startIndex) continue;
        out.push({ line, start: offset + t.startIndex, end: offset + end, text: lineText.slice(t.startIndex, end), scopes: t.scopes.slice(1) });
      }
      state = r.ruleStack;
      offset += lineText.length + 1;
    });
    return out;
  };
}

/** Readable rendering for snapshots: each source line, then one line per token (`text  scopes`). */
export function render(text: string, tokens: TmToken[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((source, line) => {
    if (source.trim() === "" && line === lines.length - 1) return;
    out.push(`> ${source}`);
    for (const t of tokens) {
      if (t.line !== line) continue;
      // White space is only worth showing where it is part of what gets coloured.
      const literal = t.scopes.some((s) => s.startsWith("string.") || s.startsWith("comment."));
      const text = literal ? t.text : t.text.trim();
      if (text === "") continue;
      out.push(`  ${JSON.stringify(text).padEnd(24)} ${t.scopes.join(" ") || "-"}`);
    }
  });
  return `${out.join("\n")}\n`;
}

/** The scopes of the token covering `offset`, or undefined between lines. */
export function scopesAt(tokens: TmToken[], offset: number): string[] | undefined {
  return tokens.find((t) => t.start <= offset && offset < t.end)?.scopes;
}
