// Formatting: the canonical layout as one whole-document edit; nothing while there are syntax errors.
import { formatText } from "@carve/language";
import type { TextEdit } from "vscode-languageserver";
import { toRange } from "../positions.js";
import type { Workspace } from "../workspace.js";

export function formatDocument(ws: Workspace, file: string): TextEdit[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  const result = formatText(file, text);
  if (!result.ok || result.text === text) return [];
  return [{ range: toRange(text, { start: 0, end: text.length }), newText: result.text }];
}
