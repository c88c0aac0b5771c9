// Declarations: one printer per kind of top-level item (tests are in print-tests.ts).
import type {
  Clauses, FieldDecl, Item, OverrideDecl, RecordDecl, RepDecl, StringLit, TeamDecl, TeamMember,
  TerritoriesBlock, TerritoryDecl, TypeRef,
} from "../ast/nodes.js";
import { block, span, writtenOnOneLine, type Unit } from "./blocks.js";
import { separated, type Ctx } from "./comments.js";
import { group, indent, line, type Doc } from "./doc.js";
import { printCond } from "./print-conditions.js";
import { bracketed, printList, printLiteral, quote } from "./print-literals.js";
import { printTest } from "./print-tests.js";

export function printItem(ctx: Ctx, item: Item): Doc {
  switch (item.kind) {
    case "Ruleset":
      return `ruleset ${item.name.text}${label(item.label)}`;
    case "Import":
      return `import ${quote(item.path.value)}`;
    case "Record":
      return printRecord(ctx, item);
    case "Rep":
      return printRep(ctx, item);
    case "Queue":
      return `queue ${item.name.text}${label(item.label)}`;
    case "Team":
      return printTeam(ctx, item);
    case "Set":
      return [`set ${item.name.text} = `, printList(ctx, item.value)];
    case "Segment":
      return [`segment ${item.name.text} = `, printCond(ctx, item.cond)];
    case "Override":
      return printOverride(ctx, item);
    case "Territories":
      return printTerritories(ctx, item);
    case "Overlays":
      return block(ctx, "overlays", item.territories.map((t) => territoryUnit(ctx, t)), item.range, false);
    case "Test":
      return printTest(ctx, item);
  }
}

function label(l: StringLit | undefined): string {
  return l ? ` ${quote(l.value)}` : "";
}

// ---------- record ----------

/** Field types start in one column, two past the longest `name:` (as in the SPEC's example). */
function printRecord(ctx: Ctx, r: RecordDecl): Doc {
  const width = Math.max(0, ...r.fields.map((f) => f.name.text.length));
  const units = r.fields.map((f): Unit => ({ range: f.range, print: () => printField(ctx, f, width) }));
  return block(ctx, `record ${r.name.text}`, units, r.range, false);
}

function printField(ctx: Ctx, f: FieldDecl, width: number): Doc {
  const pad = " ".repeat(width - f.name.text.length + 1);
  return [`${f.name.text}:${pad}`, printType(ctx, f.type), f.optional ? "?" : "", f.key ? " key" : ""];
}

function printType(ctx: Ctx, t: TypeRef): Doc {
  if (t.name !== "enum") return t.name;
  const pieces = t.values.map((v) => ({ range: v.range, print: () => v.text }));
  return bracketed(ctx, "enum(", ")", pieces, t.range.end, false);
}

// ---------- roster ----------

function printRep(ctx: Ctx, r: RepDecl): Doc {
  const header = `rep ${r.name.text}${label(r.label)}`;
  if (r.attrs.length === 0) return header;
  const units = r.attrs.map((a): Unit => ({ range: a.range, print: () => [a.name, " ", printLiteral(ctx, a.value)] }));
  return block(ctx, header, units, r.range, writtenOnOneLine(ctx, r.range));
}

function printTeam(ctx: Ctx, t: TeamDecl): Doc {
  const units: Unit[] = [];
  const { members, strategy, overflow } = t;
  if (members.length > 0) {
    units.push({ range: span(members[0].range, members[members.length - 1].range), print: () => printMembers(ctx, members) });
  }
  if (strategy) {
    const s = strategy.name === "hash" && strategy.field ? `hash(${strategy.field.text})` : strategy.name;
    units.push({ range: strategy.range, print: () => `strategy ${s}` });
  }
  if (overflow) units.push({ range: overflow.range, print: () => `overflow ${overflow.text}` });
  return block(ctx, `team ${t.name.text}${label(t.label)}`, units, t.range, writtenOnOneLine(ctx, t.range));
}

/** `members a, b weight 2`: one `members` clause (several in the source are merged). */
function printMembers(ctx: Ctx, members: TeamMember[]): Doc {
  const tail: Doc[] = [];
  let prevEnd = members[0].range.end;
  for (const m of members.slice(1)) {
    tail.push(",", ...separated(ctx, ctx.comments.take(m.range.start), line, { prevEnd, nextStart: m.range.start, blankLines: false }));
    tail.push(member(m));
    prevEnd = m.range.end;
  }
  return group(["members ", member(members[0]), indent(tail)]);
}

function member(m: TeamMember): string {
  let s = m.rep.text;
  if (m.weight) s += ` weight ${m.weight.raw}`;
  if (m.from) s += ` from ${m.from.value}`;
  if (m.until) s += ` until ${m.until.value}`;
  return s;
}

// ---------- rules ----------

function clauseUnits(ctx: Ctx, c: Clauses): Unit[] {
  const units: Unit[] = [];
  const { when, assign, from, until } = c;
  if (when) units.push({ range: when.range, print: () => ["when ", printCond(ctx, when)] });
  if (assign) units.push({ range: assign.range, print: () => `assign ${assign.text}` });
  if (from) units.push({ range: from.range, print: () => `from ${from.value}` });
  if (until) units.push({ range: until.range, print: () => `until ${until.value}` });
  return units;
}

function printOverride(ctx: Ctx, o: OverrideDecl): Doc {
  const header = `override ${o.name.text}${label(o.label)}`;
  return block(ctx, header, clauseUnits(ctx, o), o.range, writtenOnOneLine(ctx, o.range));
}

function printTerritories(ctx: Ctx, b: TerritoriesBlock): Doc {
  const units = b.territories.map((t) => territoryUnit(ctx, t));
  const { otherwise } = b;
  if (otherwise) units.push({ range: otherwise.range, print: () => `otherwise ${otherwise.target.text}` });
  return block(ctx, `territories ${b.policy}`, units, b.range, false);
}

function territoryUnit(ctx: Ctx, t: TerritoryDecl): Unit {
  return { range: t.range, print: () => printTerritory(ctx, t) };
}

/** A territory with nested territories is always expanded. */
function printTerritory(ctx: Ctx, t: TerritoryDecl): Doc {
  const units = clauseUnits(ctx, t);
  const { children } = t;
  if (children) units.push({ range: children.range, print: () => printTerritories(ctx, children) });
  const oneLine = !children && writtenOnOneLine(ctx, t.range);
  return block(ctx, `territory ${t.name.text}${label(t.label)}`, units, t.range, oneLine);
}
