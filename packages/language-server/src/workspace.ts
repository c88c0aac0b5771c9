// Open documents over the file system: the language server's FileHost, and the place programs
// are (re)built. Open documents win over disk; unopened imported files are read from disk.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadProgram, type Diagnostic, type FileHost, type Program } from "@carve/language";
import { compileProgram } from "@carve/compiler";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";

/** The file system as the workspace sees it (tests give an in-memory one). */
export interface Disk {
  readFile(path: string): string | undefined;
  /** `.carve` files directly in a folder (absolute paths) */
  listCarveFiles(dir: string): string[];
}

export const nodeDisk: Disk = {
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  listCarveFiles(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".carve"))
        .map((e) => join(dir, e.name))
        .sort();
    } catch {
      return [];
    }
  },
};

/** A program with the front end's and the static analysis' diagnostics. */
export interface Analysis {
  program: Program;
  diagnostics: Diagnostic[];
}

interface Cached {
  analysis: Analysis;
  /** the text of every file of the program when it was built */
  texts: Map<string, string>;
}

const DECLARES_RULESET = /^\s*ruleset\b/m;

export class Workspace implements FileHost {
  private readonly docs = new Map<string, TextDocument>();
  private readonly diskCache = new Map<string, string | undefined>();
  private readonly programs = new Map<string, Cached>();

  constructor(private readonly disk: Disk = nodeDisk) {}

  open(path: string, text: string, version = 0): void {
    this.docs.set(path, TextDocument.create(path, "carve", version, text));
  }

  change(path: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    const doc = this.docs.get(path);
    if (!doc) return this.open(path, changes.map((c) => c.text).join(""), version);
    this.docs.set(path, TextDocument.update(doc, changes, version));
  }

  close(path: string): void {
    this.docs.delete(path);
    this.diskCache.delete(path);
  }

  /** Forgets what was read from disk (files changed outside the editor). */
  invalidateDisk(): void {
    this.diskCache.clear();
    this.programs.clear();
  }

  isOpen(path: string): boolean {
    return this.docs.has(path);
  }

  openPaths(): string[] {
    return [...this.docs.keys()];
  }

  version(path: string): number | undefined {
    return this.docs.get(path)?.version;
  }

  readFile(path: string): string | undefined {
    const doc = this.docs.get(path);
    if (doc) return doc.getText();
    if (!this.diskCache.has(path)) this.diskCache.set(path, this.disk.readFile(path));
    return this.diskCache.get(path);
  }

  resolve(fromFile: string, relative: string): string {
    return resolve(dirname(fromFile), relative);
  }

  /** The program a file belongs to (see entryFor), built or taken from the cache. */
  analysisFor(path: string): Analysis {
    return this.analyze(this.entryFor(path));
  }

  /**
   * The ruleset entry for a file: the file itself if it declares `ruleset`; else a file declaring
   * `ruleset` in its folder or the parent folder whose program includes it; else the file alone.
   */
  entryFor(path: string): string {
    const text = this.readFile(path);
    if (text === undefined || DECLARES_RULESET.test(text)) return path;
    for (const candidate of this.candidates(path)) {
      const t = this.readFile(candidate);
      if (t === undefined || !DECLARES_RULESET.test(t)) continue;
      if (this.analyze(candidate).program.files.some((f) => f.uri === path)) return candidate;
    }
    return path;
  }

  analyze(entry: string): Analysis {
    const cached = this.programs.get(entry);
    if (cached && [...cached.texts].every(([p, t]) => this.readFile(p) === t)) return cached.analysis;
    const program = loadProgram(entry, this);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = compileProgram(program).diagnostics;
    } catch (e) {
      // The analysis failing must not hide the front end's diagnostics.
      console.error(`carve: the static analysis failed: ${(e as Error)?.stack ?? String(e)}`);
      diagnostics = program.diagnostics;
    }
    const analysis = { program, diagnostics };
    this.programs.set(entry, { analysis, texts: new Map(program.files.map((f) => [f.uri, f.text])) });
    return analysis;
  }

  private candidates(path: string): string[] {
    const dir = dirname(path);
    const dirs = [dir, dirname(dir)];
    const out = new Set<string>();
    // Open documents first: the entry the user is working on is the likeliest one.
    for (const p of this.docs.keys()) if (dirs.includes(dirname(p)) && p !== path) out.add(p);
    for (const d of dirs) for (const p of this.disk.listCarveFiles(d)) if (p !== path) out.add(p);
    return [...out];
  }
}
