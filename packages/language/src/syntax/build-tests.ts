// CST → AST for `test` blocks (SPEC 2.8).
import { tokenMatcher, type CstNode } from "chevrotain";
import type { Expect, GivenEntry, TestDecl, Via } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { type BuildContext, checkCommas, duplicateClause, nameOf, nodeRange, sub, subs, tok, tokRange } from "./cst.js";
import { buildDotted, buildLiteral, dateLit, stringLit } from "./build-literals.js";
import * as T from "./tokens.js";

export function buildTest(ctx: BuildContext, node: CstNode): TestDecl | undefined {
  const nameTok = tok(node, "StringLit");
  const range = nodeRange(node);
  if (!nameTok || !range) return undefined;
  const test: TestDecl = { kind: "Test", name: stringLit(nameTok), given: [], expects: [], range };
  const owner = `test ${nameTok.image}`;
  let asOfAt: Range | undefined;
  for (const c of subs(node, "testClause")) {
    const as = tok(c, "Ctx_as");
    const given = sub(c, "givenBlock");
    const expect = sub(c, "expectation");
    if (as) {
      const d = tok(c, "DateLit");
      if (!d) continue;
      const at = { start: as.startOffset, end: tokRange(d).end };
      if (asOfAt) duplicateClause(ctx, "as of", owner, at, asOfAt);
      else { test.asOf = dateLit(d); asOfAt = at; }
    } else if (given) {
      const r = nodeRange(given);
      if (!r) continue;
      if (test.givenRange) { duplicateClause(ctx, "given", owner, r, test.givenRange); continue; }
      test.givenRange = r;
      checkCommas(ctx, given, "givenEntry", "the given fields", "`given { country: US, employees: 50 }`");
      test.given = subs(given, "givenEntry").map((g) => buildGivenEntry(ctx, g)).filter((g): g is GivenEntry => g !== undefined);
    } else if (expect) {
      const e = buildExpect(expect);
      if (e) test.expects.push(e);
    }
  }
  return test;
}

function buildGivenEntry(ctx: BuildContext, node: CstNode): GivenEntry | undefined {
  const field = buildDotted(sub(node, "dottedName"));
  const value = buildLiteral(ctx, sub(node, "literal"));
  if (!field || !value) return undefined;
  return { kind: "GivenEntry", field, value, range: { start: field.range.start, end: value.range.end } };
}

function buildExpect(node: CstNode): Expect | undefined {
  const range = nodeRange(node);
  if (!range) return undefined;
  const viaNode = sub(node, "via");
  const via = viaNode ? buildVia(viaNode) : undefined;
  // A `via` that failed to parse is dropped rather than guessed.
  const withVia = <E extends Expect>(e: E): E => (via ? { ...e, via } : e);
  if (tok(node, "Kw_territory")) {
    const path = buildDotted(sub(node, "dottedName"));
    return path && withVia({ kind: "ExpectTerritory", path, range });
  }
  if (tok(node, "Ctx_owner")) {
    const target = tok(node, "Identifier");
    return target && withVia({ kind: "ExpectOwner", inTeam: tok(node, "Kw_in") !== undefined, target: nameOf(target), range });
  }
  if (tok(node, "Ctx_unassigned")) return { kind: "ExpectUnassigned", range };
  const invalid = tok(node, "Ctx_invalid");
  const overlay = tok(node, "Ctx_overlay");
  const path = buildDotted(sub(node, "dottedName"));
  if (!path) return undefined;
  if (invalid) return { kind: "ExpectInvalid", field: path, range };
  if (overlay) return { kind: "ExpectOverlay", path, range };
  return undefined;
}

function buildVia(node: CstNode): Via | undefined {
  const range = nodeRange(node);
  if (!range) return undefined;
  const kw = tok(node, "Kw_override") ?? tok(node, "Kw_territory") ?? tok(node, "Kw_otherwise");
  if (!kw) return undefined;
  if (tokenMatcher(kw, T.Override)) {
    const name = tok(node, "Identifier");
    return name && { kind: "override", name: nameOf(name), range };
  }
  if (tokenMatcher(kw, T.Territory)) {
    const path = buildDotted(sub(node, "dottedName"));
    return path && { kind: "territory", path, range };
  }
  return { kind: "otherwise", range };
}
