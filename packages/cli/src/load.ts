// Loads and compiles the ruleset a command works on, printing its diagnostics when it cannot.
import { compileProgram, hasErrors, type CompileResult } from "@carve/compiler";
import { countDiagnostics, loadProgram, renderDiagnostic, summarize, type FileHost, type Program, type SourceLookup } from "@carve/language";
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
  return compileEntry(findEntry(path), new NodeFileHost(), color);
}

/**
 * Compiles the ruleset whose entry file is `entry`, read through `host` (e.g. at a git revision,
 * which `version` then names in the error summary); on errors prints them and returns undefined.
 */
export function compileEntry(entry: string, host: FileHost, color?: boolean, version?: string): Compiled | undefined {
  const program = loadProgram(entry, host);
  const result = compileProgram(program);
  if (result.artifact && !hasErrors(result.diagnostics)) return { ...result, program, artifact: result.artifact };
  const style = styleFor(useColor(process.stderr, color));
  const lookup = lookupFor(program);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) process.stderr.write(`${renderDiagnostic(d, lookup, style)}\n\n`);
  const which = version === undefined ? "" : ` (${version})`;
  process.stderr.write(`${style.error(`cannot compile ${displayPath(entry)}${which}: ${summarize(countDiagnostics(errors))}`)}\n`);
  return undefined;
}
