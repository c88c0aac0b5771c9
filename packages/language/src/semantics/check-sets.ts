// Sets: a set's element type is inferred from its uses (SPEC 2.3). The first use in program order
// decides it; a later use with another type is CARVE050. Elements are checked and normalised for
// the first use, and every use gets the elements normalised for its own field in `literals`.
import type { IdentLit, ListLit, SetDecl } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { normalizeValue } from "@carve/values";
import { report, type Sema } from "./context.js";
import { checkDate, checkPattern, checkScalar, type ValueCtx } from "./check-literals.js";
import { resolveName } from "./resolve-names.js";
import type { FieldInfo, LiteralValue, NormalizedLiteral, SetInfo, SetUse, SetUseMode } from "./types.js";
import { typeWithArticle } from "./value-kinds.js";

interface Pending {
  use: SetUse;
  ctx: ValueCtx;
}
const pendingBySema = new WeakMap<Sema, Map<SetDecl, Pending[]>>();

function pendingOf(s: Sema): Map<SetDecl, Pending[]> {
  let m = pendingBySema.get(s);
  if (!m) pendingBySema.set(s, (m = new Map()));
  return m;
}

/** A set name in value position (`region in west_states`): resolve it and remember the use. */
export function useSet(s: Sema, ident: IdentLit, field: FieldInfo | undefined, mode: SetUseMode, ctx: ValueCtx, opText: string): void {
  const name = ident.name?.text;
  if (!name) return;
  if (!s.symbols.has(name) && field && mode === "value" && looksLikeValue(field, name)) {
    // `industry in software`: a value where a set or a list belongs.
    report(s, Codes.UnknownName, ctx.file, ident.range, `unknown set \`${name}\``, {
      help: `\`${name}\` is a value, not a set: write \`${field.name} == ${name}\` or \`${field.name} ${opText} [${name}]\``,
      fixes: [{ label: `make it a list: [${name}]`, file: ctx.file, range: ident.range, newText: `[${name}]` }],
    });
    return;
  }
  const sym = resolveName(s, ctx.file, ident.name, {
    kinds: ["set"], noun: "set",
    needs: `\`${opText}\` needs a set, a list \`[…]\`${mode === "value" ? " or a range" : " or a string"}`,
  });
  if (!sym || !field) return;
  const info = setInfo(s, sym.decl, sym.file);
  const use: SetUse = { node: ident, file: ctx.file, field, mode };
  info.uses.push(use);
  const pending = pendingOf(s);
  const list = pending.get(sym.decl) ?? [];
  list.push({ use, ctx });
  pending.set(sym.decl, list);
}

function looksLikeValue(field: FieldInfo, name: string): boolean {
  if (field.type === "enum") return normalizeValue("enum", name, { enumValues: field.enumValues }).ok;
  if (field.type === "country") return normalizeValue("country", name).ok;
  return false;
}

export function setInfo(s: Sema, decl: SetDecl, file: string): SetInfo {
  let info = s.sets.get(decl);
  if (!info) s.sets.set(decl, (info = { decl, file, uses: [] }));
  return info;
}

/** What two uses must agree on. */
function typeKey(use: SetUse): string {
  if (use.mode === "pattern") return "pattern";
  const f = use.field;
  return f.type === "enum" ? `enum(${[...(f.enumValues ?? [])].sort().join(",")})` : f.type;
}

function describeUse(use: SetUse): string {
  return use.mode === "pattern"
    ? `as text to match (\`${use.field.name}\`)`
    : `with \`${use.field.name}\` (${typeWithArticle(use.field.type)})`;
}

/** Checks every set against its uses; call once all conditions have been walked. */
export function checkSets(s: Sema): void {
  const pending = pendingOf(s);
  for (const info of s.sets.values()) {
    const items = info.decl.value?.items ?? [];
    const uses = pending.get(info.decl) ?? [];
    if (uses.length === 0) {
      for (const el of items) if (el?.kind === "Date") checkDate(s, info.file, el);
      continue;
    }
    const first = uses[0];
    info.type = first.use.field.type;
    info.mode = first.use.mode;
    let firstValues: (LiteralValue | undefined)[] = [];
    uses.forEach((p, i) => {
      if (i > 0 && typeKey(p.use) !== typeKey(first.use)) {
        report(s, Codes.SetTypeConflict, p.use.file, p.use.node.range,
          `\`${info.decl.name.text}\` is used ${describeUse(p.use)} here, but ${describeUse(first.use)} where it is first used`, {
            help: "a set holds one type of value: use a separate set for each",
            related: [{ file: first.use.file, range: first.use.node.range, message: "first used here" }],
          });
        return;
      }
      const values = elementValues(s, info, p, i === 0 ? undefined : firstValues);
      if (i === 0) {
        firstValues = values;
        info.values = values.filter((v): v is LiteralValue => v !== undefined);
        const list: NormalizedLiteral = { kind: "list", type: info.type!, values: info.values };
        if (info.decl.value) s.literals.set(info.decl.value as ListLit, list);
      }
      s.literals.set(p.use.node, {
        kind: "set", type: p.use.field.type, set: info.decl, values: values.filter((v): v is LiteralValue => v !== undefined),
      });
    });
  }
}

/**
 * The elements normalised for one use. For the first use, problems are reported at the elements;
 * later uses of the same type only report an element that fits the first use but not this one
 * (e.g. a bare region code under another country condition), and keep the first use's `literals`.
 */
function elementValues(s: Sema, info: SetInfo, p: Pending, firstValues: (LiteralValue | undefined)[] | undefined): (LiteralValue | undefined)[] {
  const items = info.decl.value?.items ?? [];
  return items.map((el, k) => {
    if (!el) return undefined;
    const saved = s.literals.get(el);
    const check = (quiet: boolean) => {
      const ctx: ValueCtx = { ...p.ctx, file: info.file, quiet };
      return p.use.mode === "pattern" ? checkPattern(s, p.use.field, el, ctx) : checkScalar(s, p.use.field, el, ctx);
    };
    if (!firstValues) return check(false);
    let v = check(true);
    if (v === undefined && firstValues[k] !== undefined) v = check(false);
    if (saved) s.literals.set(el, saved);
    else s.literals.delete(el);
    return v;
  });
}
