// Unused declarations (SPEC 2.7 roster checks): reps, teams, queues, sets and segments that no
// condition, target, team or test refers to. Usually a leftover from an edit, sometimes a typo in
// the place that should have used it.
import { makeDiagnostic, type Diagnostic, type Program } from "@carve/language";
import { CompilerCodes } from "../catalogue.js";

const CHECKED = new Set(["rep", "team", "queue", "set", "segment"]);

export function unusedDeclarations(program: Program): Diagnostic[] {
  const used = new Set<string>();
  for (const r of program.references) {
    if (r.symbol.kind !== "field") used.add(r.symbol.name);
  }
  // A record field of type rep can name any rep, so no rep is unused while such a field exists.
  const repField = [...(program.record?.fields.values() ?? [])].some((f) => f.type === "rep");
  const out: Diagnostic[] = [];
  for (const sym of program.symbols.values()) {
    if (!CHECKED.has(sym.kind) || used.has(sym.name)) continue;
    if (sym.kind === "rep" && repField) continue;
    out.push(
      makeDiagnostic(CompilerCodes.Unused, sym.file, sym.nameRange, `${sym.kind} \`${sym.name}\` is never used`, {
        help: sym.kind === "rep" || sym.kind === "team" || sym.kind === "queue"
          ? `assign it somewhere, or remove it from the roster`
          : `use it in a condition, or remove it`,
      }),
    );
  }
  return out;
}
