// CST → AST for declarations. A declaration whose name is missing (a syntax error already
// reported) is left out: every Name in the AST is a real one.
import { tokenMatcher, type CstNode, type IToken } from "chevrotain";
import type {
  Clauses, FieldDecl, FieldTypeName, ImportDecl, Item, Name, OverlaysBlock, OverrideDecl, QueueDecl,
  RecordDecl, RepAttr, RepAttrName, RepDecl, RulesetDecl, SegmentDecl, SetDecl, Strategy, StrategyName, StringLit,
  TeamDecl, TeamMember, TerritoriesBlock, TerritoryDecl,
} from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import {
  type BuildContext, checkCommas, childrenInOrder, duplicateClause, isRealToken, nameOf, nodeRange, replay, sub, subs, tok, toks, tokRange,
} from "./cst.js";
import { buildCondition } from "./build-conditions.js";
import { buildDateRange, buildDeclName, buildDotted, buildList, dateLit, dottedFrom, numberLit, stringLit } from "./build-literals.js";
import { buildTest } from "./build-tests.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import { suggest } from "../diagnostics/suggest.js";
import * as T from "./tokens.js";

export function buildDeclaration(ctx: BuildContext, node: CstNode): Item | undefined {
  const early = ctx.early?.get(node);
  if (early) return replay(ctx, early) as Item | undefined;
  // The one key of a `declaration` node: which kind of declaration it holds.
  let kind = "";
  for (const k in node.children) {
    kind = k;
    break;
  }
  const n = sub(node, kind);
  if (!n) return undefined;
  switch (kind) {
    case "rulesetDecl": return buildRuleset(ctx, n);
    case "importDecl": return buildImport(n);
    case "recordDecl": return buildRecord(ctx, n);
    case "repDecl": return buildRep(ctx, n);
    case "queueDecl": return buildQueue(ctx, n);
    case "teamDecl": return buildTeam(ctx, n);
    case "setDecl": return buildSet(ctx, n);
    case "segmentDecl": return buildSegment(ctx, n);
    case "overrideDecl": return buildOverride(ctx, n);
    case "territoriesBlock": return buildTerritories(ctx, n);
    case "overlaysBlock": return buildOverlays(ctx, n);
    case "testDecl": return buildTest(ctx, n);
    default: return undefined;
  }
}

/** Name, optional label and range: the head every named declaration shares. */
function head(ctx: BuildContext, node: CstNode): { name: Name; label?: StringLit; range: Range } | undefined {
  const name = buildDeclName(ctx, sub(node, "declName"));
  const range = nodeRange(node);
  if (!name || !range) return undefined;
  const l = tok(node, "StringLit");
  return l ? { name, label: stringLit(l), range } : { name, range };
}

function buildRuleset(ctx: BuildContext, node: CstNode): RulesetDecl | undefined {
  const h = head(ctx, node);
  return h && { kind: "Ruleset", ...h };
}

function buildImport(node: CstNode): ImportDecl | undefined {
  const p = tok(node, "StringLit");
  const range = nodeRange(node);
  return p && range && { kind: "Import", path: stringLit(p), range };
}

function buildRecord(ctx: BuildContext, node: CstNode): RecordDecl | undefined {
  const h = head(ctx, node);
  if (!h) return undefined;
  const fields = subs(node, "fieldDecl").map((f) => buildField(ctx, f)).filter((f): f is FieldDecl => f !== undefined);
  return { kind: "Record", name: h.name, fields, range: h.range };
}

