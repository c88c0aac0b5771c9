// `carve import salesforce-assignment-rules`: one Lead or Case assignment rule as a Carve ruleset.
// Salesforce tries the entries in order and the first match assigns (a `territories first` group,
// one territory per entry); an entry without an assignee stops there and keeps the record's owner
// (a territory without `assign`: the decision is `unassigned`); a record no entry matches goes to
// the default owner of the object's settings (`otherwise`).
import { comment, label, recordBlock } from "../emit.js";
import { finishRuleset } from "../finish.js";
import { readFormula } from "../formula.js";
import { NameTable, toIdentifier } from "../names.js";
import { planCriteria } from "../plan-fields.js";
import { printCond } from "../cond.js";
import type { Criteria } from "../criteria.js";
import { Tally, findingsOf, type ImportReport, type ImportResult, type Note } from "../report.js";
import { ImportInputError } from "../xml.js";
import { assignmentObject, readAssignmentRules, type SfAssignmentRule, type SfEntry } from "./read-rules.js";

export interface EntryReport {
  order: number;
  assignedTo?: string;
  assignedToType?: string;
  status: "translated" | "untranslated";
  /** the Carve territory of the entry, and who it assigns (undefined: keeps the owner) */
  territory?: string;
  target?: string;
}

export interface AssignmentReport extends ImportReport {
  rule: string;
  entries: EntryReport[];
  /** the queue standing for the object's default owner (`otherwise`) */
  defaultOwner: string;
}

export interface AssignmentInput {
  path: string;
  text: string;
  /** the rule's `fullName`; default: the active rule */
  rule?: string;
  uri?: string;
  analyze?: boolean;
}

