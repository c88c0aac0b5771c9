// compile(program): the checked program lowered to a sealed artifact, or the reasons it cannot be.
import { makeDiagnostic, type Diagnostic, type Program } from "@carve/language";
import { prettyCanonicalJson, sealArtifact, type Artifact } from "@carve/runtime";
import { CompilerCodes } from "./catalogue.js";
import { TooComplex, MAX_BOXES } from "./lower/dnf.js";
import { lowerPlan, type SourceMap } from "./lower/plan.js";
import { sourceHash } from "./source-hash.js";
import { analyze } from "./analysis/index.js";
import { findingDiagnostics } from "./findings/diagnostics.js";
import { unusedDeclarations } from "./findings/unused.js";

export interface CompileResult {
  artifact?: Artifact;
  sourceMap?: SourceMap;
  /** front-end diagnostics plus those of lowering */
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export interface CompileOptions {
  /** run the static analysis (SPEC 2.7); default true */
  analyze?: boolean;
}

export function compileProgram(program: Program, options: CompileOptions = {}): CompileResult {
  const diagnostics = [...program.diagnostics];
  // Never emit tables from a program with errors: their meaning is not defined.
  if (hasErrors(diagnostics)) return { diagnostics };
  try {
    const lowered = lowerPlan(program, sourceHash(program));
    const { body, sourceMap } = lowered;
    if (options.analyze !== false) {
      diagnostics.push(...findingDiagnostics(analyze(body), body, sourceMap, program), ...unusedDeclarations(program));
      sortDiagnostics(diagnostics, program);
    }
    // The artifact is returned even when the analysis found errors, for tools that want to run a
    // plan under review; the CLI refuses to emit or run it while errors remain.
    return { artifact: sealArtifact(body), sourceMap, diagnostics };
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    diagnostics.push(
      makeDiagnostic(CompilerCodes.TooComplex, e.where?.file ?? program.entry, e.where?.range ?? { start: 0, end: 0 }, `this condition expands to more than ${MAX_BOXES} alternatives`, {
        help: "split the condition into segments or territories, or replace long `or` chains with `in [...]` lists",
      }),
    );
    return { diagnostics };
  }
}

/** The artifact as JSON text: canonical key order, two-space indent, trailing newline. Deterministic. */
export function artifactJson(artifact: Artifact): string {
  return `${prettyCanonicalJson(artifact)}\n`;
}

function sortDiagnostics(ds: Diagnostic[], program: Program): void {
  const order = new Map(program.files.map((f, i) => [f.uri, i]));
  ds.sort((a, b) => (order.get(a.file) ?? 1e9) - (order.get(b.file) ?? 1e9) || a.range.start - b.range.start || a.code.localeCompare(b.code));
}
