// The files `carve import salesforce-territories MODEL_DIR` reads: every Territory2 metadata file
// under the folder, and the `territory2Types` folder beside it (where the Metadata API puts the
// types, next to `territory2Models/`), when there is one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { metadataKind, type InputFile } from "@carve/compiler";
import { IoError } from "./output.js";
import { isSkippedDir } from "./sources.js";

export function readModelFolder(dir: string): InputFile[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new IoError(`no such folder: ${dir}`);
  }
  if (!st.isDirectory()) throw new IoError(`${dir} is not a folder: give the folder of a Territory2 model`);
  const paths = walk(dir);
  // Beside a model folder (…/territory2Models/MODEL) or beside the folder of models.
  for (const up of [dirname(resolve(dir)), dirname(dirname(resolve(dir)))]) {
    const types = join(up, "territory2Types");
    const inside = !relative(resolve(dir), types).startsWith("..");
    if (!inside && statSync(types, { throwIfNoEntry: false })?.isDirectory()) {
      paths.push(...walk(types));
      break;
    }
  }
  return paths.map((path) => ({ path, text: readText(path) }));
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new IoError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!isSkippedDir(e.name)) out.push(...walk(p));
    } else if (metadataKind(e.name)) out.push(p);
  }
  return out;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new IoError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** The folder's name, for a model folder without a model file. */
export function folderName(dir: string): string {
  return basename(resolve(dir));
}
