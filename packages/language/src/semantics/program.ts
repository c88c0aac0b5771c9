// loadProgram: parse the entry and its imports, bind names, check types and normalise literals.
// Never throws: every problem is a diagnostic, and a bug in a pass is reported as CARVE039
// with whatever the earlier passes produced still returned.
import type { SourceFile, TestDecl } from "../ast/nodes.js";
import { Codes, makeDiagnostic } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FileHost } from "../host.js";
import { dedupe, newSema } from "./context.js";
import { checkCondition, NO_SCOPE } from "./check-conditions.js";
import { checkEmailsUnique, checkRep, checkTeam } from "./check-roster.js";
import { checkOverlays, checkOverride, checkTerritories } from "./check-rules.js";
import { checkSets, setInfo } from "./check-sets.js";
import { checkTests } from "./check-tests.js";
import { loadFiles, type LoadedFiles, type LoadOptions } from "./load.js";
import { buildRecord } from "./record.js";
import { checkOverflowCycles } from "./overflow-cycles.js";
import { orderSegments } from "./segments.js";
import { checkStructure, type Structure } from "./structure.js";
import { collectSymbols } from "./symbols.js";
import type { Program } from "./types.js";

export function loadProgram(entry: string, host: FileHost, options: LoadOptions = {}): Program {
  let loaded: LoadedFiles;
  try {
    loaded = loadFiles(entry, host, options);
  } catch (err) {
    const empty: SourceFile = { kind: "File", uri: entry, text: "", items: [], comments: [], range: { start: 0, end: 0 } };
    loaded = { files: [empty], diagnostics: [internalError(entry, err)], overrides: [], entryReadable: false };
  }
  return checkProgram(entry, loaded);
}

function internalError(file: string, err: unknown): Diagnostic {
  return makeDiagnostic(Codes.InternalError, file, { start: 0, end: 0 },
    `internal error while checking: ${err instanceof Error ? err.message : String(err)}`,
    { help: "please report this with the files that caused it" });
}

/** Binds and checks loaded files (see loadFiles): the second half of loadProgram. Never throws. */
export function checkProgram(entry: string, loaded: LoadedFiles): Program {
  const { files, overrides } = loaded;
  const s = newSema(files);
  let structure: Structure = {};
  const tests: TestDecl[] = [];
  try {
    structure = checkStructure(s, files, loaded.entryReadable);
    collectSymbols(s, files);
    if (structure.record) s.record = buildRecord(s, structure.record.decl, structure.record.file);
    for (const sym of s.symbols.values()) if (sym.kind === "set") setInfo(s, sym.decl, sym.file);
    orderSegments(s);
    const testsWithFiles: { test: TestDecl; file: string }[] = [];
    for (const file of files) {
      for (const item of file.items ?? []) {
        if (!item) continue;
        switch (item.kind) {
          case "Segment": checkCondition(s, file.uri, item.cond, NO_SCOPE); break;
          case "Override": checkOverride(s, file.uri, item); break;
          case "Rep": checkRep(s, file.uri, item); break;
          case "Team": checkTeam(s, file.uri, item); break;
          case "Territories": checkTerritories(s, file.uri, item); break;
          case "Overlays": checkOverlays(s, file.uri, item); break;
          case "Test": tests.push(item); testsWithFiles.push({ test: item, file: file.uri }); break;
          default: break;
        }
      }
    }
    checkOverflowCycles(s);
    checkEmailsUnique(s);
    checkTests(s, testsWithFiles);
    checkSets(s);
  } catch (err) {
    s.diagnostics.push(internalError(entry, err));
  }
  return {
    entry,
    files,
    diagnostics: sortDiagnostics(dedupe([...loaded.diagnostics, ...s.diagnostics]), files),
    symbols: s.symbols,
    record: s.record,
    ruleset: structure.ruleset,
    territories: structure.territories,
    overlays: structure.overlays,
    overrides,
    tests,
    territoryPath: s.territoryPath,
    territoryByPath: s.territoryByPath,
    overlayByPath: s.overlayByPath,
    references: s.references,
    literals: s.literals,
    targets: s.targets,
    sets: s.sets,
    segmentOrder: s.segmentOrder,
    fileOf: s.fileOf,
  };
}

function sortDiagnostics(ds: Diagnostic[], files: SourceFile[]): Diagnostic[] {
  const index = new Map(files.map((f, i) => [f.uri, i]));
  const fileRank = (d: Diagnostic) => index.get(d.file) ?? files.length;
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => fileRank(a.d) - fileRank(b.d) || a.d.range.start - b.d.range.start || a.d.range.end - b.d.range.end || a.i - b.i)
    .map((x) => x.d);
}

/** True when the program has an error (warnings and information do not count). */
export function hasErrors(program: Pick<Program, "diagnostics">): boolean {
  return program.diagnostics.some((d) => d.severity === "error");
}
