// Shared by the format*.test.ts files: the corpus of .carve files, and AST comparison without ranges.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type SourceFile } from "@carve/language";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const FORMAT_FIXTURES = fileURLToPath(new URL("./fixtures/format/", import.meta.url));

/** Every `.carve` file under `dir`, recursively, sorted. */
export function carveFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...carveFiles(p));
    else if (e.endsWith(".carve")) out.push(p);
  }
  return out;
}

export interface CorpusFile {
  /** path relative to the repository */
  name: string;
  text: string;
  file: SourceFile;
  /** codes of the parse diagnostics (warnings only: files with errors are left out) */
  codes: string[];
}

/**
 * The formatter's corpus, globbed at test time so new fixtures are covered automatically: every
 * `.carve` under examples/, packages/language/test/fixtures/ and test/fixtures/ that parses without
 * errors.
 */
export function corpus(): CorpusFile[] {
  const paths = ["examples", "packages/language/test/fixtures", "test/fixtures"].flatMap((d) => carveFiles(join(REPO, d)));
  const out: CorpusFile[] = [];
  for (const p of paths) {
    const text = readFileSync(p, "utf8");
    const { file, diagnostics } = parse(p, text);
    if (diagnostics.some((d) => d.severity === "error")) continue;
    out.push({ name: relative(REPO, p), text, file, codes: diagnostics.map((d) => d.code) });
  }
  return out;
}

const DROPPED = new Set(["range", "opRange", "policyRange", "givenRange", "uri", "text", "comments"]);

/**
 * The AST without source positions: drops ranges, the file's uri/text/comments (compared apart),
 * and turns the `key` modifier's range into `true`. `givenRange` becomes whether a `given` block
 * was written (`given {}` and no `given` differ).
 */
export function stripRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => stripRanges(n));
  if (node === null || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (o.kind === "Field") out.key = o.key !== undefined;
  if (o.kind === "Test") out.hasGiven = o.givenRange !== undefined;
  for (const [k, v] of Object.entries(o)) {
    if (o.kind === "Field" && k === "key") continue;
    // `text` is the source on a file but the identifier on names: keep the latter.
    if (k === "text" && o.kind !== "File") out.text = v;
    else if (!DROPPED.has(k)) out[k] = stripRanges(v);
  }
  return out;
}

/** The comment texts of a file, as the formatter prints them (trailing blanks dropped). */
export function commentTexts(file: SourceFile): string[] {
  return file.comments.map((c) => c.text.trimEnd());
}
