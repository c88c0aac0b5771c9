// Compiler and analysis diagnostics: CARVE070–CARVE099 (the front end owns 001–069).
import { entry } from "@carve/language";

export const CompilerCodes = {
  TooComplex: entry(99, "error", "condition too complex to compile"),
} as const;
