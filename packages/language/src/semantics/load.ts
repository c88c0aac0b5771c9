// Program loading: parse the entry file and follow its imports through the host, depth-first in
// import order. A file imported twice (a diamond) is loaded once; a cycle or a missing file is
// reported at the `import` that causes it.
import type { ImportDecl, OverrideDecl, SourceFile } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FileHost } from "../host.js";
import { parse, type ParseResult } from "../syntax/index.js";

export interface LoadOptions {
  /**
   * How a file is parsed; parse() by default. The language server passes a ParseCache's, which
   * reuses unchanged files and re-parses edited ones incrementally: the result must equal parse()'s.
   */
  parse?: (uri: string, text: string) => ParseResult;
}

export interface LoadedFiles {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** overrides in evaluation order: an imported file's overrides count at its first `import` line */
  overrides: OverrideDecl[];
  /** false when the entry file itself could not be read */
  entryReadable: boolean;
}

function safeRead(host: FileHost, path: string): string | undefined {
  try {
    const text = host.readFile(path);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

function safeResolve(host: FileHost, from: string, relative: string): string | undefined {
  try {
    const r = host.resolve(from, relative);
    return typeof r === "string" && r.length > 0 ? r : undefined;
  } catch {
    return undefined;
  }
}

/** The file's name for messages: the last path segment. */
export function baseName(uri: string): string {
  const i = Math.max(uri.lastIndexOf("/"), uri.lastIndexOf("\\"));
  return i >= 0 ? uri.slice(i + 1) : uri;
}

export function loadFiles(entry: string, host: FileHost, options: LoadOptions = {}): LoadedFiles {
  const parseFile = options.parse ?? parse;
  const out: LoadedFiles = { files: [], diagnostics: [], overrides: [], entryReadable: true };
  const loaded = new Map<string, SourceFile>();
  const stack: string[] = [];

  const load = (uri: string, text: string): void => {
    const parsed = parseFile(uri, text);
    const file = parsed.file;
    loaded.set(uri, file);
    out.files.push(file);
    out.diagnostics.push(...parsed.diagnostics);
    stack.push(uri);
    for (const item of file.items ?? []) {
      if (item?.kind === "Override") out.overrides.push(item);
      else if (item?.kind === "Import") followImport(uri, item);
    }
    stack.pop();
  };

  const followImport = (from: string, imp: ImportDecl): void => {
    const pathLit = imp.path;
    if (!pathLit) return; // a recovered import without its string: the parser reported it
    const rel = pathLit.value ?? "";
    if (rel.trim() === "") {
      out.diagnostics.push(
        makeDiagnostic(Codes.ImportInvalid, from, pathLit.range, "the import path is empty", {
          help: 'name the file to import, relative to this one, e.g. `import "roster.carve"`',
        }),
      );
      return;
    }
    const target = safeResolve(host, from, rel);
    if (target === undefined) {
      out.diagnostics.push(
        makeDiagnostic(Codes.ImportInvalid, from, pathLit.range, `\`${rel}\` is not a valid import path`, {
          help: "write a path relative to this file, e.g. `import \"roster.carve\"`",
        }),
      );
      return;
    }
    const onStack = stack.indexOf(target);
    if (onStack >= 0) {
      const chain = [...stack.slice(onStack), target].map(baseName).join(" → ");
      out.diagnostics.push(
        makeDiagnostic(Codes.ImportCycle, from, pathLit.range, `import cycle: ${chain}`, {
          help: "remove this import: the files already form one ruleset through the other imports",
        }),
      );
      return;
    }
    if (loaded.has(target)) return; // a diamond: already loaded, and its overrides already counted
    const text = safeRead(host, target);
    if (text === undefined) {
      out.diagnostics.push(
        makeDiagnostic(Codes.ImportNotFound, from, pathLit.range, `cannot find the imported file \`${rel}\``, {
          help: `check the path: it is relative to this file, and resolves to ${target}`,
        }),
      );
      return;
    }
    load(target, text);
  };

  const text = safeRead(host, entry);
  if (text === undefined) {
    const empty: SourceFile = { kind: "File", uri: entry, text: "", items: [], comments: [], range: { start: 0, end: 0 } };
    out.files.push(empty);
    out.entryReadable = false;
    out.diagnostics.push(
      makeDiagnostic(Codes.ImportNotFound, entry, { start: 0, end: 0 }, `cannot read the file \`${entry}\``, {
        help: "check that the path exists and is readable",
      }),
    );
    return out;
  }
  load(entry, text);
  return out;
}
