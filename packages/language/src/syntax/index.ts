// Barrel for syntax/: lexer, parser, CST → AST.
export { parse, type ParseResult } from "./parse.js";
export { reparse } from "./reparse.js";
export { ParseCache } from "./parse-cache.js";
export { tokenize, type CarveToken, type TokenKind } from "./tokenize.js";
export { KEYWORDS, CONTEXTUAL_KEYWORDS, TYPE_NAMES } from "./tokens.js";
export { decodeString, parseNumber } from "./literals.js";
export { serializedGrammar, grammarDiagramsHtml } from "./diagrams.js";
