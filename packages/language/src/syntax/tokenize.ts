// tokenize(): the lexical view of a text for editors (semantic tokens, highlighting).
import { tokenMatcher } from "chevrotain";
import type { Range } from "../ast/source.js";
import { tokenEnd } from "./lexer.js";
import * as T from "./tokens.js";

export type TokenKind =
  | "keyword" // a reserved word
  | "contextualKeyword" // a word that is a keyword in some positions and a name elsewhere
  | "identifier" | "string" | "number" | "date" | "code" | "operator" | "punctuation" | "comment";

export interface CarveToken {
  kind: TokenKind;
  text: string;
  range: Range;
}

const OPERATORS = [T.CompareOp, T.Equals, T.DotDot, T.Question];

/** Tokens and comments in source order; unexpected characters are left out. Never throws. */
export function tokenize(text: string): CarveToken[] {
  const r = T.scan(text);
  const out: CarveToken[] = [];
  for (const t of r.tokens) {
    const range = { start: t.startOffset, end: tokenEnd(t) };
    let kind: TokenKind;
    if (tokenMatcher(t, T.Keyword)) kind = "keyword";
    else if (t.tokenType !== T.Identifier && tokenMatcher(t, T.Identifier)) kind = "contextualKeyword";
    else if (t.tokenType === T.Identifier) kind = "identifier";
    else if (t.tokenType === T.StringLit) kind = "string";
    else if (t.tokenType === T.NumberLit) kind = "number";
    else if (t.tokenType === T.DateLit) kind = "date";
    else if (t.tokenType === T.CodeLit) kind = "code";
    else if (OPERATORS.some((o) => tokenMatcher(t, o))) kind = "operator";
    else kind = "punctuation";
    out.push({ kind, text: t.image, range });
  }
  for (const c of r.groups.comments ?? []) {
    out.push({ kind: "comment", text: c.image, range: { start: c.startOffset, end: tokenEnd(c) } });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
