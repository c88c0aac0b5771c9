// Building the AST while parsing. The CST of the 10,000-territory benchmark plan takes 69 MB (its
// AST 44 MB); built whole before any of it became AST, all of it lived long enough for the garbage
// collector to copy it, twice, which was a third of parsing. Instead, as soon as the parser has
// finished a territory or a top-level declaration (parser.ts, `onComplete`), its AST is built and
// its CST dropped, so each piece of CST dies young (parse() of that plan: 1.8 s → 1.1 s of CPU).
//
// The result is exactly the whole-CST build's: a node is final once the parser completes it, the
// build reads nothing but that node (the tokens and the text are complete before parsing starts),
// and each early build keeps its diagnostics, and what it threw, to itself. When the usual walk
// over the CST (parse.ts) reaches the node, `replay` (cst.ts) reports them there, in the walk's
// order; a node the walk never reaches (a duplicate `territories` block's) reports nothing.
import type { CstNode } from "chevrotain";
import { buildDeclaration, buildTerritory } from "./build-decls.js";
import type { BuildContext, EarlyBuild } from "./cst.js";

export type CompletedRule = "territoryDecl" | "declaration";

const NO_CHILDREN: CstNode["children"] = Object.freeze(Object.create(null));

/** Builds `node` now and records the result in `ctx.early`; then frees the CST below it. */
export function buildEarly(ctx: BuildContext, node: CstNode, rule: CompletedRule): void {
  const own: BuildContext = { uri: ctx.uri, text: ctx.text, tokens: ctx.tokens, diagnostics: [], early: ctx.early };
  let built: EarlyBuild;
  try {
    built = { node: rule === "territoryDecl" ? buildTerritory(own, node) : buildDeclaration(own, node), diagnostics: own.diagnostics };
  } catch (error) {
    built = { node: undefined, diagnostics: own.diagnostics, threw: { error } };
  }
  ctx.early?.set(node, built);
  // Its location stays (ranges come from locations). Nothing reads below it any more: nodeRange's
  // search for real tokens (cst.ts) only descends into nodes whose location has none, and a node
  // holding a real token has a location, as have all its ancestors.
  (node as { children: CstNode["children"] }).children = NO_CHILDREN;
}
