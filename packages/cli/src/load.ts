// Loads and compiles the ruleset a command works on, printing its diagnostics when it cannot.
import { compileProgram, hasErrors, type CompileResult } from "@carve/compiler";
import { countDiagnostics, loadProgram, renderDiagnostic, summarize, type Program, type SourceLookup } from "@carve/language";
import type { Artifact } from "@carve/runtime";
import { NodeFileHost } from "./node-host.js";
import { displayPath, styleFor, useColor } from "./output.js";
import { findEntry } from "./sources.js";

export interface Compiled extends CompileResult {
  program: Program;
  artifact: Artifact;
}

export function lookupFor(program: Program): SourceLookup {
  const texts = new Map(program.files.map((f) => [f.uri, f.text]));
  return { text: (f) => texts.get(f), displayName: displayPath };
}

/** Compiles the ruleset at `path`; on errors prints them to stderr and returns undefined. */
export function compilePath(path: string, color?: boolean): Compiled | undefined {
  const entry = findEntry(path);
  const program = loadProgram(entry, new NodeFileHost());
  const result = compileProgram(program);
  if (result.artifact && !hasErrors(result.diagnostics)) return { ...result, program, artifact: result.artifact };
  const style = styleFor(useColor(process.stderr, color));
  const lookup = lookupFor(program);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) process.stderr.write(`${renderDiagnostic(d, lookup, style)}\n\n`);
  process.stderr.write(`${style.error(`cannot compile ${displayPath(entry)}: ${summarize(countDiagnostics(errors))}`)}\n`);
  return undefined;
}
