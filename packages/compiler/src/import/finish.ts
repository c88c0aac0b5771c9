// The last step of every importer: the generated text in the canonical layout (`formatText`), then
// checked and analysed like any ruleset (`loadProgram` + `compileProgram`), so the report can say
// what Carve finds in the imported plan.
import { formatText, loadProgram, MemoryHost, type Diagnostic } from "@carve/language";
import type { Artifact } from "@carve/runtime";
import { compileProgram, hasErrors } from "../compile.js";

export interface Finished {
  text: string;
  diagnostics: Diagnostic[];
  /** the compiled plan, unless the ruleset has errors */
  artifact?: Artifact;
}

/**
 * `uri` names the ruleset in diagnostics (e.g. `plan.carve`). `analyze: false` checks names, types
 * and lowering only, without the static analysis (which can be slow on very large text tests).
 */
export function finishRuleset(uri: string, generated: string, analyze = true): Finished {
  const formatted = formatText(uri, generated);
  if (!formatted.ok) {
    // The importers only write syntax they know; a failure here is a bug in them, not in the input.
    const first = formatted.diagnostics[0];
    throw new Error(`the importer wrote text Carve cannot parse (${first?.code}: ${first?.message})`);
  }
  const program = loadProgram(uri, new MemoryHost({ [uri]: formatted.text }));
  const { diagnostics, artifact } = compileProgram(program, { analyze });
  return { text: formatted.text, diagnostics, artifact: hasErrors(diagnostics) ? undefined : artifact };
}
