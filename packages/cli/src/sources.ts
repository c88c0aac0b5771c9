// Turns the paths a user passes (files or folders) into the rulesets to load:
// a file that declares `ruleset` is an entry and pulls in its imports; other `.carve` files that no
// entry imports are checked on their own for syntax (they may be fragments of another ruleset).
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { tokenize } from "@carve/language";
import { IoError } from "./output.js";
import { NodeFileHost } from "./node-host.js";

const SKIP_DIRS = new Set(["node_modules", ".git", "dist"]);

/** Every `.carve` file under the given paths, absolute and sorted; folders are walked recursively. */
export function collectCarveFiles(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new IoError(`no such file or folder: ${p}`);
    }
    if (st.isDirectory()) walk(abs, out);
    else out.add(abs);
  }
  return [...out].sort();
}

/** Folders never searched for rules: dependencies, build output, hidden folders. */
export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || name.startsWith(".");
}

function walk(dir: string, out: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new IoError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) {
      if (!isSkippedDir(e.name)) walk(join(dir, e.name), out);
    } else if (e.isFile() && e.name.endsWith(".carve")) out.add(join(dir, e.name));
  }
}

export interface SourceText {
  path: string;
  text: string;
  /** declares `ruleset`: found by the lexer alone, so that loading the ruleset parses each file once */
  isEntry: boolean;
}

export function readSources(files: readonly string[], host = new NodeFileHost()): SourceText[] {
  return files.map((path) => {
    const text = host.readFile(path);
    if (text === undefined) throw new IoError(`cannot read ${path}`);
    return { path, text, isEntry: tokenize(text).some((t) => t.kind === "keyword" && t.text === "ruleset") };
  });
}

/**
 * The one ruleset entry a command such as `compile`, `test` or `assign` works on: the file itself,
 * or the single file under a folder that declares `ruleset`.
 */
export function findEntry(path: string): string {
  return pickEntry(path, collectCarveFiles([path]));
}

/** The entry among the `.carve` files found for `path` (read through `host`), by the rule of findEntry. */
export function pickEntry(path: string, files: readonly string[], host = new NodeFileHost(), where = ""): string {
  if (files.length === 0) throw new IoError(`no .carve files found in ${path}${where}`);
  if (files.length === 1 && resolve(path) === files[0]) return files[0];
  const entries = readSources(files, host).filter((s) => s.isEntry).map((s) => s.path);
  if (entries.length === 1) return entries[0];
  if (entries.length === 0) throw new IoError(`no file under ${path}${where} declares a \`ruleset\`; pass the ruleset's entry file`);
  throw new IoError(`${path}${where} holds ${entries.length} rulesets (${entries.join(", ")}); pass one entry file`);
}
