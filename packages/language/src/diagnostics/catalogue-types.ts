// Type and value diagnostics (checker): CARVE040–CARVE069.
import { entry } from "./catalogue-entry.js";

export const TypeCodes = {
  OperatorMismatch: entry(40, "error", "operator not valid for the field's type"),
  ValueTypeMismatch: entry(41, "error", "value does not fit the field's type"),
  InvalidValue: entry(42, "error", "value not in the field's domain"),
  AmbiguousRegion: entry(43, "error", "ambiguous region code"),
  InvalidDate: entry(44, "error", "invalid date"),
  RangeOutOfOrder: entry(45, "error", "range bounds out of order"),
  ExtraKey: entry(46, "error", "more than one key field"),
  InvalidTarget: entry(47, "error", "not something that can own a record"),
  MemberNotRep: entry(48, "error", "team member is not a rep"),
  DuplicateGiven: entry(49, "error", "field given twice in a test"),
  SetTypeConflict: entry(50, "error", "set used with fields of different types"),
  WindowOutOfOrder: entry(51, "error", "`from` is after `until`"),
  DuplicateClause: entry(52, "error", "clause given more than once"),
  MissingClause: entry(53, "error", "required clause missing"),
  EnumProblem: entry(54, "error", "invalid enum declaration"),
  NotAnInteger: entry(55, "error", "expected a whole number"),
  TestWithoutExpect: entry(56, "warning", "test has no expectation"),
  DuplicateMember: entry(57, "error", "rep listed twice in a team"),
  MissingGiven: entry(58, "warning", "a test leaves out a required field"),
  OverflowCycle: entry(59, "error", "team overflow cycle"),
  DuplicateEmail: entry(60, "error", "two reps share an e-mail"),
} as const;
