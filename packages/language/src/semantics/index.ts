// Barrel for semantics/: program loading, binding, type checking and literal normalisation.
export { loadProgram, checkProgram, hasErrors } from "./program.js";
export { loadFiles, type LoadedFiles, type LoadOptions } from "./load.js";
export { givenRecord } from "./given.js";
export type {
  AssigneeSymbol, CarveSymbol, FieldInfo, FieldSymbol, LiteralValue, NormalizedLiteral, OverrideSymbol, Program,
  QueueSymbol, RecordSchema, RecordSymbol, Reference, RepSymbol, ResolvedTarget, SegmentSymbol, SetInfo, SetSymbol,
  SetUse, SetUseMode, SymbolKind, TeamSymbol, TerritorySymbol, Symbol,
} from "./types.js";