function buildField(ctx: BuildContext, node: CstNode): FieldDecl | undefined {
  const first = buildDeclName(ctx, sub(node, "declName"));
  const name = first && dottedFrom(toks(node, "Identifier"), first);
  const typeNode = sub(node, "fieldType");
  const range = nodeRange(node);
  if (!name || !typeNode || !range) return undefined;
  const simple = tok(typeNode, "TypeName");
  const enumTok = tok(typeNode, "Ctx_enum");
  const typeRange = nodeRange(typeNode);
  const unknown = tok(typeNode, "Identifier");
  if (unknown) unknownType(ctx, unknown);
  if (!(simple || enumTok) || !typeRange) return undefined;
  checkCommas(ctx, typeNode, "declName", "enum values", "`enum(inbound, outbound)`");
  const values = subs(typeNode, "declName").map((v) => buildDeclName(ctx, v)).filter((v): v is Name => v !== undefined);
  const field: FieldDecl = {
    kind: "Field",
    name,
    type: { kind: "Type", name: (simple ? simple.image : "enum") as FieldTypeName, values, range: typeRange },
    optional: tok(node, "Question") !== undefined,
    range,
  };
  const key = tok(node, "Ctx_key");
  if (key) field.key = tokRange(key);
  return field;
}

const REP_ATTRS: [string, RepAttrName][] = [
  ["Ctx_email", "email"], ["Ctx_capacity", "capacity"], ["Ctx_away", "away"], ["Kw_from", "from"], ["Kw_until", "until"],
];

function buildRep(ctx: BuildContext, node: CstNode): RepDecl | undefined {
  const h = head(ctx, node);
  if (!h) return undefined;
  const attrs: RepAttr[] = [];
  for (const a of subs(node, "repAttribute")) {
    const range = nodeRange(a);
    let entry: [string, RepAttrName] | undefined;
    for (const e of REP_ATTRS) if (tok(a, e[0])) { entry = e; break; }
    if (!range || !entry) continue;
    const s = tok(a, "StringLit");
    const n = tok(a, "NumberLit");
    const d = tok(a, "DateLit");
    const value = s ? stringLit(s) : n ? numberLit(n) : d ? dateLit(d) : buildDateRange(sub(a, "dateRange"));
    if (value) attrs.push({ kind: "RepAttr", name: entry[1], value, range });
  }
  // `{ kind, ...h, attrs }` spelt out (a spread per rep was most of this function's time).
  return h.label ? { kind: "Rep", name: h.name, label: h.label, range: h.range, attrs } : { kind: "Rep", name: h.name, range: h.range, attrs };
}

function buildQueue(ctx: BuildContext, node: CstNode): QueueDecl | undefined {
  const h = head(ctx, node);
  return h && { kind: "Queue", ...h };
}

function buildTeam(ctx: BuildContext, node: CstNode): TeamDecl | undefined {
  const h = head(ctx, node);
  if (!h) return undefined;
  const team: TeamDecl = { kind: "Team", ...h, members: [] };
  const owner = `team \`${h.name.text}\``;
  let strategyAt: Range | undefined;
  let overflowAt: Range | undefined;
  for (const c of subs(node, "teamClause")) {
    const kw = tok(c, "Ctx_members") ?? tok(c, "Ctx_strategy") ?? tok(c, "Ctx_overflow");
    if (!kw) continue;
    if (tokenMatcher(kw, T.Members)) {
      checkCommas(ctx, c, "teamMember", "team members", "`members alice, bob`");
      for (const m of subs(c, "teamMember")) {
        const member = buildMember(ctx, m);
        if (member) team.members.push(member);
      }
    } else if (tokenMatcher(kw, T.Strategy)) {
      const s = buildStrategy(sub(c, "strategy"));
      if (!s) continue;
      if (strategyAt) duplicateClause(ctx, "strategy", owner, tokRange(kw), strategyAt);
      else { team.strategy = s; strategyAt = tokRange(kw); }
    } else {
      const target = buildDotted(sub(c, "dottedName"));
      if (!target) continue;
      if (overflowAt) duplicateClause(ctx, "overflow", owner, tokRange(kw), overflowAt);
      else { team.overflow = target; overflowAt = tokRange(kw); }
    }
  }
  return team;
}

