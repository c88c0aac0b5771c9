// `carve import salesforce-territories`: a Territory2 model as a Carve ruleset.
//   * each Territory2Rule becomes a segment (its ruleItems and filter logic);
//   * every territory with rules appears twice: in `overlays`, which reproduce Salesforce exactly
//     (an account is in every territory whose rules match), and in one `territories first` group
//     ordered by territory-type priority, which gives the account a single owner;
//   * territories get a queue each (their users are not in the metadata).
import type { Criteria } from "../criteria.js";
import { comment, label, recordBlock } from "../emit.js";
import { finishRuleset } from "../finish.js";
import { NameTable, toIdentifier } from "../names.js";
import { planCriteria } from "../plan-fields.js";
import { printCond, and, ref } from "../cond.js";
import { Tally, findingsOf, type ImportReport, type ImportResult, type Note } from "../report.js";
import { byPriority, territoryInfo, type TerritoryInfo } from "./model-semantics.js";
import { readModel, type InputFile, type SfRule } from "./read-model.js";
import { ImportInputError } from "../xml.js";

export interface TerritoryEntry {
  salesforce: string;
  label: string;
  parent?: string;
  type?: string;
  priority?: number;
  /** `translated` (in the plan), `no rules` (takes no account in Salesforce either), `untranslated` */
  status: "translated" | "no rules" | "untranslated";
  /** the Carve territory in the single-owner group, its overlay, and its queue */
  territory?: string;
  overlay?: string;
  queue?: string;
}

export interface TerritoriesReport extends ImportReport {
  territories: TerritoryEntry[];
  /** the queue of accounts that match no territory */
  noTerritory: string;
}

export interface TerritoriesInput {
  /** the folder given, as shown in the report */
  source: string;
  /** every file under it (and the `territory2Types` folder beside it) */
  files: readonly InputFile[];
  /** the ruleset's name when the folder holds no model file */
  fallbackName: string;
  /** the output's file name, for diagnostics (default `<model>.carve`) */
  uri?: string;
  /** run the static analysis on the imported plan (default true) */
  analyze?: boolean;
}

export function importSalesforceTerritories(input: TerritoriesInput): ImportResult<TerritoriesReport> {
  const model = readModel(input.files, input.fallbackName);
  if (model.territories.length === 0 && model.rules.length === 0 && model.file === undefined) {
    throw new ImportInputError(input.source, undefined, "no Territory2 metadata here (no .territory2Model, .territory2 or .territory2Rule file)");
  }
  const tally = new Tally();
  tally.declare("rules", "ruleItems", "booleanFilter", "territories");
  const notes: Note[] = [];
  const object = mostCommon(model.rules.map((r) => r.objectType)) ?? "Account";

  // Rules: the ones that can be read are translated together, so fields get one type.
  const usable = model.rules.filter((r) => r.filter.ok && r.items.length > 0 && r.objectType === object);
  const planned = planCriteria(usable.map((r): Criteria => ({ items: r.items, filter: (r.filter as { filter: Criteria["filter"] }).filter })), object);
  for (const n of planned.notes) notes.push({ file: n.item.file, line: n.item.line, message: n.message });
  const conds = new Map<SfRule, string>();
  const ruleFailure = new Map<SfRule, string>();
  for (const r of model.rules) {
    const i = usable.indexOf(r);
    const result = i >= 0 ? planned.results[i] : undefined;
    const failed = new Map(result?.failures.map((f) => [f.item, f.reason]));
    const whyNot = !r.filter.ok ? "its filter logic could not be read" : r.items.length === 0 ? "it has no rule items" : r.objectType !== object ? `it is a rule on ${r.objectType}, the model's rules are on ${object}` : undefined;
    for (const item of r.items) {
      const reason = failed.get(item) ?? whyNot;
      if (reason) tally.left({ kind: "ruleItems", file: item.file, line: item.line, what: `${item.field} ${item.op} ${item.raw ?? ""}`.trim(), reason });
      else tally.translated("ruleItems");
    }
    if (r.filter.ok && r.filter.written) tally.translated("booleanFilter");
    else if (!r.filter.ok) tally.left({ kind: "booleanFilter", file: r.file, line: r.filterLine ?? r.line, what: `filter logic of ${r.name}`, reason: r.filter.reason });
    if (result?.cond) {
      conds.set(r, printCond(result.cond));
      tally.translated("rules");
    } else {
      const reason = whyNot ?? `${result!.failures.length} of its items could not be translated (first: ${result!.failures[0].reason})`;
      ruleFailure.set(r, reason);
      tally.left({ kind: "rules", file: r.file, line: r.line, what: r.name, reason });
    }
  }

  // Names: one namespace for territories, overlays, queues and segments.
  const names = new NameTable();
  const noTerritory = names.claim("no_territory");
  const { infos, problems } = territoryInfo(model);
  for (const o of problems.orphans) notes.push({ file: o.territory.file, line: o.territory.line, message: `${o.territory.name}: ${o.message}; it is treated as a top-level territory` });
  const sorted = [...infos].sort((a, b) => (a.territory.name < b.territory.name ? -1 : 1));
  const entryOf = new Map<TerritoryInfo, TerritoryEntry>();
  for (const info of sorted) {
    const t = info.territory;
    const entry: TerritoryEntry = { salesforce: t.name, label: t.label, parent: t.parent, type: t.type, priority: info.priority, status: "translated" };
    const blocked = [...info.missingRules.map((n) => `rule \`${n}\` is not in the model folder`), ...info.rules.filter((r) => ruleFailure.has(r)).map((r) => `rule \`${r.name}\` was not translated`)];
    if (blocked.length > 0) {
      entry.status = "untranslated";
      tally.left({ kind: "territories", file: t.file, line: t.line, what: t.name, reason: blocked.join("; ") });
    } else {
      tally.translated("territories");
      if (info.rules.length === 0) entry.status = "no rules";
      else entry.territory = names.claim(t.name);
    }
    entryOf.set(info, entry);
  }
  for (const info of sorted) {
    const e = entryOf.get(info)!;
    if (e.territory) [e.overlay, e.queue] = [names.claim(info.territory.name, "_overlay"), names.claim(info.territory.name, "_queue")];
  }
  const segment = new Map<SfRule, string>();
  for (const r of [...conds.keys()].sort((a, b) => (a.name < b.name ? -1 : 1))) segment.set(r, names.claim(r.name, "", "_rule"));

  const text = emit({ model, planned, conds, segment, ruleFailure, infos: [...infos].sort(byPriority), entryOf, noTerritory, object, source: input.source });
  const uri = input.uri ?? `${toIdentifier(model.name)}.carve`;
  const finished = finishRuleset(uri, text, input.analyze !== false);
  const report: TerritoriesReport = {
    importer: "salesforce-territories",
    source: input.source,
    ruleset: uri,
    counts: tally.counts,
    untranslated: tally.untranslated,
    notes,
    fields: planned.fields.map((f) => ({ carve: f.name, type: f.type, salesforce: f.sources })),
    findings: findingsOf(finished.diagnostics, finished.text, input.analyze !== false),
    territories: sorted.map((i) => entryOf.get(i)!),
    noTerritory,
  };
  return { text: finished.text, report, diagnostics: finished.diagnostics, artifact: finished.artifact };
}

