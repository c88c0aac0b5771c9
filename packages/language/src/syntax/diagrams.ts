// The grammar as data, for grammar/diagrams.html (railroad diagrams) and its freshness test.
import { createSyntaxDiagramsCode, type ISerializedGast } from "chevrotain";
import { carveParser } from "./parser.js";

/** The parser's rules, serialized (Chevrotain's GAST). */
export function serializedGrammar(): ISerializedGast[] {
  return carveParser().getSerializedGastProductions();
}

/**
 * The HTML page of railroad diagrams. It loads Chevrotain's diagram scripts from a CDN (unpkg)
 * when opened in a browser; nothing in the build or the tests opens it.
 */
export function grammarDiagramsHtml(): string {
  return createSyntaxDiagramsCode(serializedGrammar());
}
