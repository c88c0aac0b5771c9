// The Carve AST. Every node carries its exact source range (offsets into its file's text).
// Nodes produced from a recovered (partial) parse may miss optional parts; consumers must cope.
import type { Range } from "./source.js";

export interface NodeBase {
  range: Range;
}

/** An identifier as written. */
export interface Name extends NodeBase {
  kind: "Name";
  text: string;
}

/** A dotted identifier: a field (`account.owner`), a territory path (`na.west`) or a plain name. */
export interface DottedName extends NodeBase {
  kind: "DottedName";
  parts: Name[];
  /** parts joined with "." */
  text: string;
}

// ---------- literals ----------

export interface StringLit extends NodeBase {
  kind: "String";
  /** unescaped value */
  value: string;
}
export interface NumberLit extends NodeBase {
  kind: "Number";
  /** value with `_` removed and K/M/B applied */
  value: number;
  /** the source text, kept so the formatter never rewrites `250M` as `250000000` */
  raw: string;
}
export interface BoolLit extends NodeBase {
  kind: "Bool";
  value: boolean;
}
export interface DateLit extends NodeBase {
  kind: "Date";
  /** `YYYY-MM-DD` as written (validity is checked by the checker) */
  value: string;
}
/** A subdivision code written bare, e.g. `US-CA` (a bare `US` is lexed as an identifier). */
export interface CodeLit extends NodeBase {
  kind: "Code";
  value: string;
}
/** A bare identifier in value position: an enum value, a country code, a rep, a set name… (the checker decides). */
export interface IdentLit extends NodeBase {
  kind: "Ident";
  name: Name;
}
export type Scalar = StringLit | NumberLit | BoolLit | DateLit | CodeLit | IdentLit;

export interface RangeLit extends NodeBase {
  kind: "Range";
  low: Scalar;
  high: Scalar;
}
export interface ListLit extends NodeBase {
  kind: "List";
  items: Scalar[];
}
export type Literal = Scalar | RangeLit | ListLit;

// ---------- conditions ----------

export interface OrCond extends NodeBase {
  kind: "Or";
  operands: Cond[];
}
export interface AndCond extends NodeBase {
  kind: "And";
  operands: Cond[];
}
export interface NotCond extends NodeBase {
  kind: "Not";
  operand: Cond;
}
/** Parentheses as written; kept so the formatter reproduces them. */
export interface ParenCond extends NodeBase {
  kind: "Paren";
  inner: Cond;
}
/** A bare name in condition position: a segment reference. */
export interface SegmentRef extends NodeBase {
  kind: "SegmentRef";
  name: Name;
}
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export interface CompareTest extends NodeBase {
  kind: "Compare";
  field: DottedName;
  op: CompareOp;
  opRange: Range;
  value: Scalar;
}
/** `FIELD not? in (LIST | RANGE | SET_NAME)`; a set name arrives as an IdentLit. */
export interface InTest extends NodeBase {
  kind: "In";
  field: DottedName;
  negated: boolean;
  value: ListLit | RangeLit | IdentLit;
}
export type StringOp = "starts_with" | "ends_with" | "contains";
export interface StringTest extends NodeBase {
  kind: "StringTest";
  field: DottedName;
  negated: boolean;
  op: StringOp;
  opRange: Range;
  value: StringLit | ListLit | IdentLit;
}
export interface IsSetTest extends NodeBase {
  kind: "IsSet";
  field: DottedName;
  /** `is not set` */
  negated: boolean;
}
export type Test = CompareTest | InTest | StringTest | IsSetTest;
export type Cond = OrCond | AndCond | NotCond | ParenCond | SegmentRef | Test;

// ---------- declarations ----------

export interface RulesetDecl extends NodeBase {
  kind: "Ruleset";
  name: Name;
  label?: StringLit;
}
export interface ImportDecl extends NodeBase {
  kind: "Import";
  path: StringLit;
}

export type FieldTypeName =
  | "string" | "int" | "number" | "money" | "bool" | "date"
  | "country" | "region" | "postal" | "domain" | "rep" | "enum";
export interface TypeRef extends NodeBase {
  kind: "Type";
  name: FieldTypeName;
  /** enum values, for `enum(...)` */
  values: Name[];
}
export interface FieldDecl extends NodeBase {
  kind: "Field";
  name: DottedName;
  type: TypeRef;
  optional: boolean;
  /** range of the `key` modifier, when present */
  key?: Range;
}
export interface RecordDecl extends NodeBase {
  kind: "Record";
  name: Name;
  fields: FieldDecl[];
}

