// Lexical and syntax diagnostics: CARVE001–CARVE019.
import { entry } from "./catalogue-entry.js";

export const SyntaxCodes = {
  UnexpectedCharacter: entry(1, "error", "unexpected character"),
  UnterminatedString: entry(2, "error", "unterminated string"),
  InvalidEscape: entry(3, "error", "invalid escape sequence in a string"),
  UnexpectedToken: entry(4, "error", "syntax error"),
  KeywordAsName: entry(5, "error", "a keyword cannot be used as a name"),
  MalformedNumber: entry(6, "error", "malformed number"),
} as const;
