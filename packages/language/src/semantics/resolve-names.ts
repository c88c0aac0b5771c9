// Name resolution with the diagnostics every use site shares: unknown names (CARVE025) with
// "did you mean" over names of the right kind, wrong kinds (CARVE032), unknown fields (CARVE033)
// and unknown territory paths (CARVE034). Every use that finds its declaration is recorded.
import type { DottedName, Name, TerritoryDecl } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { suggest } from "../diagnostics/suggest.js";
import { addReference, describeKind, didYouMeanText, replaceFixes, report, type Sema } from "./context.js";
import type { CarveSymbol, FieldInfo, SymbolKind } from "./types.js";

export interface Want<K extends SymbolKind> {
  kinds: readonly K[];
  /** what a use here needs, for wrong-kind messages: "`assign` needs a rep, team, queue or a field of type `rep`" */
  needs: string;
  /** what an unknown name was expected to be: "rep", "set", "rep, team or queue" */
  noun: string;
  /** more names to suggest (e.g. fields of type rep for targets) */
  extraCandidates?: readonly string[];
  /** a help line for a name of the wrong kind */
  wrongKindHelp?: (sym: CarveSymbol) => string | undefined;
  /** a help line for an unknown name with no near miss (a function: only a failed lookup builds it) */
  unknownHelp?: (name: string) => string;
}

/** Names of the given kinds, for suggestions. */
export function namesOfKind(s: Sema, kinds: readonly SymbolKind[]): string[] {
  const out: string[] = [];
  for (const [name, sym] of s.symbols) if (kinds.includes(sym.kind)) out.push(name);
  return out;
}

export function resolveName<K extends SymbolKind>(
  s: Sema, file: string, name: Name | undefined, want: Want<K>,
): Extract<CarveSymbol, { kind: K }> | undefined {
  const text = name?.text;
  if (!name || !text) return undefined;
  const sym = s.symbols.get(text);
  // Only a failed lookup pays for the list of candidates (large rulesets resolve thousands of names).
  const candidates = () => [...namesOfKind(s, want.kinds), ...(want.extraCandidates ?? [])];
  if (!sym) {
    const near = suggest(text, candidates());
    report(s, Codes.UnknownName, file, name.range, `unknown ${want.noun} \`${text}\``, {
      help: near.length > 0 ? didYouMeanText(near) : want.unknownHelp?.(text) ?? `no ${want.noun} is named \`${text}\`: check the spelling or declare it`,
      fixes: replaceFixes(file, name.range, near),
    });
    return undefined;
  }
  addReference(s, file, name.range, sym);
  if (!(want.kinds as readonly SymbolKind[]).includes(sym.kind)) {
    const specific = want.wrongKindHelp?.(sym);
    const near = specific ? [] : suggest(text, candidates());
    const help = specific ?? (near.length > 0 ? didYouMeanText(near) : `use the name of a ${want.noun}`);
    report(s, Codes.WrongKind, file, name.range, `\`${text}\` is ${describeKind(sym.kind)}, but ${want.needs}`, {
      help,
      related: [{ file: sym.file, range: sym.nameRange, message: `\`${text}\` is declared here` }],
      fixes: replaceFixes(file, name.range, near),
    });
    return undefined;
  }
  return sym as Extract<CarveSymbol, { kind: K }>;
}

/**
 * A record field by its dotted name; CARVE033 when there is none. Without a record every field
 * is unknown, and that is already reported once (CARVE026): nothing more is said here.
 */
export function resolveField(s: Sema, file: string, name: DottedName | undefined, candidates?: readonly string[]): FieldInfo | undefined {
  const text = name?.text;
  if (!name || !text || !s.record) return undefined;
  const field = s.record.fields.get(text);
  if (field) {
    const sym = s.fieldSymbols.get(text);
    if (sym) addReference(s, file, name.range, sym);
    return field;
  }
  const near = suggest(text, candidates ?? [...s.record.fields.keys()]);
  report(s, Codes.UnknownField, file, name.range, `\`${s.record.name || "the record"}\` has no field \`${text}\``, {
    help: near.length > 0 ? didYouMeanText(near) : `declare it in the record, e.g. \`${text}: string?\``,
    fixes: replaceFixes(file, name.range, near),
  });
  return undefined;
}

/**
 * A territory by its full path (`na.west.west_ent`); CARVE034 when there is none. Each part that
 * names a territory is recorded as a reference, so renaming a territory updates its paths.
 */
export function resolveTerritoryPath(s: Sema, file: string, path: DottedName | undefined, overlay: boolean): TerritoryDecl | undefined {
  const text = path?.text;
  if (!path || !text) return undefined;
  const byPath = overlay ? s.overlayByPath : s.territoryByPath;
  const found = byPath.get(text);
  if (found) {
    for (const part of path.parts ?? []) {
      const sym = s.symbols.get(part.text);
      if (sym?.kind === "territory") addReference(s, file, part.range, sym);
    }
    return found;
  }
  const what = overlay ? "overlay territory" : "territory";
  const last = path.parts?.[path.parts.length - 1]?.text ?? text;
  const sym = s.symbols.get(last);
  let near: string[];
  let message = `there is no ${what} \`${text}\``;
  if (sym?.kind === "territory" && sym.overlay === overlay && s.territoryPath.has(sym.decl)) {
    near = [s.territoryPath.get(sym.decl)!]; // the right name, written without its full path
    message = `\`${text}\` is not a full ${what} path`;
  } else {
    near = suggest(text, byPath.keys());
    if (sym?.kind === "territory" && sym.overlay !== overlay) {
      message = overlay ? `\`${text}\` is a territory, not an overlay` : `\`${text}\` is an overlay, not a territory`;
    }
  }
  const help = near.length > 0 ? didYouMeanText(near) : `write the ${what}'s full path from the top of the ${overlay ? "`overlays` block" : "territory tree"}, e.g. \`${[...byPath.keys()][0] ?? "na.west"}\``;
  report(s, Codes.UnknownTerritory, file, path.range, message, { help, fixes: replaceFixes(file, path.range, near) });
  return undefined;
}
