// How the language reads files: a small interface so that this package never touches `fs`.
// The CLI implements it over the file system, the language server over open documents + disk,
// and tests in memory.

export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** Resolves an import's relative path against the path of the file that imports it. */
  resolve(fromFile: string, relative: string): string;
}

/** Joins POSIX-style paths and removes `.` and `..` segments. */
export function resolvePosix(fromFile: string, relative: string): string {
  if (relative.startsWith("/")) return normalizePosix(relative);
  const dir = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : ".";
  return normalizePosix(`${dir}/${relative}`);
}

function normalizePosix(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(seg);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined === "" ? "." : joined;
}

/** An in-memory host: a map from path to text. */
export class MemoryHost implements FileHost {
  private readonly files: Map<string, string>;
  constructor(files: Record<string, string> | Map<string, string>) {
    this.files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  }
  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
  resolve(fromFile: string, relative: string): string {
    return resolvePosix(fromFile, relative);
  }
  set(path: string, text: string): void {
    this.files.set(path, text);
  }
}