function buildMember(ctx: BuildContext, node: CstNode): TeamMember | undefined {
  const rep = tok(node, "Identifier");
  const range = nodeRange(node);
  if (!rep || !range) return undefined;
  const member: TeamMember = { kind: "Member", rep: nameOf(rep), range };
  const seen = new Map<string, Range>();
  // Options come in any order: pair each keyword with the value token right after it.
  const els = childrenInOrder(node) as IToken[];
  for (let i = 1; i < els.length - 1; i++) {
    const kw = els[i];
    const v = els[i + 1];
    const which = tokenMatcher(kw, T.Weight) ? "weight" : tokenMatcher(kw, T.From) ? "from" : tokenMatcher(kw, T.Until) ? "until" : undefined;
    if (!which || !isRealToken(v) || !(tokenMatcher(v, T.NumberLit) || tokenMatcher(v, T.DateLit))) continue;
    const first = seen.get(which);
    if (first) { duplicateClause(ctx, which, `member \`${rep.image}\``, tokRange(kw), first); continue; }
    seen.set(which, tokRange(kw));
    if (which === "weight" && tokenMatcher(v, T.NumberLit)) member.weight = numberLit(v);
    else if (which !== "weight" && tokenMatcher(v, T.DateLit)) member[which] = dateLit(v);
  }
  return member;
}

const STRATEGIES: [string, StrategyName][] = [["Ctx_hash", "hash"], ["Ctx_round_robin", "round_robin"], ["Ctx_least_loaded", "least_loaded"]];

function buildStrategy(node: CstNode | undefined): Strategy | undefined {
  const range = nodeRange(node);
  const entry = STRATEGIES.find(([key]) => tok(node, key));
  if (!range || !entry) return undefined;
  const s: Strategy = { kind: "Strategy", name: entry[1], range };
  if (entry[1] === "hash") {
    const field = buildDotted(sub(node, "dottedName"));
    if (!field) return undefined;
    s.field = field;
  }
  return s;
}

function buildSet(ctx: BuildContext, node: CstNode): SetDecl | undefined {
  const h = head(ctx, node);
  const value = buildList(ctx, sub(node, "list"));
  return h && value && { kind: "Set", name: h.name, value, range: h.range };
}

function buildSegment(ctx: BuildContext, node: CstNode): SegmentDecl | undefined {
  const h = head(ctx, node);
  const cond = buildCondition(ctx, sub(node, "condition"));
  return h && cond && { kind: "Segment", name: h.name, cond, range: h.range };
}

/** "territory `west`": whose clause a message is about (built only when there is a message). */
const ownerOf = (what: string, name: Name): string => `${what} \`${name.text}\``;

/** Folds `ruleClause` nodes into when/assign/from/until, reporting repeats. */
function applyClauses(ctx: BuildContext, target: Clauses, clauses: CstNode[], what: string, name: Name): void {
  // Where each clause was first given; at most four, so four variables rather than a Map.
  let whenAt: Range | undefined;
  let assignAt: Range | undefined;
  let fromAt: Range | undefined;
  let untilAt: Range | undefined;
  for (const c of clauses) {
    const kw = tok(c, "Kw_when") ?? tok(c, "Kw_assign") ?? tok(c, "Kw_from") ?? tok(c, "Kw_until");
    if (!kw) continue;
    const which = kw.image as keyof Clauses;
    const first = which === "when" ? whenAt : which === "assign" ? assignAt : which === "from" ? fromAt : untilAt;
    if (first) { duplicateClause(ctx, which, ownerOf(what, name), tokRange(kw), first); continue; }
    const at = tokRange(kw);
    if (which === "when") {
      whenAt = at;
      const cond = buildCondition(ctx, sub(c, "condition"));
      if (cond) target.when = cond;
    } else if (which === "assign") {
      assignAt = at;
      const to = buildDotted(sub(c, "dottedName"));
      if (to) target.assign = to;
    } else {
      if (which === "from") fromAt = at;
      else untilAt = at;
      const d = tok(c, "DateLit");
      if (d) target[which] = dateLit(d);
    }
  }
}

