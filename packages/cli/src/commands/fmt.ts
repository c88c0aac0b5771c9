// `carve fmt PATH…`: rewrite files in their canonical layout; `--check` only lists them.
import { writeFileSync } from "node:fs";
import { formatText, renderDiagnostic, type SourceLookup } from "@carve/language";
import { NodeFileHost } from "../node-host.js";
import { displayPath, ExitCode, IoError, styleFor, useColor } from "../output.js";
import { collectCarveFiles } from "../sources.js";

export interface FmtOptions {
  check?: boolean;
  stdout?: boolean;
  color?: boolean;
}

export function runFmt(paths: readonly string[], opts: FmtOptions): number {
  const files = collectCarveFiles(paths);
  if (files.length === 0) throw new IoError(`no .carve files found in ${paths.join(", ")}`);
  const host = new NodeFileHost();
  const errStyle = styleFor(useColor(process.stderr, opts.color));
  let unformatted = 0;
  let broken = 0;
  let written = 0;
  for (const path of files) {
    const text = host.readFile(path);
    if (text === undefined) throw new IoError(`cannot read ${path}`);
    const result = formatText(path, text);
    if (!result.ok) {
      // A file with syntax errors is never rewritten: its layout cannot be trusted to mean the same.
      broken++;
      const lookup: SourceLookup = { text: (f) => (f === path ? text : undefined), displayName: displayPath };
      for (const d of result.diagnostics) process.stderr.write(`${renderDiagnostic(d, lookup, errStyle)}\n\n`);
      process.stderr.write(`${displayPath(path)}: not formatted, fix the syntax errors first\n`);
      continue;
    }
    if (opts.stdout) {
      process.stdout.write(result.text);
      continue;
    }
    if (result.text === text) continue;
    unformatted++;
    if (opts.check) {
      process.stdout.write(`${displayPath(path)}\n`);
    } else {
      try {
        writeFileSync(path, result.text);
      } catch (e) {
        throw new IoError(`cannot write ${displayPath(path)}: ${(e as Error).message}`);
      }
      written++;
    }
  }
  if (!opts.stdout) {
    const total = `${files.length} file${files.length === 1 ? "" : "s"}`;
    if (opts.check) {
      process.stderr.write(
        unformatted ? `${unformatted} of ${total} not formatted; run \`carve fmt\` to fix\n` : `${total} formatted\n`,
      );
    } else {
      process.stderr.write(`formatted ${written} of ${total}\n`);
    }
  }
  if (broken > 0) return ExitCode.Findings;
  return opts.check && unformatted > 0 ? ExitCode.Findings : ExitCode.Ok;
}
