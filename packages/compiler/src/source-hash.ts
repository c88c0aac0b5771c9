// The content hash of the canonical source (SPEC 3): the formatted text of every file of the
// ruleset, entry first, each under its path relative to the entry's folder, so that the hash does
// not depend on where the repository is checked out or on how the files are laid out.
import { format, type Program } from "@carve/language";
import { sha256Hex } from "@carve/runtime";

function segments(path: string): string[] {
  return path.split(/[\\/]+/).filter((s) => s !== "");
}

export function relativePath(fromDir: string[], file: string): string {
  const to = segments(file);
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function entryDir(program: Program): string[] {
  return segments(program.entry).slice(0, -1);
}

export function sourceHash(program: Program): string {
  const dir = entryDir(program);
  const parts = program.files.map((f) => `${relativePath(dir, f.uri)}\n${format(f)}`);
  return sha256Hex(parts.join("\u0000"));
}