function buildOverride(ctx: BuildContext, node: CstNode): OverrideDecl | undefined {
  const h = head(ctx, node);
  if (!h) return undefined;
  const o: OverrideDecl = { kind: "Override", ...h };
  applyClauses(ctx, o, subs(node, "ruleClause"), "override", h.name);
  return o;
}

function buildTerritories(ctx: BuildContext, node: CstNode): TerritoriesBlock | undefined {
  const range = nodeRange(node);
  const kw = tok(node, "Kw_territories");
  if (!range || !kw) return undefined;
  const policyTok = tok(node, "Ctx_first") ?? tok(node, "Ctx_unique");
  const block: TerritoriesBlock = {
    kind: "Territories",
    // A missing policy was reported as a syntax error; `first` keeps the tree usable meanwhile.
    policy: policyTok?.image === "unique" ? "unique" : "first",
    policyRange: tokRange(policyTok ?? kw),
    territories: buildTerritoryList(ctx, node),
    range,
  };
  const other = tok(node, "Kw_otherwise");
  const target = buildDotted(sub(node, "dottedName"));
  if (other && target) block.otherwise = { kind: "Otherwise", target, range: { start: other.startOffset, end: target.range.end } };
  return block;
}

function buildOverlays(ctx: BuildContext, node: CstNode): OverlaysBlock | undefined {
  const range = nodeRange(node);
  return range && { kind: "Overlays", territories: buildTerritoryList(ctx, node), range };
}

function buildTerritoryList(ctx: BuildContext, node: CstNode): TerritoryDecl[] {
  const out: TerritoryDecl[] = [];
  for (const n of subs(node, "territoryDecl")) {
    const t = buildTerritory(ctx, n);
    if (t) out.push(t);
  }
  return out;
}

export function buildTerritory(ctx: BuildContext, node: CstNode): TerritoryDecl | undefined {
  const early = ctx.early?.get(node);
  if (early) return replay(ctx, early) as TerritoryDecl | undefined;
  const name = buildDeclName(ctx, sub(node, "declName"));
  const range = nodeRange(node);
  if (!name || !range) return undefined;
  const l = tok(node, "StringLit");
  // The same keys in the same order as `{ kind, ...head }`, without a spread per territory.
  const t: TerritoryDecl = l ? { kind: "Territory", name, label: stringLit(l), range } : { kind: "Territory", name, range };
  applyClauses(ctx, t, subs(node, "ruleClause"), "territory", name);
  const blocks = subs(node, "territoriesBlock");
  const first = blocks[0];
  if (first) {
    const children = buildTerritories(ctx, first);
    if (children) t.children = children;
  }
  for (let i = 1; i < blocks.length; i++) {
    const dup = blocks[i];
    const r = nodeRange(dup);
    const kw = tok(dup, "Kw_territories");
    const r1 = nodeRange(first);
    if (r && r1) duplicateClause(ctx, "territories", ownerOf("territory", name), kw ? tokRange(kw) : r, r1);
  }
  return t;
}

const TYPE_LIST = "`string`, `int`, `number`, `money`, `bool`, `date`, `country`, `region`, `postal`, `domain`, `rep` or `enum(a, b, …)`";

/** A name in type position that is not a type (the field itself is left out of the AST). */
function unknownType(ctx: BuildContext, t: IToken): void {
  const close = suggest(t.image, T.TYPE_NAMES, 1)[0];
  const range = tokRange(t);
  ctx.diagnostics.push(
    makeDiagnostic(Codes.UnexpectedToken, ctx.uri, range, `unknown field type \`${t.image}\``, {
      help: close ? `did you mean \`${close}\`? Field types are ${TYPE_LIST}` : `field types are ${TYPE_LIST}`,
      fixes: close ? [{ label: `change to \`${close}\``, file: ctx.uri, range, newText: close }] : [],
    }),
  );
}
