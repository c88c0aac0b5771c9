// What the semantic phase produces: the loaded program with its symbols, record schema,
// resolved references and normalised literals. Later phases (analysis, lowering, the language
// server) read a Program and never re-resolve names or re-normalise source literals.
import type {
  DottedName, FieldDecl, FieldTypeName, IdentLit, OverlaysBlock, OverrideDecl, QueueDecl, RecordDecl, RepDecl,
  RulesetDecl, SegmentDecl, SetDecl, SourceFile, TeamDecl, TerritoriesBlock, TerritoryDecl, TestDecl,
} from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

interface SymbolBase {
  name: string;
  /** the file that declares it */
  file: string;
  /** the range of the declared name */
  nameRange: Range;
}
export type RepSymbol = SymbolBase & { kind: "rep"; decl: RepDecl };
export type TeamSymbol = SymbolBase & { kind: "team"; decl: TeamDecl };
export type QueueSymbol = SymbolBase & { kind: "queue"; decl: QueueDecl };
export type SetSymbol = SymbolBase & { kind: "set"; decl: SetDecl };
export type SegmentSymbol = SymbolBase & { kind: "segment"; decl: SegmentDecl };
export type OverrideSymbol = SymbolBase & { kind: "override"; decl: OverrideDecl };
/** `overlay` is true for territories declared in the `overlays` block. */
export type TerritorySymbol = SymbolBase & { kind: "territory"; decl: TerritoryDecl; overlay: boolean };
export type RecordSymbol = SymbolBase & { kind: "record"; decl: RecordDecl };
/** A record field. Fields are not in the shared namespace; they are symbols so references can point at them. */
export type FieldSymbol = SymbolBase & { kind: "field"; decl: FieldDecl; field: FieldInfo };

/** A declaration in the ruleset's one namespace. */
export type CarveSymbol =
  | RepSymbol | TeamSymbol | QueueSymbol | SetSymbol | SegmentSymbol | OverrideSymbol | TerritorySymbol | RecordSymbol;
export type SymbolKind = CarveSymbol["kind"];
/** Alias matching the public contract's name (`Map<string, Symbol>`). */
export type { CarveSymbol as Symbol };

/** A symbol that can own records. */
export type AssigneeSymbol = RepSymbol | TeamSymbol | QueueSymbol;

export interface FieldInfo {
  /** the dotted name, e.g. `account.owner` */
  name: string;
  type: FieldTypeName;
  optional: boolean;
  key: boolean;
  /** the declared values, in order, for `enum` */
  enumValues?: string[];
  /**
   * For `region` and `postal`: the `country` field whose value gives the context for bare region
   * codes and country-specific postal formats (the country field with the same dotted prefix, else
   * the record's first `country` field). The runtime must use the same field.
   */
  countryField?: string;
  decl: FieldDecl;
  file: string;
}

export interface RecordSchema {
  name: string;
  decl: RecordDecl;
  file: string;
  /** by dotted name, in declaration order */
  fields: Map<string, FieldInfo>;
  /** the dotted name of the `key` field, if one is declared */
  keyField?: string;
}

/** A use of a name: the language server's definition, references and rename. Declarations are not included. */
export interface Reference {
  file: string;
  range: Range;
  symbol: CarveSymbol | FieldSymbol;
}

export type LiteralValue = string | number | boolean;

/**
 * A checked literal's normalised value(s), in the domain of the field it is compared with (SPEC 2.5):
 * country → ISO alpha-2, region → ISO 3166-2, enum → the declared spelling, money 250M → 250000000,
 * date → "YYYY-MM-DD", rep → the rep's name, postal/domain → canonical form, string → trimmed
 * (string comparisons fold case with `foldString` from @carve/values when compiled).
 * Text patterns (`starts with`, `ends with`, `contains`) are stored as compared: string → folded,
 * postal → `postalDigits`, domain → lower-case.
 */
export type NormalizedLiteral =
  | { kind: "value"; type: FieldTypeName; value: LiteralValue }
  | { kind: "list"; type: FieldTypeName; values: LiteralValue[] }
  | { kind: "range"; type: FieldTypeName; low: LiteralValue; high: LiteralValue }
  /** a set name in value position: the set's elements normalised for this use's field */
  | { kind: "set"; type: FieldTypeName; set: SetDecl; values: LiteralValue[] };

/** What an `assign`, `otherwise` or `overflow` names. */
export type ResolvedTarget =
  | { kind: "symbol"; symbol: AssigneeSymbol }
  | { kind: "field"; field: FieldInfo };

/** How a set is used: as values of a field, or as text patterns (`starts with` …). */
export type SetUseMode = "value" | "pattern";

export interface SetUse {
  node: IdentLit;
  file: string;
  field: FieldInfo;
  mode: SetUseMode;
}

export interface SetInfo {
  decl: SetDecl;
  file: string;
  /** every use in a condition, in program order */
  uses: SetUse[];
  /** the element type, from the first use; undefined for an unused set */
  type?: FieldTypeName;
  mode?: SetUseMode;
  /** the elements normalised for the first use (elements that failed to normalise are left out) */
  values?: LiteralValue[];
}

/**
 * A loaded, bound and checked ruleset. Everything below is filled in as far as the source allows,
 * even when there are errors; consumers that need a sound program check `hasErrors(program)` first.
 *
 * For the compiler: `record` (types, enum values, key, country context), `literals` (every source
 * literal already normalised: read the entry of a test's value node), `targets` (every assign/
 * otherwise/overflow resolved), `sets` (element types and values), `segmentOrder` (dependencies
 * first), `overrides` (evaluation order), `territoryPath`, and `fileOf` to place findings.
 */
export interface Program {
  entry: string;
  /** entry first, then imported files in load order (depth-first, import order) */
  files: SourceFile[];
  /** parse, binder and checker diagnostics of every file, sorted by file order then offset */
  diagnostics: Diagnostic[];
  /** the one namespace: reps, teams, queues, sets, segments, overrides, territories (overlays too), the record */
  symbols: Map<string, CarveSymbol>;
  record?: RecordSchema;
  ruleset?: RulesetDecl;
  territories?: TerritoriesBlock;
  overlays?: OverlaysBlock;
  /** in evaluation order: declaration order, an import counting at its `import` line (SPEC 2.6 step 3) */
  overrides: OverrideDecl[];
  /** in program order */
  tests: TestDecl[];
  /** "na.west.west_ent"; overlay territories too, from the `overlays` block */
  territoryPath: Map<TerritoryDecl, string>;
  /** the inverse of territoryPath, for primary territories */
  territoryByPath: Map<string, TerritoryDecl>;
  /** the inverse of territoryPath, for overlay territories */
  overlayByPath: Map<string, TerritoryDecl>;
  references: Reference[];
  literals: Map<object, NormalizedLiteral>;
  /** every assign, otherwise and overflow that resolved, keyed by its DottedName node */
  targets: Map<DottedName, ResolvedTarget>;
  sets: Map<SetDecl, SetInfo>;
  /** segments with every segment they use before them; segments in a cycle are left out */
  segmentOrder: SegmentDecl[];
  /** the file of every top-level item and of every territory (nested and overlay ones included) */
  fileOf: Map<object, string>;
}
