// Copies of syntax trees with every range moved by a number of characters: after an edit, the
// part of a file behind it keeps its tree at new offsets (syntax/reparse.ts). One function per
// node type rather than a generic walk: most of a 5,000-line file lies behind a typical edit, and
// the generic walk took four times as long. TypeScript keeps them complete: each copy is an object
// literal of its node type (every required field), each type's optional fields are listed in an
// object typed to need them all, and the table of movers needs one per node kind.
import type {
  Cond, DateLit, DottedName, Expect, FieldDecl, GivenEntry, IdentLit, Item, ListLit, Literal, Name, NumberLit,
  OtherwiseClause, OverrideDecl, QueueDecl, RangeLit, RepAttr, RepDecl, RulesetDecl, Scalar, Strategy, StringLit,
  TeamDecl, TeamMember, TerritoriesBlock, TerritoryDecl, TestDecl, TypeRef, Via,
} from "./nodes.js";
import type { Range } from "./source.js";

type Move<T> = (node: T, by: number) => T;
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** A mover for each optional field of T: leaving one out does not compile. */
type Optionals<T> = { [K in OptionalKeys<T>]-?: Move<NonNullable<T[K]>> };

/** Copies the optional fields `src` has, moved, onto `out`. */
function optionals<T extends object>(out: T, src: T, by: number, movers: Optionals<T>): T {
  const o = out as Record<string, unknown>;
  const s = src as Record<string, unknown>;
  const m = movers as Record<string, Move<unknown>>;
  for (const k in m) {
    const v = s[k];
    if (v !== undefined) o[k] = m[k](v, by);
  }
  return out;
}

/** Keeps a missing part missing: recovered trees may lack even required parts. */
const may = <T>(node: T | undefined, by: number, move: Move<T>): T => (node === undefined ? node : move(node, by)) as T;

