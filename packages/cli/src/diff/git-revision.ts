// The rules as they were at a git revision (`carve diff PATH --base REV`): files are read with
// `git show REV:path`, imports included, through the language's FileHost interface. Paths stay
// the working tree's absolute paths (so imports resolve and diagnostics read as usual) and are
// mapped to the repository root found with `git rev-parse --show-toplevel`.
import { execFileSync } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import { dirname, posix, relative, resolve, sep } from "node:path";
import type { FileHost } from "@carve/language";
import { IoError } from "../output.js";
import { isSkippedDir, pickEntry } from "../sources.js";

export class GitRevision implements FileHost {
  private readonly cache = new Map<string, string | undefined>();

  private constructor(
    /** the repository's top folder, real path */
    readonly root: string,
    /** the revision as the user wrote it */
    readonly rev: string,
    /** the commit it names */
    readonly commit: string,
  ) {}

  /** The repository holding `path` (a file or folder of the working tree) at revision `rev`. */
  static open(path: string, rev: string): GitRevision {
    if (rev.startsWith("-")) throw new IoError(`--base ${rev}: a git revision cannot start with "-"`);
    const dir = folderOf(path);
    let root: string;
    try {
      root = git(["rev-parse", "--show-toplevel"], dir).trim();
    } catch (e) {
      if (isMissingGit(e)) throw new IoError("--base needs git, and git is not installed or not on the PATH");
      throw new IoError(`${path} is not inside a git repository: --base reads the rules at a git revision of the repository that holds them`);
    }
    let commit: string;
    try {
      commit = git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], root).trim();
    } catch {
      throw new IoError(`unknown git revision \`${rev}\` in ${root} (in CI, fetch the history first: actions/checkout with fetch-depth: 0)`);
    }
    return new GitRevision(realpathSync(root), rev, commit);
  }

  /** The entry file of the ruleset at `path` as it was at the revision (the rule of findEntry). */
  entryOf(path: string): string {
    const abs = this.absolute(path);
    const rel = this.relativeOf(abs);
    if (rel === undefined) throw new IoError(`${path} is outside the git repository ${this.root}`);
    const kind = this.objectType(rel);
    if (kind === "blob") return abs;
    if (kind !== "tree") throw new IoError(`${path} does not exist at ${this.rev}`);
    const listed = git(["ls-tree", "-r", "--name-only", this.commit, ...(rel === "" ? [] : ["--", rel])], this.root);
    const files = listed.split("\n")
      .filter((f) => f.endsWith(".carve") && !f.split("/").slice(0, -1).some(isSkippedDir))
      .map((f) => resolve(this.root, ...f.split("/")))
      .sort();
    return pickEntry(abs, files, this, ` at ${this.rev}`);
  }

  readFile(path: string): string | undefined {
    const rel = this.relativeOf(path);
    if (rel === undefined) return undefined;
    if (!this.cache.has(rel)) {
      let text: string | undefined;
      try {
        text = this.objectType(rel) === "blob" ? git(["show", `${this.commit}:${rel}`], this.root) : undefined;
      } catch {
        text = undefined;
      }
      this.cache.set(rel, text);
    }
    return this.cache.get(rel);
  }

  resolve(fromFile: string, rel: string): string {
    return resolve(dirname(fromFile), rel);
  }

  /** The path relative to the repository root, with "/" separators; undefined outside it. */
  private relativeOf(abs: string): string | undefined {
    const rel = relative(this.root, abs);
    if (rel.startsWith("..") || resolve(this.root, rel) !== abs) return undefined;
    return rel.split(sep).join(posix.sep);
  }

  /** An absolute path under the real root (the working tree may be reached through a symlink). */
  private absolute(path: string): string {
    const abs = resolve(path);
    try {
      return realpathSync(abs);
    } catch {
      // Absent from the working tree (deleted since the revision): resolve its folder instead.
      try {
        return resolve(realpathSync(dirname(abs)), abs.slice(dirname(abs).length + 1));
      } catch {
        return abs;
      }
    }
  }

  private objectType(rel: string): string | undefined {
    try {
      return git(["cat-file", "-t", `${this.commit}:${rel}`], this.root).trim();
    } catch {
      return undefined;
    }
  }
}

function folderOf(path: string): string {
  const abs = resolve(path);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    // A path deleted from the working tree still names a place in the repository.
    let dir = dirname(abs);
    while (dir !== dirname(dir)) {
      try {
        if (statSync(dir).isDirectory()) return dir;
      } catch {
        // keep climbing
      }
      dir = dirname(dir);
    }
    return dir;
  }
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

function isMissingGit(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as NodeJS.ErrnoException).code === "ENOENT";
}