export function importSalesforceAssignmentRules(input: AssignmentInput): ImportResult<AssignmentReport> {
  const object = assignmentObject(input.path);
  const rules = readAssignmentRules(input.path, input.text);
  const rule = chooseRule(input, rules);
  const notes: Note[] = rules.filter((r) => r !== rule).map((r) => ({ file: input.path, line: r.line, message: `rule "${r.name}"${r.active ? " (active)" : ""} is not imported: choose it with --rule` }));
  const tally = new Tally();
  tally.declare("ruleEntry", "criteriaItems", "booleanFilter", "formula");

  // Each entry's criteria: its criteria items, or its formula read as criteria.
  const formulas = new Map(rule.entries.filter((e) => e.formula).map((e) => [e, readFormula(e.formula!.text, input.path, e.formula!.line)]));
  const criteriaOf = new Map<SfEntry, Criteria>();
  for (const e of rule.entries) {
    const f = formulas.get(e);
    if (f?.ok) criteriaOf.set(e, f.criteria);
    else if (!f && e.filter.ok && e.items.length > 0) criteriaOf.set(e, { items: e.items, filter: e.filter.filter });
  }
  const usable = [...criteriaOf.values()];
  const planned = planCriteria(usable, object);
  for (const n of planned.notes) notes.push({ file: n.item.file, line: n.item.line, message: n.message });

  const names = new NameTable();
  const defaultOwner = names.claim("default_owner");
  const targets = new Map<string, { name: string; kind: "rep" | "queue"; label: string }>();
  const entries: EntryReport[] = [];
  const body: string[] = [];
  for (const e of rule.entries) {
    const c = criteriaOf.get(e);
    const result = c ? planned.results[usable.indexOf(c)] : undefined;
    const failed = new Map(result?.failures.map((x) => [x.item, x.reason]));
    const filterWhy = e.filter.ok ? undefined : "its filter logic could not be read";
    for (const item of e.items) {
      const reason = e.formula ? "the entry uses a formula, which Salesforce applies instead" : (failed.get(item) ?? filterWhy);
      if (reason) tally.left({ kind: "criteriaItems", file: item.file, line: item.line, what: `${item.field} ${item.op} ${item.raw ?? ""}`.trim(), reason });
      else tally.translated("criteriaItems");
    }
    if (e.filter.ok && e.filter.written) tally.translated("booleanFilter");
    else if (!e.filter.ok) tally.left({ kind: "booleanFilter", file: input.path, line: e.filterLine ?? e.line, what: `filter logic of entry ${e.order}`, reason: e.filter.reason });
    const f = formulas.get(e);
    let why: string | undefined;
    if (f && !f.ok) why = `its formula: ${f.reason}`;
    else if (!f && filterWhy) why = filterWhy;
    else if (result && !result.cond) why = `${result.failures[0].item.field}: ${result.failures[0].reason}`;
    if (f) {
      if (why) tally.left({ kind: "formula", file: input.path, line: f.ok ? e.formula!.line : f.line, what: `formula of entry ${e.order}`, reason: why });
      else tally.translated("formula");
    }

    const report: EntryReport = { order: e.order, assignedTo: e.assignedTo, assignedToType: e.assignedToType, status: why ? "untranslated" : "translated" };
    entries.push(report);
    if (why) {
      tally.left({ kind: "ruleEntry", file: input.path, line: e.line, what: `entry ${e.order}`, reason: why });
      body.push(comment(`entry ${e.order}${e.assignedTo ? ` (${e.assignedTo})` : ""} is not imported: ${why}`));
      continue;
    }
    tally.translated("ruleEntry");
    report.territory = names.claim(`entry_${e.order}`);
    const target = e.assignedTo ? targetFor(e, names, targets) : undefined;
    report.target = target;
    const heading = target ? `Entry ${e.order}: ${e.assignedTo}` : `Entry ${e.order}: keeps the current owner`;
    body.push(`territory ${report.territory}${label(heading)} {`);
    if (result?.cond) body.push(`when ${printCond(result.cond)}`);
    if (target) body.push(`assign ${target}`);
    body.push("}");
  }

  const out: string[] = [
    comment(`Imported by \`carve import salesforce-assignment-rules\` from the ${object} assignment rule "${rule.name}".`),
    `ruleset ${toIdentifier(rule.name)}${label(rule.name)}`,
    "",
    ...recordBlock(object, planned.fields),
    "",
  ];
  for (const t of [...targets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) out.push(`${t.kind} ${t.name}${label(t.label)}`);
  out.push(`queue ${defaultOwner}${label(`Default ${object} owner (Salesforce's ${object} settings)`)}`, "");
  out.push(comment("Salesforce tries the entries in order; the first that matches assigns."), "territories first {", ...body, `otherwise ${defaultOwner}`, "}");

  const uri = input.uri ?? `${toIdentifier(rule.name)}.carve`;
  const finished = finishRuleset(uri, `${out.join("\n")}\n`, input.analyze !== false);
  return {
    text: finished.text,
    diagnostics: finished.diagnostics,
    artifact: finished.artifact,
    report: {
      importer: "salesforce-assignment-rules",
      source: input.path,
      ruleset: uri,
      rule: rule.name,
      counts: tally.counts,
      untranslated: tally.untranslated,
      notes,
      fields: planned.fields.map((f) => ({ carve: f.name, type: f.type, salesforce: f.sources })),
      findings: findingsOf(finished.diagnostics, finished.text, input.analyze !== false),
      entries,
      defaultOwner,
    },
  };
}

function chooseRule(input: AssignmentInput, rules: SfAssignmentRule[]): SfAssignmentRule {
  const list = rules.map((r) => `"${r.name}"${r.active ? " (active)" : ""}`).join(", ") || "none";
  if (input.rule !== undefined) {
    const found = rules.find((r) => r.name === input.rule) ?? rules.find((r) => r.name.toLowerCase() === input.rule!.toLowerCase());
    if (!found) throw new ImportInputError(input.path, undefined, `no assignment rule named "${input.rule}" (the file has ${list})`);
    return found;
  }
  const active = rules.find((r) => r.active);
  if (!active) throw new ImportInputError(input.path, undefined, `no active assignment rule: choose one with --rule (the file has ${list})`);
  return active;
}

/** The rep or queue an entry assigns: a User becomes a rep, a Queue a queue; one declaration each. */
function targetFor(e: SfEntry, names: NameTable, targets: Map<string, { name: string; kind: "rep" | "queue"; label: string }>): string {
  const kind = e.assignedToType?.toLowerCase() === "queue" ? "queue" : "rep";
  const key = `${kind}:${e.assignedTo!.toLowerCase()}`;
  let t = targets.get(key);
  if (!t) {
    // A user's name is their username's part before `@`; the whole username is the label.
    const raw = kind === "rep" ? e.assignedTo!.split("@")[0] : e.assignedTo!;
    t = { name: names.claim(raw, "", kind === "rep" ? "_rep" : "_queue"), kind, label: e.assignedTo! };
    targets.set(key, t);
  }
  return t.name;
}
