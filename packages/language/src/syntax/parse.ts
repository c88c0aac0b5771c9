// parse(): text → AST + diagnostics. Never throws: a file that cannot be parsed at all still
// yields a SourceFile (possibly empty) and diagnostics that say why.
import type { Item, SourceFile } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildDeclaration } from "./build-decls.js";
import { type BuildContext, subs } from "./cst.js";
import { buildEarly } from "./early-build.js";
import { syntaxDiagnostics } from "./errors.js";
import { lex } from "./lexer.js";
import { setMessageTokens } from "./messages.js";
import { limitNesting } from "./nesting.js";
import { carveParser } from "./parser.js";

export interface ParseResult {
  file: SourceFile;
  diagnostics: Diagnostic[];
}

/**
 * Files whose parse needed no error recovery (no syntax error, nesting within the limit). Only
 * those can be re-parsed piecewise (reparse.ts): after a recovery, what the parser did around the
 * error depends on more than the tokens of one declaration. A WeakSet keeps ParseResult plain data.
 */
const withoutRecovery = new WeakSet<SourceFile>();

export function parsedWithoutRecovery(file: SourceFile): boolean {
  return withoutRecovery.has(file);
}

export function markParsedWithoutRecovery(file: SourceFile): void {
  withoutRecovery.add(file);
}

export function parse(uri: string, text: string): ParseResult {
  const file: SourceFile = { kind: "File", uri, text, items: [], comments: [], range: { start: 0, end: text.length } };
  const diagnostics: Diagnostic[] = [];
  try {
    const lexed = lex(uri, text);
    file.comments = lexed.comments;
    diagnostics.push(...lexed.diagnostics);
    const tokens = limitNesting(uri, lexed.tokens, diagnostics);
    const parser = carveParser();
    const ctx: BuildContext = { uri, text, tokens, diagnostics, early: new Map() };
    setMessageTokens(tokens);
    parser.onComplete = (node, rule) => buildEarly(ctx, node, rule);
    let cst;
    try {
      cst = parser.parseTokens(tokens);
    } finally {
      setMessageTokens([]);
      parser.onComplete = undefined;
    }
    const errors = parser.errors;
    // The shared parser would otherwise keep this file's tokens alive until the next parse (this
    // also clears `parser.errors`, hence the copy above).
    parser.input = [];
    diagnostics.push(...syntaxDiagnostics(uri, text, tokens, errors));
    for (const d of subs(cst, "declaration")) {
      const item: Item | undefined = buildDeclaration(ctx, d);
      if (item) file.items.push(item);
    }
    // limitNesting returns its input unless it dropped tokens.
    if (errors.length === 0 && tokens === lexed.tokens) withoutRecovery.add(file);
  } catch (err) {
    // A bug in the front end must not take the editor or the CLI down with it.
    diagnostics.push(
      makeDiagnostic(Codes.UnexpectedToken, uri, { start: 0, end: 0 },
        `internal error while parsing: ${err instanceof Error ? err.message : String(err)}`,
        { help: "please report this with the file that caused it" }),
    );
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { file, diagnostics };
}
