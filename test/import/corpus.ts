// Where the real Salesforce metadata is (../shared/corpus/salesforce beside the repository; never
// copied into it), and what the corpus suite imports from it: every model folder (loose files and
// the models inside the archives, unpacked into a temporary folder) and every assignment-rules file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { metadataKind } from "@carve/compiler";
import { readTerritoryDef, readRuleDef, readTypePriority } from "./sf-metadata.js";
import type { Schema, TerritoryModel } from "./sf-interpreter.js";
import { readModelFolder } from "../../packages/cli/src/import-files.js";

export const corpusDir = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "salesforce");
export const corpusPresent = existsSync(corpusDir);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Unpacks every archive of the corpus into one temporary folder; returns the model folders in it. */
export function unpackArchives(): string[] {
  const out = mkdtempSync(join(tmpdir(), "carve-sf-corpus-"));
  const folders: string[] = [];
  for (const d of readdirSync(corpusDir)) {
    const dir = join(corpusDir, d);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".tar.gz"))) {
      const target = join(out, d, f);
      mkdirSync(target, { recursive: true });
      execFileSync("tar", ["xzf", join(dir, f), "-C", target]);
      const models = new Set(walk(target).filter((p) => p.includes("/territory2Models/")).map((p) => p.slice(0, p.indexOf("/territory2Models/") + "/territory2Models".length)));
      for (const m of models) for (const name of readdirSync(m)) folders.push(join(m, name));
    }
  }
  return folders.sort();
}

/** The corpus folders holding loose Territory2 files (each imported as one model). */
export function looseModelFolders(): string[] {
  return readdirSync(corpusDir)
    .map((d) => join(corpusDir, d))
    .filter((d) => statSync(d).isDirectory() && readdirSync(d).some((n) => metadataKind(n) !== undefined))
    .sort();
}

export function assignmentFiles(): string[] {
  return readdirSync(corpusDir)
    .map((d) => join(corpusDir, d))
    .filter((d) => statSync(d).isDirectory())
    .flatMap((d) => readdirSync(d).filter((n) => /\.assignmentRules(-meta\.xml)?$/.test(n)).map((n) => join(d, n)))
    .sort();
}

/** The model as the tests' interpreter reads it (the same files the CLI gives the importer). */
export function interpreterModel(dir: string, schema: Schema): TerritoryModel {
  const model: TerritoryModel = { territories: [], rules: new Map(), priorities: new Map(), schema };
  for (const { path } of readModelFolder(dir)) {
    const m = metadataKind(path)!;
    const xml = readFileSync(path, "utf8");
    if (m.kind === "territory2") model.territories.push(readTerritoryDef(m.name, xml));
    else if (m.kind === "territory2Rule") model.rules.set(m.name, readRuleDef(m.name, xml));
    else if (m.kind === "territory2Type") model.priorities.set(m.name, readTypePriority(xml));
  }
  return model;
}

export const displayName = (p: string) => (p.includes("/territory2Models/") ? basename(p) : p.startsWith(corpusDir) ? p.slice(corpusDir.length + 1) : basename(p));
