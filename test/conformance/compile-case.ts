// A case's files through the front end and the compiler, exactly as the CLI would: entry
// /case/main.carve, imports resolved next to it.
import { compileProgram, type CompileResult } from "@carve/compiler";
import { LineIndex, loadProgram, MemoryHost } from "@carve/language";
import type { ConformanceCase } from "./schema.js";

export const CASE_DIR = "/case/";

export interface CompiledCase extends CompileResult {
  /** 1-based line of an offset in a case file (by the name used in the case, e.g. "main.carve") */
  lineOf(file: string, offset: number): number;
}

export function compileCase(c: ConformanceCase): CompiledCase {
  const host = new MemoryHost(Object.fromEntries(Object.entries(c.files).map(([name, text]) => [CASE_DIR + name, text])));
  const result = compileProgram(loadProgram(`${CASE_DIR}main.carve`, host));
  const indexes = new Map<string, LineIndex>();
  return {
    ...result,
    lineOf(file, offset) {
      let index = indexes.get(file);
      if (!index) indexes.set(file, (index = new LineIndex(c.files[file] ?? "")));
      return index.position(offset).line + 1;
    },
  };
}

/** The name a case uses for a program file: "/case/roster.carve" → "roster.carve". */
export function caseFileName(uri: string): string {
  return uri.startsWith(CASE_DIR) ? uri.slice(CASE_DIR.length) : uri;
}
