// Program structure and name diagnostics (binder): CARVE020–CARVE039.
import { entry } from "./catalogue-entry.js";

export const NameCodes = {
  MissingRuleset: entry(20, "error", "the entry file declares no ruleset"),
  ExtraRuleset: entry(21, "error", "more than one ruleset declaration"),
  ImportNotFound: entry(22, "error", "imported file not found"),
  ImportCycle: entry(23, "error", "import cycle"),
  DuplicateName: entry(24, "error", "duplicate name"),
  UnknownName: entry(25, "error", "unknown name"),
  MissingRecord: entry(26, "error", "no record declaration"),
  ExtraRecord: entry(27, "error", "more than one record declaration"),
  MissingTerritories: entry(28, "error", "no top-level territories block"),
  ExtraTerritories: entry(29, "error", "more than one top-level territories block"),
  ExtraOverlays: entry(30, "error", "more than one overlays block"),
  SegmentCycle: entry(31, "error", "segment cycle"),
  WrongKind: entry(32, "error", "name refers to the wrong kind of declaration"),
  UnknownField: entry(33, "error", "unknown field"),
  UnknownTerritory: entry(34, "error", "unknown territory path"),
  DuplicateField: entry(35, "error", "duplicate field"),
  DuplicateTest: entry(36, "warning", "duplicate test name"),
  ImportInvalid: entry(37, "error", "invalid import path"),
  FieldPrefixConflict: entry(38, "error", "a field is also the prefix of a dotted field"),
  InternalError: entry(39, "error", "internal error in the checker"),
} as const;
