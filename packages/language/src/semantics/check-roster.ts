// The roster: reps, teams and the targets that name them (`assign`, `otherwise`, `overflow`).
import type { DateLit, DottedName, RepAttr, RepDecl, TeamDecl } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import type { Range } from "../ast/source.js";
import { foldString, normalizeDomain } from "@carve/values";
import { addReference, report, type Sema } from "./context.js";
import { checkDate, checkWhole } from "./check-literals.js";
import { checkDateRange } from "./check-range.js";
import { resolveField, resolveName } from "./resolve-names.js";
import type { AssigneeSymbol, ResolvedTarget } from "./types.js";
import { typeWithArticle } from "./value-kinds.js";

export type TargetRole = "assign" | "otherwise" | "overflow";

// Per program: the record is built before any target is resolved, and every territory resolves one.
const repFields = new WeakMap<Sema, string[]>();
function repFieldNames(s: Sema): string[] {
  let names = repFields.get(s);
  if (!names) repFields.set(s, (names = [...(s.record?.fields.values() ?? [])].filter((f) => f.type === "rep").map((f) => f.name)));
  return names;
}

const NEEDS: Record<TargetRole, string> = {
  assign: "`assign` needs a rep, team, queue or a field of type `rep`",
  otherwise: "`otherwise` needs a rep, team, queue or a field of type `rep`",
  overflow: "`overflow` needs a rep, team, queue or a field of type `rep`",
};
const ASSIGNEES = ["rep", "team", "queue"] as const;
const declareIt = (text: string) => `declare it in the roster, e.g. \`rep ${text} "Full Name"\` or \`queue ${text}\``;

/** Resolves a target: a rep, team or queue by name, or a field of type `rep` (CARVE025/032/033/047). */
export function resolveTarget(s: Sema, file: string, target: DottedName | undefined, role: TargetRole): ResolvedTarget | undefined {
  const text = target?.text;
  if (!target || !text) return undefined;
  // Every territory has a target: no message text is built unless something is wrong.
  const needs = NEEDS[role];
  const parts = target.parts ?? [];
  const field = s.record?.fields.get(text);
  if (parts.length === 1 && (s.symbols.has(text) || !field)) {
    const sym = resolveName(s, file, parts[0], {
      kinds: ASSIGNEES, noun: "rep, team or queue", needs, extraCandidates: repFieldNames(s), unknownHelp: declareIt,
    });
    if (!sym) return undefined;
    const resolved: ResolvedTarget = { kind: "symbol", symbol: sym as AssigneeSymbol };
    s.targets.set(target, resolved);
    return resolved;
  }
  const info = resolveField(s, file, target, repFieldNames(s));
  if (!info) return undefined;
  if (info.type !== "rep") {
    report(s, Codes.InvalidTarget, file, target.range, `\`${text}\` is ${typeWithArticle(info.type)} field, but ${needs}`, {
      help: `assign a rep, team or queue, or a field declared as \`rep\` (e.g. \`${text}: rep?\`)`,
    });
    return undefined;
  }
  const resolved: ResolvedTarget = { kind: "field", field: info };
  s.targets.set(target, resolved);
  return resolved;
}