interface EmitInput {
  model: ReturnType<typeof readModel>;
  planned: ReturnType<typeof planCriteria>;
  conds: Map<SfRule, string>;
  segment: Map<SfRule, string>;
  ruleFailure: Map<SfRule, string>;
  infos: TerritoryInfo[];
  entryOf: Map<TerritoryInfo, TerritoryEntry>;
  noTerritory: string;
  object: string;
  source: string;
}

function emit(x: EmitInput): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push(comment(`Imported by \`carve import salesforce-territories\` from the Territory2 model "${x.model.label}".`));
  if (x.model.description) push(comment(x.model.description));
  push(`ruleset ${toIdentifier(x.model.name)}${label(x.model.label)}`, "");
  push(...recordBlock(x.object, x.planned.fields), "");

  push(comment("Territory rules (Territory2Rule), one segment each."));
  for (const r of [...x.segment.keys()]) {
    push(comment(`${r.label}${r.active ? "" : " (inactive in Salesforce: assigns nothing)"}`));
    push(`segment ${x.segment.get(r)} = ${x.conds.get(r)}`);
  }
  for (const [r, why] of x.ruleFailure) push(comment(`rule ${r.name} is not imported: ${why}`));
  push("");

  const planned = x.infos.filter((i) => x.entryOf.get(i)!.territory);
  push(comment("One queue per territory: Salesforce keeps a territory's users outside the metadata."));
  for (const i of planned) push(`queue ${x.entryOf.get(i)!.queue}${label(i.territory.label)}`);
  push(`queue ${x.noTerritory} "No territory"`, "");

  const when = (i: TerritoryInfo) => printCond(and(i.rules.map((r) => ref(x.segment.get(r)!))));
  const describe = (i: TerritoryInfo) => {
    const path = [...i.ancestors, i.territory].map((t) => t.label).join(" › ");
    const type = i.typeLabel === undefined ? "no type" : `type ${i.typeLabel}${i.priority === undefined ? "" : ` (priority ${i.priority})`}`;
    return comment(`${path} · ${type}`);
  };
  const skipped = x.infos.filter((i) => x.entryOf.get(i)!.status === "untranslated");

  push(comment("The single owner: of the territories whose rules match, the one whose type has the highest priority."));
  push("territories first {");
  for (const i of planned) {
    const e = x.entryOf.get(i)!;
    push(describe(i), `territory ${e.territory}${label(i.territory.label)} {`, `when ${when(i)}`, `assign ${e.queue}`, "}");
  }
  for (const i of skipped) push(comment(`${i.territory.name} is not imported (see the import report)`));
  push(`otherwise ${x.noTerritory}`, "}", "");

  push(comment("Every territory whose rules match, as Salesforce assigns accounts to territories."));
  push("overlays {");
  for (const i of planned) {
    const e = x.entryOf.get(i)!;
    push(`territory ${e.overlay}${label(i.territory.label)} {`, `when ${when(i)}`, `assign ${e.queue}`, "}");
  }
  push("}");
  return `${out.join("\n")}\n`;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