function list<T>(nodes: T[] | undefined, by: number, move: Move<T>): T[] {
  if (!nodes) return nodes as unknown as T[];
  const out = new Array<T>(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = may(nodes[i], by, move);
  return out;
}

export const moveRange = (r: Range, by: number): Range => ({ start: r.start + by, end: r.end + by });
const range = (r: Range | undefined, by: number): Range => may(r, by, moveRange);

const name: Move<Name> = (n, by) => ({ kind: "Name", text: n.text, range: range(n.range, by) });
const dotted: Move<DottedName> = (n, by) => ({ kind: "DottedName", parts: list(n.parts, by, name), text: n.text, range: range(n.range, by) });
const string: Move<StringLit> = (n, by) => ({ kind: "String", value: n.value, range: range(n.range, by) });
const number: Move<NumberLit> = (n, by) => ({ kind: "Number", value: n.value, raw: n.raw, range: range(n.range, by) });
const date: Move<DateLit> = (n, by) => ({ kind: "Date", value: n.value, range: range(n.range, by) });
const ident: Move<IdentLit> = (n, by) => ({ kind: "Ident", name: may(n.name, by, name), range: range(n.range, by) });

const scalar: Move<Scalar> = (n, by) => {
  switch (n.kind) {
    case "String": return string(n, by);
    case "Number": return number(n, by);
    case "Date": return date(n, by);
    case "Ident": return ident(n, by);
    case "Bool": return { kind: "Bool", value: n.value, range: range(n.range, by) };
    case "Code": return { kind: "Code", value: n.value, range: range(n.range, by) };
  }
};
const listLit: Move<ListLit> = (n, by) => ({ kind: "List", items: list(n.items, by, scalar), range: range(n.range, by) });
const rangeLit: Move<RangeLit> = (n, by) => ({ kind: "Range", low: may(n.low, by, scalar), high: may(n.high, by, scalar), range: range(n.range, by) });
const literal: Move<Literal> = (n, by) => (n.kind === "List" ? listLit(n, by) : n.kind === "Range" ? rangeLit(n, by) : scalar(n, by));

const cond: Move<Cond> = (n, by) => {
  switch (n.kind) {
    case "Or": return { kind: "Or", operands: list(n.operands, by, cond), range: range(n.range, by) };
    case "And": return { kind: "And", operands: list(n.operands, by, cond), range: range(n.range, by) };
    case "Not": return { kind: "Not", operand: may(n.operand, by, cond), range: range(n.range, by) };
    case "Paren": return { kind: "Paren", inner: may(n.inner, by, cond), range: range(n.range, by) };
    case "SegmentRef": return { kind: "SegmentRef", name: may(n.name, by, name), range: range(n.range, by) };
    case "Compare":
      return { kind: "Compare", field: may(n.field, by, dotted), op: n.op, opRange: range(n.opRange, by), value: may(n.value, by, scalar), range: range(n.range, by) };
    case "In":
      return { kind: "In", field: may(n.field, by, dotted), negated: n.negated, value: may(n.value, by, literal) as InValue, range: range(n.range, by) };
    case "StringTest":
      return {
        kind: "StringTest", field: may(n.field, by, dotted), negated: n.negated, op: n.op, opRange: range(n.opRange, by),
        value: may(n.value, by, literal) as StringValue, range: range(n.range, by),
      };
    case "IsSet": return { kind: "IsSet", field: may(n.field, by, dotted), negated: n.negated, range: range(n.range, by) };
  }
};
type InValue = Extract<Cond, { kind: "In" }>["value"];
type StringValue = Extract<Cond, { kind: "StringTest" }>["value"];

const CLAUSES = { when: cond, assign: dotted, from: date, until: date };

const otherwise: Move<OtherwiseClause> = (n, by) => ({ kind: "Otherwise", target: may(n.target, by, dotted), range: range(n.range, by) });
const block: Move<TerritoriesBlock> = (n, by) =>
  optionals<TerritoriesBlock>(
    { kind: "Territories", policy: n.policy, policyRange: range(n.policyRange, by), territories: list(n.territories, by, territory), range: range(n.range, by) },
    n, by, { otherwise },
  );
const TERRITORY: Optionals<TerritoryDecl> = { label: string, children: block, ...CLAUSES };
const OVERRIDE: Optionals<OverrideDecl> = { label: string, ...CLAUSES };
const territory: Move<TerritoryDecl> = (n, by) =>
  optionals<TerritoryDecl>({ kind: "Territory", name: may(n.name, by, name), range: range(n.range, by) }, n, by, TERRITORY);

const typeRef: Move<TypeRef> = (n, by) => ({ kind: "Type", name: n.name, values: list(n.values, by, name), range: range(n.range, by) });
const field: Move<FieldDecl> = (n, by) =>
  optionals<FieldDecl>(
    { kind: "Field", name: may(n.name, by, dotted), type: may(n.type, by, typeRef), optional: n.optional, range: range(n.range, by) },
    n, by, { key: moveRange },
  );
const repAttr: Move<RepAttr> = (n, by) => ({ kind: "RepAttr", name: n.name, value: may(n.value, by, literal), range: range(n.range, by) });
const MEMBER: Optionals<TeamMember> = { weight: number, from: date, until: date };
const member: Move<TeamMember> = (n, by) => optionals<TeamMember>({ kind: "Member", rep: may(n.rep, by, name), range: range(n.range, by) }, n, by, MEMBER);
const strategy: Move<Strategy> = (n, by) => optionals<Strategy>({ kind: "Strategy", name: n.name, range: range(n.range, by) }, n, by, { field: dotted });

const given: Move<GivenEntry> = (n, by) => ({ kind: "GivenEntry", field: may(n.field, by, dotted), value: may(n.value, by, literal), range: range(n.range, by) });
const via: Move<Via> = (n, by) => {
  switch (n.kind) {
    case "override": return { kind: "override", name: may(n.name, by, name), range: range(n.range, by) };
    case "territory": return { kind: "territory", path: may(n.path, by, dotted), range: range(n.range, by) };
    case "otherwise": return { kind: "otherwise", range: range(n.range, by) };
  }
};
const expect: Move<Expect> = (n, by) => {
  switch (n.kind) {
    case "ExpectTerritory":
      return optionals<Extract<Expect, { kind: "ExpectTerritory" }>>({ kind: "ExpectTerritory", path: may(n.path, by, dotted), range: range(n.range, by) }, n, by, { via });
    case "ExpectOwner":
      return optionals<Extract<Expect, { kind: "ExpectOwner" }>>({ kind: "ExpectOwner", inTeam: n.inTeam, target: may(n.target, by, name), range: range(n.range, by) }, n, by, { via });
    case "ExpectUnassigned": return { kind: "ExpectUnassigned", range: range(n.range, by) };
    case "ExpectInvalid": return { kind: "ExpectInvalid", field: may(n.field, by, dotted), range: range(n.range, by) };
    case "ExpectOverlay": return { kind: "ExpectOverlay", path: may(n.path, by, dotted), range: range(n.range, by) };
  }
};
const TEST: Optionals<TestDecl> = { asOf: date, givenRange: moveRange };
const test: Move<TestDecl> = (n, by) =>
  optionals<TestDecl>(
    { kind: "Test", name: may(n.name, by, string), given: list(n.given, by, given), expects: list(n.expects, by, expect), range: range(n.range, by) },
    n, by, TEST,
  );

const item: Move<Item> = (n, by) => {
  const r = range(n.range, by);
  switch (n.kind) {
    case "Ruleset": return optionals<RulesetDecl>({ kind: "Ruleset", name: may(n.name, by, name), range: r }, n, by, { label: string });
    case "Import": return { kind: "Import", path: may(n.path, by, string), range: r };
    case "Record": return { kind: "Record", name: may(n.name, by, name), fields: list(n.fields, by, field), range: r };
    case "Rep": return optionals<RepDecl>({ kind: "Rep", name: may(n.name, by, name), attrs: list(n.attrs, by, repAttr), range: r }, n, by, { label: string });
    case "Queue": return optionals<QueueDecl>({ kind: "Queue", name: may(n.name, by, name), range: r }, n, by, { label: string });
    case "Team":
      return optionals<TeamDecl>(
        { kind: "Team", name: may(n.name, by, name), members: list(n.members, by, member), range: r },
        n, by, { label: string, strategy, overflow: dotted },
      );
    case "Set": return { kind: "Set", name: may(n.name, by, name), value: may(n.value, by, listLit), range: r };
    case "Segment": return { kind: "Segment", name: may(n.name, by, name), cond: may(n.cond, by, cond), range: r };
    case "Override": return optionals<OverrideDecl>({ kind: "Override", name: may(n.name, by, name), range: r }, n, by, OVERRIDE);
    case "Territories": return block(n, by);
    case "Overlays": return { kind: "Overlays", territories: list(n.territories, by, territory), range: r };
    case "Test": return test(n, by);
  }
};

/** Every kind of node (each `kind` names one node type). */
export type AnyNode = Item | TerritoryDecl | TerritoriesBlock | OtherwiseClause | Cond | Literal | Name | DottedName
  | TypeRef | FieldDecl | RepAttr | TeamMember | Strategy | GivenEntry | Via | Expect;
type Kind = AnyNode["kind"];
const MOVERS: { [K in Kind]: Move<Extract<AnyNode, { kind: K }>> } = {
  Name: name, DottedName: dotted, String: string, Number: number, Date: date, Ident: ident,
  Bool: scalar as Move<Extract<Scalar, { kind: "Bool" }>>, Code: scalar as Move<Extract<Scalar, { kind: "Code" }>>,
  Range: rangeLit, List: listLit,
  Or: cond as Move<Extract<Cond, { kind: "Or" }>>, And: cond as Move<Extract<Cond, { kind: "And" }>>,
  Not: cond as Move<Extract<Cond, { kind: "Not" }>>, Paren: cond as Move<Extract<Cond, { kind: "Paren" }>>,
  SegmentRef: cond as Move<Extract<Cond, { kind: "SegmentRef" }>>, Compare: cond as Move<Extract<Cond, { kind: "Compare" }>>,
  In: cond as Move<Extract<Cond, { kind: "In" }>>, StringTest: cond as Move<Extract<Cond, { kind: "StringTest" }>>,
  IsSet: cond as Move<Extract<Cond, { kind: "IsSet" }>>,
  Ruleset: item as Move<RulesetDecl>, Import: item as Move<Extract<Item, { kind: "Import" }>>,
  Record: item as Move<Extract<Item, { kind: "Record" }>>, Rep: item as Move<RepDecl>, Queue: item as Move<QueueDecl>,
  Team: item as Move<TeamDecl>, Set: item as Move<Extract<Item, { kind: "Set" }>>,
  Segment: item as Move<Extract<Item, { kind: "Segment" }>>, Override: item as Move<OverrideDecl>,
  Territories: block, Overlays: item as Move<Extract<Item, { kind: "Overlays" }>>, Test: test,
  Territory: territory, Otherwise: otherwise, Type: typeRef, Field: field, RepAttr: repAttr, Member: member,
  Strategy: strategy, GivenEntry: given,
  override: via as Move<Extract<Via, { kind: "override" }>>, territory: via as Move<Extract<Via, { kind: "territory" }>>,
  otherwise: via as Move<Extract<Via, { kind: "otherwise" }>>,
  ExpectTerritory: expect as Move<Extract<Expect, { kind: "ExpectTerritory" }>>,
  ExpectOwner: expect as Move<Extract<Expect, { kind: "ExpectOwner" }>>,
  ExpectUnassigned: expect as Move<Extract<Expect, { kind: "ExpectUnassigned" }>>,
  ExpectInvalid: expect as Move<Extract<Expect, { kind: "ExpectInvalid" }>>,
  ExpectOverlay: expect as Move<Extract<Expect, { kind: "ExpectOverlay" }>>,
};

/** A copy of `node` and everything in it with every range moved by `by`; undefined for an unknown kind. */
export function moveNode<T extends AnyNode>(node: T, by: number): T | undefined {
  const move = (MOVERS as Record<string, Move<AnyNode> | undefined>)[node.kind];
  return move?.(node, by) as T | undefined;
}