export type RepAttrName = "email" | "capacity" | "away" | "from" | "until";
export interface RepAttr extends NodeBase {
  kind: "RepAttr";
  name: RepAttrName;
  /** email: String; capacity: Number; away: Range of dates; from/until: Date */
  value: Literal;
}
export interface RepDecl extends NodeBase {
  kind: "Rep";
  name: Name;
  label?: StringLit;
  attrs: RepAttr[];
}
export interface QueueDecl extends NodeBase {
  kind: "Queue";
  name: Name;
  label?: StringLit;
}

export interface TeamMember extends NodeBase {
  kind: "Member";
  rep: Name;
  weight?: NumberLit;
  from?: DateLit;
  until?: DateLit;
}
export type StrategyName = "hash" | "round_robin" | "least_loaded";
export interface Strategy extends NodeBase {
  kind: "Strategy";
  name: StrategyName;
  /** the FIELD of `hash(FIELD)` */
  field?: DottedName;
}
export interface TeamDecl extends NodeBase {
  kind: "Team";
  name: Name;
  label?: StringLit;
  /** each `members` clause as written (usually one) */
  members: TeamMember[];
  strategy?: Strategy;
  overflow?: DottedName;
}
export interface SetDecl extends NodeBase {
  kind: "Set";
  name: Name;
  value: ListLit;
}
export interface SegmentDecl extends NodeBase {
  kind: "Segment";
  name: Name;
  cond: Cond;
}

/** Shared by territories and overrides: when/assign/from/until, each at most once. */
export interface Clauses {
  when?: Cond;
  /** a rep, team, queue, or a field of type rep (dotted) */
  assign?: DottedName;
  from?: DateLit;
  until?: DateLit;
}
export interface OverrideDecl extends NodeBase, Clauses {
  kind: "Override";
  name: Name;
  label?: StringLit;
}
export interface TerritoryDecl extends NodeBase, Clauses {
  kind: "Territory";
  name: Name;
  label?: StringLit;
  children?: TerritoriesBlock;
}
export type Policy = "first" | "unique";
export interface OtherwiseClause extends NodeBase {
  kind: "Otherwise";
  target: DottedName;
}
export interface TerritoriesBlock extends NodeBase {
  kind: "Territories";
  policy: Policy;
  policyRange: Range;
  territories: TerritoryDecl[];
  otherwise?: OtherwiseClause;
}
export interface OverlaysBlock extends NodeBase {
  kind: "Overlays";
  territories: TerritoryDecl[];
}

// ---------- tests ----------

export interface GivenEntry extends NodeBase {
  kind: "GivenEntry";
  field: DottedName;
  value: Literal;
}
export type Via =
  | { kind: "override"; name: Name; range: Range }
  | { kind: "territory"; path: DottedName; range: Range }
  | { kind: "otherwise"; range: Range };
export type Expect =
  | { kind: "ExpectTerritory"; path: DottedName; via?: Via; range: Range }
  /** `expect owner NAME` / `expect owner in TEAM` */
  | { kind: "ExpectOwner"; inTeam: boolean; target: Name; via?: Via; range: Range }
  | { kind: "ExpectUnassigned"; range: Range }
  | { kind: "ExpectInvalid"; field: DottedName; range: Range }
  | { kind: "ExpectOverlay"; path: DottedName; range: Range };
export interface TestDecl extends NodeBase {
  kind: "Test";
  name: StringLit;
  asOf?: DateLit;
  given: GivenEntry[];
  /** range of the `given { … }` block, when present */
  givenRange?: Range;
  expects: Expect[];
}

export type Item =
  | RulesetDecl | ImportDecl | RecordDecl | RepDecl | QueueDecl | TeamDecl | SetDecl
  | SegmentDecl | OverrideDecl | TerritoriesBlock | OverlaysBlock | TestDecl;

export interface Comment {
  /** text including the leading `#` */
  text: string;
  range: Range;
}

export interface SourceFile {
  kind: "File";
  /** the path or URI the host gave for this file */
  uri: string;
  text: string;
  items: Item[];
  comments: Comment[];
  range: Range;
}
