// Open documents over the file system: the language server's FileHost, and the place programs
// are (re)built. Open documents win over disk; unopened imported files are read from disk.
//
// Two builds per ruleset, cached separately: the front end (`loadProgram`: parse, bind, check —
// what completion, hover, navigation and the first diagnostics need) and the compiled result
// (`compileProgram`: the static analysis and the artifact — slower, run only after typing stops
// and for commands that need the artifact).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadProgram, ParseCache, type FileHost, type Program } from "@carve/language";
import { compileProgram, type CompileResult } from "@carve/compiler";
import { Runtime } from "@carve/runtime";
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

interface Built {
  program: Program;
  /** every file the build read, with its text then (undefined: it did not exist, e.g. a missing import) */
  texts: Map<string, string | undefined>;
}

/** A compiled program and, when it has an artifact, the runtime over it (built on first use). */
export interface Compiled {
  program: Program;
  result: CompileResult;
  runtime(): Runtime | undefined;
}

const DECLARES_RULESET = /^\s*ruleset\b/m;

export class Workspace implements FileHost {
  private readonly docs = new Map<string, TextDocument>();
  private readonly diskCache = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[]>();
  private readonly programs = new Map<string, Built>();
  private readonly compiledCache = new WeakMap<Program, Compiled>();
  /**
   * Parses across rebuilds: an unchanged file (an imported roster) is not parsed again, and an
   * edited one is re-parsed only around the edit. Diagnostics within 100 ms of an edit on a
   * 5,000-line file depend on it (docs/editor.md).
   */
  private readonly parses = new ParseCache();

  constructor(private readonly disk: Disk = nodeDisk) {}

  open(path: string, text: string, version = 0): void {
    this.docs.set(path, TextDocument.create(path, "carve", version, typeof text === "string" ? text : ""));
  }

  change(path: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    const doc = this.docs.get(path);
    if (!doc) return this.open(path, changes.map((c) => c.text).join(""), version);
    this.docs.set(path, TextDocument.update(doc, changes, version));
  }

  close(path: string): void {
    this.docs.delete(path);
    this.diskCache.delete(path);
    this.parses.forget(path);
  }

  /** Forgets what was read from disk (files changed outside the editor). */
  invalidateDisk(): void {
    this.diskCache.clear();
    this.listings.clear();
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

  /** The front-end program a file belongs to (see entryFor), up to date with every open document. */
  programFor(path: string): Program {
    return this.program(this.entryFor(path));
  }

  /**
   * The last program built for the file's ruleset even if an edit has happened since (built when
   * there is none). For completion: names and types rarely change between two keystrokes, and a
   * rebuild of a large ruleset costs more than completion may take.
   */
  recentProgramFor(path: string): Program {
    const entry = this.entryFor(path, true);
    return this.programs.get(entry)?.program ?? this.program(entry);
  }

  /** The compiled program (static analysis and artifact) of the file's ruleset. */
  compiledFor(path: string): Compiled {
    return this.compile(this.entryFor(path));
  }

  /** True when the cached program of `entry` was built from the current texts. */
  isCurrent(entry: string): boolean {
    const built = this.programs.get(entry);
    return built !== undefined && [...built.texts].every(([p, t]) => this.readFile(p) === t);
  }

  /**
   * The ruleset entry for a file: the file itself if it declares `ruleset`; else a file declaring
   * `ruleset` in its folder or the parent folder whose program includes it; else the file alone.
   * With `recent`, programs built before the last edit are good enough to decide.
   */
  entryFor(path: string, recent = false): string {
    const text = this.readFile(path);
    if (text === undefined || DECLARES_RULESET.test(text)) return path;
    for (const candidate of this.candidates(path)) {
      const t = this.readFile(candidate);
      if (t === undefined || !DECLARES_RULESET.test(t)) continue;
      const program = (recent ? this.programs.get(candidate)?.program : undefined) ?? this.program(candidate);
      if (program.files.some((f) => f.uri === path)) return candidate;
    }
    return path;
  }

  /** The front end's program for a ruleset entry, from the cache while no file of it changed. */
  program(entry: string): Program {
    const built = this.programs.get(entry);
    if (built && this.isCurrent(entry)) return built.program;
    // Reads are recorded so that a missing import that appears later (opened, or created on
    // disk) also makes the program stale.
    const texts = new Map<string, string | undefined>();
    const host: FileHost = {
      readFile: (p) => {
        const t = this.readFile(p);
        texts.set(p, t);
        return t;
      },
      resolve: (from, relative) => this.resolve(from, relative),
    };
    const program = loadProgram(entry, host, { parse: this.parses.parse });
    this.programs.set(entry, { program, texts });
    return program;
  }

  /** The compiled program for a ruleset entry; compiled once per front-end program. */
  compile(entry: string): Compiled {
    const program = this.program(entry);
    const hit = this.compiledCache.get(program);
    if (hit) return hit;
    let result: CompileResult;
    try {
      result = compileProgram(program);
    } catch (e) {
      // The analysis failing must not hide the front end's diagnostics.
      console.error(`carve: the static analysis failed: ${(e as Error)?.stack ?? String(e)}`);
      result = { diagnostics: program.diagnostics };
    }
    let runtime: Runtime | undefined;
    let loaded = false;
    const compiled: Compiled = {
      program,
      result,
      runtime: () => {
        if (loaded) return runtime;
        loaded = true;
        // The artifact was just compiled from the program: validating it again (as loadArtifact
        // does for artifacts read from disk) would only cost time.
        try {
          if (result.artifact) runtime = new Runtime(result.artifact);
        } catch (e) {
          console.error(`carve: the runtime could not load the compiled ruleset: ${(e as Error)?.stack ?? String(e)}`);
        }
        return runtime;
      },
    };
    this.compiledCache.set(program, compiled);
    return compiled;
  }

  /** The entries of the rulesets the open documents belong to. */
  openEntries(): string[] {
    return [...new Set(this.openPaths().map((p) => this.entryFor(p)))];
  }

  private candidates(path: string): string[] {
    const dir = dirname(path);
    const dirs = [dir, dirname(dir)];
    const out = new Set<string>();
    // Open documents first: the entry the user is working on is the likeliest one.
    for (const p of this.docs.keys()) if (dirs.includes(dirname(p)) && p !== path) out.add(p);
    for (const d of dirs) {
      if (!this.listings.has(d)) this.listings.set(d, this.disk.listCarveFiles(d));
      for (const p of this.listings.get(d)!) if (p !== path) out.add(p);
    }
    return [...out];
  }
}
