// `carve check PATH…`: front-end and static-analysis diagnostics for every ruleset under the paths.
import {
  allCatalogueEntries, countDiagnostics, loadProgram, parse, renderDiagnostic, summarize, toGithubAnnotations,
  toJsonDiagnostic, toSarif, type Diagnostic, type SourceLookup,
} from "@carve/language";
import { compileProgram, compilerCatalogue } from "@carve/compiler";
import { NodeFileHost } from "../node-host.js";
import { displayPath, ExitCode, IoError, styleFor, useColor } from "../output.js";
import { collectCarveFiles, readSources } from "../sources.js";
import { VERSION } from "../version.js";

export interface CheckOptions {
  format: "text" | "json" | "sarif" | "github";
  color?: boolean;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
  files: string[];
  rulesets: number;
  /** files that declare no ruleset and that no checked ruleset imports */
  fragments: string[];
}

export function checkPaths(paths: readonly string[]): CheckResult {
  const files = collectCarveFiles(paths);
  if (files.length === 0) throw new IoError(`no .carve files found in ${paths.join(", ")}`);
  const host = new NodeFileHost();
  const sources = readSources(files, host);
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const add = (d: Diagnostic) => {
    const key = `${d.code}\u0000${d.file}\u0000${d.range.start}\u0000${d.range.end}\u0000${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(d);
    }
  };
  const covered = new Set<string>();
  let rulesets = 0;
  for (const s of sources.filter((x) => x.isEntry)) {
    rulesets++;
    const program = loadProgram(s.path, host);
    for (const f of program.files) {
      covered.add(f.uri);
      texts.set(f.uri, f.text);
    }
    // compileProgram adds the static analysis (overlaps, gaps, shadowing…) when the front end is clean.
    compileProgram(program).diagnostics.forEach(add);
  }
  const fragments: string[] = [];
  for (const s of sources) {
    if (covered.has(s.path)) continue;
    fragments.push(s.path);
    texts.set(s.path, s.text);
    parse(s.path, s.text).diagnostics.forEach(add);
  }
  return { diagnostics, texts, files: [...new Set([...covered, ...fragments])].sort(), rulesets, fragments };
}

export function runCheck(paths: readonly string[], opts: CheckOptions): number {
  const result = checkPaths(paths);
  const lookup: SourceLookup = { text: (f) => result.texts.get(f), displayName: displayPath };
  const counts = countDiagnostics(result.diagnostics);
  if (opts.format === "sarif") {
    const sarif = toSarif(result.diagnostics.map((d) => toJsonDiagnostic(d, lookup)), allCatalogueEntries(compilerCatalogue), { name: "carve", version: VERSION });
    process.stdout.write(`${JSON.stringify(sarif, null, 2)}\n`);
  } else if (opts.format === "github") {
    for (const line of toGithubAnnotations(result.diagnostics.map((d) => toJsonDiagnostic(d, lookup)))) process.stdout.write(`${line}\n`);
    process.stdout.write(`checked ${result.rulesets} ruleset(s), ${result.files.length} file(s): ${summarize(counts)}\n`);
  } else if (opts.format === "json") {
    const out = {
      diagnostics: result.diagnostics.map((d) => toJsonDiagnostic(d, lookup)),
      summary: { ...counts, files: result.files.map(displayPath), rulesets: result.rulesets },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const style = styleFor(useColor(process.stdout, opts.color));
    for (const d of result.diagnostics) process.stdout.write(`${renderDiagnostic(d, lookup, style)}\n\n`);
    for (const f of result.fragments) {
      process.stdout.write(
        `${style.info("note")}: ${displayPath(f)} declares no \`ruleset\` and no checked ruleset imports it; only its syntax was checked\n`,
      );
    }
    const what = `${result.rulesets} ruleset${result.rulesets === 1 ? "" : "s"}, ${result.files.length} file${result.files.length === 1 ? "" : "s"}`;
    const line = `checked ${what}: ${summarize(counts)}`;
    process.stdout.write(`${counts.errors ? style.error(line) : style.bold(line)}\n`);
  }
  return counts.errors > 0 ? ExitCode.Findings : ExitCode.Ok;
}
