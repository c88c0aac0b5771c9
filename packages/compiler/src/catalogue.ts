// Compiler and static-analysis diagnostics: CARVE070–CARVE099 (the front end owns 001–069).
// Codes are stable: never reuse or renumber one.
import { entry, type CatalogueEntry } from "@carve/language";

export const CompilerCodes = {
  Overlap: entry(70, "error", "two territories of a `unique` group match the same record"),
  Shadowed: entry(71, "warning", "territory can never match: earlier siblings take all its records"),
  ShadowedOverride: entry(72, "warning", "override can never apply: earlier overrides take all its records"),
  Gap: entry(73, "error", "some records match no territory and there is no `otherwise`"),
  NestedGap: entry(74, "info", "some records reaching a nested group match none of its territories"),
  Unsatisfiable: entry(75, "warning", "condition no record can satisfy"),
  AnalysisIncomplete: entry(76, "info", "analysis incomplete: budget exceeded"),
  TeamUnavailable: entry(77, "warning", "team has no available member in some period"),
  OwnerLeaves: entry(78, "warning", "a rep's `until` leaves a territory with no owner"),
  Unused: entry(79, "warning", "declared but never used"),
  TooComplex: entry(99, "error", "condition too complex to compile"),
} as const;

export const compilerCatalogue: CatalogueEntry[] = Object.values(CompilerCodes);
