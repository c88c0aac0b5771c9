// Code actions for the common fixes: apply a diagnostic's "did you mean" (its structured `fixes`),
// add `otherwise TARGET` to a territories block with a gap, and add a test for a finding's witness.
import { CompilerCodes } from "@carve/compiler";
import type { Diagnostic as CarveDiagnostic, Program, Range as CarveRange } from "@carve/language";
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from "vscode-languageserver";
import { lineStartAt, toOffset, toPosition, toRange, uriOf } from "../positions.js";
import type { Compiled, Workspace } from "../workspace.js";
import { toLspDiagnostic } from "./diagnostics.js";
import { territoryBlocks } from "./territory-tree.js";
import { witnessTest } from "./witness-test.js";

const GAPS = new Set([CompilerCodes.Gap.code, CompilerCodes.NestedGap.code]);
const WITH_WITNESS = new Set([...GAPS, CompilerCodes.Overlap.code, CompilerCodes.Shadowed.code, CompilerCodes.ShadowedOverride.code]);
/** How many `otherwise` targets to offer. */
const MAX_TARGETS = 3;

export function codeActions(ws: Workspace, file: string, params: Pick<CodeActionParams, "range" | "context">): CodeAction[] {
  const text = ws.readFile(file);
  if (text === undefined) return [];
  const range = { start: toOffset(text, params.range?.start), end: toOffset(text, params.range?.end) };
  const textOf = (f: string) => ws.readFile(f) ?? "";
  const program = ws.programFor(file);
  const out: CodeAction[] = [];
  for (const d of program.diagnostics) {
    if (d.file !== file || !overlaps(d.range, range)) continue;
    for (const fix of d.fixes ?? []) {
      out.push({
        title: fix.label.charAt(0).toUpperCase() + fix.label.slice(1),
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(d, textOf)],
        isPreferred: d.fixes?.length === 1,
        edit: { changes: { [uriOf(fix.file)]: [{ range: toRange(textOf(fix.file), fix.range), newText: fix.newText }] } },
      });
    }
  }
  // The analysis is only consulted when the editor shows one of its findings here: code actions
  // are asked for on every cursor move, and the analysis is the slow part.
  const asked: Diagnostic[] = params.context?.diagnostics ?? [];
  if (!asked.some((d) => WITH_WITNESS.has(String(d.code)))) return out;
  const compiled = ws.compiledFor(file);
  if (compiled.program !== program) return out;
  for (const d of compiled.result.diagnostics) {
    if (d.file !== file || !WITH_WITNESS.has(d.code) || !overlaps(d.range, range)) continue;
    const lsp = toLspDiagnostic(d, textOf);
    if (GAPS.has(d.code)) out.push(...addOtherwise(program, d, text, lsp));
    const test = testAction(compiled, d, text, lsp);
    if (test) out.push(test);
  }
  return out;
}

function overlaps(a: CarveRange, b: CarveRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** `otherwise` with a queue (teams, then reps, when there is none), before the block's `}`. */
function addOtherwise(program: Program, d: CarveDiagnostic, text: string, lsp: Diagnostic): CodeAction[] {
  const found = territoryBlocks(program).find((b) => b.file === d.file && b.block.range.start === d.range.start);
  const block = found?.block;
  if (!block || block.otherwise || text[block.range.end - 1] !== "}") return [];
  const close = block.range.end - 1;
  const lineStart = lineStartAt(text, close);
  const indent = text.slice(lineStart, close);
  const ownLine = /^[ \t]*$/.test(indent);
  const targets = ["queue", "team", "rep"]
    .map((kind) => [...program.symbols.values()].filter((s) => s.kind === kind).map((s) => s.name))
    .find((names) => names.length > 0) ?? [];
  return targets.slice(0, MAX_TARGETS).map((target, i): CodeAction => {
    const edit: TextEdit = ownLine
      ? { range: toRange(text, { start: lineStart, end: lineStart }), newText: `${indent}  otherwise ${target}\n` }
      : { range: toRange(text, { start: close, end: close }), newText: ` otherwise ${target} ` };
    return {
      title: `Add \`otherwise ${target}\` to this block`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      isPreferred: i === 0,
      edit: { changes: { [uriOf(d.file)]: [edit] } },
    };
  });
}

/** A test block for the witness, at the end of the file. */
function testAction(compiled: Compiled, d: CarveDiagnostic, text: string, lsp: Diagnostic): CodeAction | undefined {
  const test = witnessTest(compiled, d);
  if (!test || compiled.program.tests.some((t) => t.name?.value === test.name)) return undefined;
  const end = toPosition(text, text.length);
  const newText = `${text.length === 0 || text.endsWith("\n") ? "" : "\n"}\n${test.text}`;
  const edit: WorkspaceEdit = { changes: { [uriOf(d.file)]: [{ range: { start: end, end }, newText }] } };
  return { title: "Add a test for this example record", kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit };
}
