// `test "…" { as of …  given { … }  expect … }`: always expanded, one clause per line; the `given`
// entries stay on one line when they fit, otherwise one entry per line.
import type { Expect, GivenEntry, TestDecl, Via } from "../ast/nodes.js";
import { block, type Unit } from "./blocks.js";
import type { Ctx } from "./comments.js";
import type { Doc } from "./doc.js";
import { bracketed, printLiteral, quote, type Piece } from "./print-literals.js";

export function printTest(ctx: Ctx, t: TestDecl): Doc {
  const units: Unit[] = [];
  const { asOf, given } = t;
  if (asOf) units.push({ range: asOf.range, print: () => `as of ${asOf.value}` });
  const givenRange = t.givenRange ?? (given.length > 0 ? { start: given[0].range.start, end: given[given.length - 1].range.end } : undefined);
  if (givenRange) {
    const pieces = given.map((g): Piece => ({ range: g.range, print: () => printEntry(ctx, g) }));
    units.push({ range: givenRange, print: () => bracketed(ctx, "given {", "}", pieces, givenRange.end, true) });
  }
  for (const e of t.expects) units.push({ range: e.range, print: () => printExpect(e) });
  return block(ctx, `test ${quote(t.name.value)}`, units, t.range, false);
}

function printEntry(ctx: Ctx, g: GivenEntry): Doc {
  return [`${g.field.text}: `, printLiteral(ctx, g.value)];
}

function printExpect(e: Expect): string {
  switch (e.kind) {
    case "ExpectTerritory":
      return `expect territory ${e.path.text}${via(e.via)}`;
    case "ExpectOwner":
      return `expect owner ${e.inTeam ? "in " : ""}${e.target.text}${via(e.via)}`;
    case "ExpectUnassigned":
      return "expect unassigned";
    case "ExpectInvalid":
      return `expect invalid ${e.field.text}`;
    case "ExpectOverlay":
      return `expect overlay ${e.path.text}`;
  }
}

function via(v: Via | undefined): string {
  if (!v) return "";
  switch (v.kind) {
    case "override":
      return ` via override ${v.name.text}`;
    case "territory":
      return ` via territory ${v.path.text}`;
    case "otherwise":
      return " via otherwise";
  }
}
