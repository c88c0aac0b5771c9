// "Why is this record not in territory X?": walks X's path from the top and says, level by level,
// what kept the record out — a failed condition (with the record's value), a date window, or an
// earlier sibling that took the record in a `first` (or overlapping `unique`) group.
import { closest } from "@carve/values";
import type { Window } from "./artifact-types.js";
import { testBoxes } from "./atoms.js";
import { inWindow, windowText } from "./dates.js";
import type { Model } from "./model.js";
import type { NormRecord } from "./normalize-record.js";
import type { TableItem } from "./table.js";
import { failedText, type FailedBox, type Tracer } from "./trace.js";

export type WhyNotReason =
  | { kind: "unknown-territory"; suggestions: string[] }
  | { kind: "no-match"; territory: string; failed: FailedBox[] }
  | { kind: "not-in-effect"; territory: string; window: Window }
  /** an earlier sibling matched first (`first` group) or also matched (`unique` group, an overlap) */
  | { kind: "taken"; territory: string; by: string; policy: "first" | "unique" };

export interface WhyNot {
  /** the territory asked about */
  territory: string;
  /** true when the record is in that territory (or deeper in it) */
  matched: boolean;
  /** what kept the record out, from the top of the path down; empty when matched */
  reasons: WhyNotReason[];
  /** the same, as sentences */
  messages: string[];
}

export function whyNot(
  model: Model,
  items: readonly (readonly TableItem[])[],
  rec: NormRecord,
  asOf: string,
  id: string,
  recordPath: readonly string[],
  tr: Tracer,
): WhyNot {
  const a = model.artifact;
  const t = model.territoryIndex.get(id);
  if (t === undefined) {
    const suggestions = closest(id, a.territories.map((x) => x.id));
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((x) => `\`${x}\``).join(" or ")}?` : "";
    return { territory: id, matched: false, reasons: [{ kind: "unknown-territory", suggestions }], messages: [`there is no territory \`${id}\`${hint}`] };
  }
  const chain: number[] = [];
  for (let x: number | undefined = t; x !== undefined; x = a.territories[x].parent) chain.unshift(x);

  const reasons: WhyNotReason[] = [];
  const messages: string[] = [];
  for (const x of chain) {
    const ter = a.territories[x];
    const g = groupOf(model, x);
    const group = a.groups[g];
    const k = group.territories.indexOf(x);
    const item = items[g][k];
    if (!testBoxes(item.when, rec)) {
      const failed = tr.failedBoxes(item.when);
      reasons.push({ kind: "no-match", territory: ter.id, failed });
      messages.push(`\`${ter.id}\` does not match: ${failedText(failed, item.when.length)}`);
    } else if (!inWindow(item.window, asOf)) {
      reasons.push({ kind: "not-in-effect", territory: ter.id, window: item.window! });
      messages.push(`\`${ter.id}\` is not in effect on ${asOf} (${windowText(item.window)})`);
    } else if (group.policy !== "overlays") {
      for (let j = 0; j < k; j++) {
        const sib = items[g][j];
        if (!testBoxes(sib.when, rec) || !inWindow(sib.window, asOf)) continue;
        const by = a.territories[group.territories[j]].id;
        const policy = group.policy === "unique" ? "unique" : "first";
        reasons.push({ kind: "taken", territory: ter.id, by, policy });
        messages.push(
          policy === "first"
            ? `\`${ter.id}\` matches, but \`${by}\` comes first in its \`first\` group and matches too`
            : `\`${ter.id}\` matches, but so does \`${by}\` in the same \`unique\` group (an overlap the checker reports); the first one, \`${by}\`, is used`,
        );
        break;
      }
    }
  }
  const matched = reasons.length === 0;
  if (matched) {
    const deeper = recordPath.length > 0 && recordPath.includes(id) && recordPath[recordPath.length - 1] !== id;
    messages.push(
      deeper
        ? `the record is in \`${id}\`, and deeper in \`${recordPath[recordPath.length - 1]}\``
        : `the record is in \`${id}\``,
    );
  }
  return { territory: id, matched, reasons, messages };
}

function groupOf(model: Model, t: number): number {
  const a = model.artifact;
  const parent = a.territories[t].parent;
  if (parent !== undefined) return a.territories[parent].children!;
  return a.groups[0].territories.includes(t) ? 0 : a.overlays!;
}
