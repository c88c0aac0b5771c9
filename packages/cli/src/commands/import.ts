// `carve import salesforce-territories MODEL_DIR` and `carve import salesforce-assignment-rules FILE`:
// the ruleset to standard output or -o, the report on standard error (and as JSON with --report).
// Exit 0 when everything was translated, 1 when something was not (the ruleset is still written:
// the report says what is missing), 2 for usage and I/O errors, malformed XML included.
import { writeFileSync } from "node:fs";
import { importSalesforceAssignmentRules, importSalesforceTerritories, ImportInputError, type ImportResult } from "@carve/compiler";
import { folderName, readModelFolder, readText } from "../import-files.js";
import { importReportText } from "../import-report.js";
import { displayPath, ExitCode, IoError, styleFor, useColor } from "../output.js";

export interface ImportOptions {
  output?: string;
  report?: string;
  /** false with --no-analysis */
  analysis: boolean;
  color?: boolean;
}

export function runImportTerritories(dir: string, opts: ImportOptions): number {
  const files = readModelFolder(dir);
  return finish(opts, () => importSalesforceTerritories({ source: dir, files, fallbackName: folderName(dir), analyze: opts.analysis }));
}

export function runImportAssignmentRules(file: string, opts: ImportOptions & { rule?: string }): number {
  const text = readText(file);
  return finish(opts, () => importSalesforceAssignmentRules({ path: file, text, rule: opts.rule, analyze: opts.analysis }));
}

function finish(opts: ImportOptions, run: () => ImportResult): number {
  let result: ImportResult;
  try {
    result = run();
  } catch (e) {
    if (e instanceof ImportInputError) throw new IoError(`${displayPath(e.file)}${e.line === undefined ? "" : `:${e.line}`}: ${e.detail}`);
    throw e;
  }
  const { text, report } = result;
  const toStdout = !opts.output || opts.output === "-";
  write(toStdout ? undefined : opts.output!, text);
  if (opts.report) write(opts.report, `${JSON.stringify(report, null, 2)}\n`);
  const style = styleFor(useColor(process.stderr, opts.color));
  process.stderr.write(importReportText(report, toStdout ? "standard output" : displayPath(opts.output!), style));
  return report.untranslated.length > 0 || report.findings.errors > 0 ? ExitCode.Findings : ExitCode.Ok;
}

function write(path: string | undefined, text: string): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new IoError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
