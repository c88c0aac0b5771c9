// A guard against hostile nesting (`((((…` thousands deep): the parser and the AST builder are
// recursive, so past a depth no real ruleset needs, the inner tokens are dropped and reported
// instead of overflowing the stack.
import type { IToken } from "chevrotain";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { tokenEnd } from "./lexer.js";
import * as T from "./tokens.js";

/** Deeper than any real ruleset (a territory level costs two), well inside the JS stack. */
export const MAX_NESTING = 100;

const OPENERS = new Set([T.LParen, T.LBracket, T.LBrace]);
const CLOSERS = new Set([T.RParen, T.RBracket, T.RBrace]);

/** `depth`: the brackets already open before `tokens` (a re-parsed territory sits inside its ancestors' braces). */
export function limitNesting(uri: string, tokens: IToken[], out: Diagnostic[], depth = 0): IToken[] {
  let nots = 0;
  let skipping = 0; // > 0 while inside a dropped region: its own nesting depth
  let reported = false;
  let kept: IToken[] | undefined; // copied only once something is dropped
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const type = t.tokenType;
    let drop = false;
    if (skipping > 0) {
      drop = true;
      if (OPENERS.has(type)) skipping++;
      else if (CLOSERS.has(type)) skipping--;
    } else if (OPENERS.has(type)) {
      if (depth >= MAX_NESTING) {
        drop = true;
        skipping = 1;
      } else depth++;
    } else if (CLOSERS.has(type)) {
      depth = Math.max(0, depth - 1);
    }
    if (!drop && type === T.Not) {
      nots++;
      drop = nots > MAX_NESTING;
    } else if (type !== T.Not) nots = 0;
    if (drop && !reported) {
      reported = true;
      out.push(
        makeDiagnostic(Codes.UnexpectedToken, uri, { start: t.startOffset, end: tokenEnd(t) },
          `nesting is too deep here (more than ${MAX_NESTING} levels); the inner part is not parsed`,
          { help: "flatten it: name a condition with `segment`, or split the territory tree" }),
      );
    }
    if (drop && kept === undefined) kept = tokens.slice(0, i);
    else if (!drop && kept !== undefined) kept.push(t);
  }
  return kept ?? tokens;
}