/** `from` after `until`: the thing would never be in effect (CARVE051). */
export function checkWindow(s: Sema, file: string, from: DateLit | undefined, until: DateLit | undefined, what: string): void {
  const a = checkDate(s, file, from);
  const b = checkDate(s, file, until);
  if (a === undefined || b === undefined || a <= b || !from || !until) return;
  report(s, Codes.WindowOutOfOrder, file, from.range, `${what} starts on ${a} but ends on ${b}, so it is never in effect`, {
    help: "make `from` on or before `until`",
    related: [{ file, range: until.range, message: "`until` is here" }],
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Whether a rep's `email` is an address (else CARVE042). */
function isEmail(text: string): boolean {
  return EMAIL.test(text.trim()) && normalizeDomain(text).ok;
}

/**
 * Two reps with one e-mail (CARVE060): a `rep` field holding it could mean either. Runs after every
 * rep is checked, over the roster's reps in program order, so the later rep of a pair is reported.
 * E-mails are compared as the runtime's rep lookup folds them; a rep whose name is a duplicate
 * (CARVE024) is not in the roster and makes nothing ambiguous.
 */
export function checkEmailsUnique(s: Sema): void {
  const seen = new Map<string, { rep: string; file: string; range: Range }>();
  for (const sym of s.symbols.values()) {
    if (sym.kind !== "rep") continue;
    const lit = sym.decl.attrs?.find((a) => a?.name === "email")?.value;
    if (lit?.kind !== "String" || !isEmail(lit.value)) continue;
    const key = foldString(lit.value);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { rep: sym.name, file: sym.file, range: lit.range });
      continue;
    }
    report(s, Codes.DuplicateEmail, sym.file, lit.range,
      `reps \`${first.rep}\` and \`${sym.name}\` both have the e-mail \`${lit.value.trim()}\`, so a \`rep\` field holding it could mean either`, {
        help: `give each rep their own e-mail address (or remove the e-mail from \`${sym.name}\`)`,
        related: [{ file: first.file, range: first.range, message: `\`${first.rep}\`'s e-mail is here` }],
      });
  }
}

export function checkRep(s: Sema, file: string, rep: RepDecl): void {
  const name = rep.name?.text ?? "this rep";
  let from: DateLit | undefined;
  let until: DateLit | undefined;
  const seen = new Map<string, RepAttr>();
  for (const attr of rep.attrs ?? []) {
    if (!attr) continue;
    const v = attr.value;
    // Only `away` repeats; a second e-mail or capacity would silently lose to the first.
    const first = seen.get(attr.name);
    if (first && attr.name !== "away") {
      report(s, Codes.DuplicateClause, file, attr.range, `rep \`${name}\` gives \`${attr.name}\` twice`, {
        help: `keep one \`${attr.name}\`; only \`away\` may be repeated`,
        related: [{ file, range: first.range, message: `the first \`${attr.name}\` is here` }],
      });
      continue;
    }
    seen.set(attr.name, attr);
    switch (attr.name) {
      case "email":
        if (v?.kind !== "String") break;
        if (!isEmail(v.value)) {
          report(s, Codes.InvalidValue, file, v.range, `\`${v.value}\` is not an e-mail address`, {
            help: "write the rep's address, e.g. `\"alice@acme.com\"`",
          });
        }
        break;
      case "capacity":
        if (v && v.kind !== "List" && v.kind !== "Range") checkWhole(s, file, v, "capacity", 0);
        break;
      case "away":
        checkDateRange(s, file, v);
        break;
      case "from":
      case "until":
        if (v?.kind !== "Date") {
          if (v) checkDate(s, file, v.kind === "List" || v.kind === "Range" ? undefined : v);
          break;
        }
        if (attr.name === "from") from ??= v;
        else until ??= v;
        break;
      default:
        break;
    }
  }
  checkWindow(s, file, from, until, `rep \`${name}\``);
}

export function checkTeam(s: Sema, file: string, team: TeamDecl): void {
  const name = team.name?.text ?? "";
  const at = team.name?.range ?? { start: team.range.start, end: team.range.start + 4 };
  const members = team.members ?? [];
  if (members.length === 0) {
    report(s, Codes.MissingClause, file, at, `team \`${name}\` has no members`, {
      help: "list its reps, e.g. `members alice, bob`",
    });
  }
  if (!team.strategy) {
    report(s, Codes.MissingClause, file, at, `team \`${name}\` has no strategy`, {
      help: "say how it picks a member: `strategy hash(id)`, `strategy round_robin` or `strategy least_loaded`",
    });
  } else if (team.strategy.name === "hash") {
    if (team.strategy.field) resolveField(s, file, team.strategy.field);
    else {
      report(s, Codes.MissingClause, file, team.strategy.range, "`hash` needs the field to hash on", {
        help: `name a field, e.g. \`hash(${s.record?.keyField ?? "id"})\``,
      });
    }
  }
  const seen = new Map<string, { start: number; end: number }>();
  for (const m of members) {
    const rep = m?.rep;
    if (!rep?.text) continue;
    const sym = s.symbols.get(rep.text);
    if (!sym) resolveName(s, file, rep, { kinds: ["rep"], noun: "rep", needs: "team members must be reps" });
    else {
      addReference(s, file, rep.range, sym);
      if (sym.kind !== "rep") {
        report(s, Codes.MemberNotRep, file, rep.range, `\`${rep.text}\` is ${sym.kind === "team" ? "a team" : `a ${sym.kind}`}, but team members must be reps`, {
          help: sym.kind === "team" || sym.kind === "queue" ? `to send records there when no member is available, use \`overflow ${rep.text}\`` : "list reps only",
          related: [{ file: sym.file, range: sym.nameRange, message: `\`${rep.text}\` is declared here` }],
        });
      }
    }
    const first = seen.get(rep.text);
    if (first) {
      report(s, Codes.DuplicateMember, file, rep.range, `\`${rep.text}\` is listed twice in team \`${name}\``, {
        help: "list each rep once; use `weight` to give a rep a larger share",
        related: [{ file, range: first, message: "first listed here" }],
      });
    } else seen.set(rep.text, rep.range);
    if (m.weight) checkWhole(s, file, m.weight, "weight", 1);
    checkWindow(s, file, m.from, m.until, `\`${rep.text}\`'s membership of \`${name}\``);
  }
  if (team.overflow) {
    const t = resolveTarget(s, file, team.overflow, "overflow");
    if (t?.kind === "symbol" && t.symbol.decl === team) {
      report(s, Codes.InvalidTarget, file, team.overflow.range, `team \`${name}\` overflows to itself`, {
        help: "overflow to another team, a queue or a rep",
      });
    }
  }
}
