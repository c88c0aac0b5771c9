// Folding ranges: every `{ … }` block, every run of two or more comment lines, and `# region` …
// `# endregion` markers (editors ignore the language configuration's markers once a server folds).
import { tokenize } from "@carve/language";
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import { toPosition } from "../positions.js";
import type { Workspace } from "../workspace.js";

// The same markers as grammar/language-configuration.json.
const REGION_START = /^#\s*region\b/;
const REGION_END = /^#\s*endregion\b/;

export function foldingRanges(ws: Workspace, file: string): FoldingRange[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  const out: FoldingRange[] = [];
  const open: number[] = [];
  const regions: number[] = [];
  let comments: { first: number; last: number } | undefined;
  const flushComments = () => {
    if (comments && comments.last > comments.first) out.push({ startLine: comments.first, endLine: comments.last, kind: FoldingRangeKind.Comment });
    comments = undefined;
  };
  for (const t of tokenize(text)) {
    const line = toPosition(text, t.range.start).line;
    if (t.kind === "comment") {
      if (REGION_START.test(t.text)) regions.push(line);
      else if (REGION_END.test(t.text)) {
        const start = regions.pop();
        if (start !== undefined && line > start) out.push({ startLine: start, endLine: line, kind: FoldingRangeKind.Region });
      }
      if (comments && line === comments.last + 1) comments.last = line;
      else if (!comments || line !== comments.last) {
        flushComments();
        comments = { first: line, last: line };
      }
      continue;
    }
    if (comments && line !== comments.last) flushComments();
    if (t.text === "{") open.push(line);
    else if (t.text === "}") {
      const start = open.pop();
      // The closing line stays visible, as editors do for braces.
      if (start !== undefined && line - 1 > start) out.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Region });
    }
  }
  flushComments();
  return out.sort((a, b) => a.startLine - b.startLine);
}
