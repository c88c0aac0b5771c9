// compile(program): the checked program lowered to a sealed artifact, or the reasons it cannot be.
import { makeDiagnostic, type Diagnostic, type Program } from "@carve/language";
import { canonicalJson, sealArtifact, type Artifact } from "@carve/runtime";
import { CompilerCodes } from "./catalogue.js";
import { TooComplex, MAX_BOXES } from "./lower/dnf.js";
import { lowerPlan, type SourceMap } from "./lower/plan.js";
import { sourceHash } from "./source-hash.js";

export interface CompileResult {
  artifact?: Artifact;
  sourceMap?: SourceMap;
  /** front-end diagnostics plus those of lowering */
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function compileProgram(program: Program): CompileResult {
  const diagnostics = [...program.diagnostics];
  // Never emit tables from a program with errors: their meaning is not defined.
  if (hasErrors(diagnostics)) return { diagnostics };
  try {
    const { body, sourceMap } = lowerPlan(program, sourceHash(program));
    return { artifact: sealArtifact(body), sourceMap, diagnostics };
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    diagnostics.push(
      makeDiagnostic(CompilerCodes.TooComplex, program.entry, { start: 0, end: 0 }, `a condition expands to more than ${MAX_BOXES} alternatives`, {
        help: "split the condition into segments or territories, or replace long `or` chains with `in [...]` lists",
      }),
    );
    return { diagnostics };
  }
}

/** The artifact as JSON text: canonical key order, two-space indent, trailing newline. Deterministic. */
export function artifactJson(artifact: Artifact): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(artifact)), null, 2)}\n`;
}
