// Lexing plus the lexical diagnostics: unexpected characters (CARVE001), unterminated strings
// (CARVE002), invalid escapes (CARVE003) and malformed numbers (CARVE006). Bad tokens are kept
// so the parser can carry on.
import type { IToken } from "chevrotain";
import type { Comment } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeString, parseNumber } from "./literals.js";
import { NumberLit, scan, StringLit } from "./tokens.js";

export interface LexResult {
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

export const tokenEnd = (t: IToken): number => t.startOffset + t.image.length;

export function lex(uri: string, text: string): LexResult {
  const result = scan(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const bad = text.slice(e.offset, e.offset + e.length);
    diagnostics.push(
      makeDiagnostic(Codes.UnexpectedCharacter, uri, { start: e.offset, end: e.offset + e.length },
        `unexpected ${[...bad].length === 1 ? "character" : "characters"} ${showChars(bad)}`,
        { help: charHelp(bad) }),
    );
  }
  for (const t of result.tokens) {
    if (t.tokenType === StringLit) checkString(uri, t, diagnostics);
    else if (t.tokenType === NumberLit && parseNumber(t.image) === undefined) {
      diagnostics.push(
        makeDiagnostic(Codes.MalformedNumber, uri, { start: t.startOffset, end: tokenEnd(t) },
          `malformed number \`${t.image}\``,
          { help: "write numbers like `42`, `1_000`, `12.5` or `250M` (K, M, B multiply by a thousand, a million, a billion)" }),
      );
    }
  }
  const comments = (result.groups.comments ?? []).map((c) => ({
    text: c.image,
    range: { start: c.startOffset, end: tokenEnd(c) },
  }));
  return { tokens: result.tokens, comments, diagnostics };
}

function checkString(uri: string, t: IToken, out: Diagnostic[]): void {
  const d = decodeString(t.image);
  for (const p of d.badEscapes) {
    const start = t.startOffset + p.offset;
    out.push(
      makeDiagnostic(Codes.InvalidEscape, uri, { start, end: start + p.length },
        `invalid escape \`${p.text}\` in a string`,
        { help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}` (1 to 6 hex digits); write `\\\\` for a backslash" }),
    );
  }
  if (!d.terminated) {
    out.push(
      makeDiagnostic(Codes.UnterminatedString, uri, { start: t.startOffset, end: tokenEnd(t) },
        "this string is missing its closing `\"`",
        { help: "add a `\"` at the end of the string (strings cannot span lines; use `\\n` for a line break)" }),
    );
  }
}

function showChars(s: string): string {
  const shown = [...s].map((c) => {
    const cp = c.codePointAt(0) ?? 0;
    return cp < 0x20 || cp === 0x7f || c === "`" ? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}` : c;
  });
  return `\`${shown.join("")}\``;
}

function charHelp(s: string): string | undefined {
  if (s.startsWith("'")) return "strings are written in double quotes, e.g. \"West\"";
  if (s.startsWith("&")) return "write `and` to combine conditions";
  if (s.startsWith("|")) return "write `or` to combine conditions";
  if (s.startsWith("!")) return "write `not` to negate a condition, or `!=` for \"not equal\"";
  if (s.startsWith("/")) return "comments start with `#`";
  if (/^[^\x00-\x7f]/.test(s)) return "names use only ASCII letters, digits and `_`; put other text in a string";
  return "remove it";
}
