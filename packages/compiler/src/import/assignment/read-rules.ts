// Reads `Lead.assignmentRules` / `Case.assignmentRules` (with or without `-meta.xml`): the rules in
// the file, each an ordered list of entries with criteria or a formula, and an assignee.
import { parseBooleanFilter, allOf, type Filter } from "../boolean-filter.js";
import { splitValues } from "../sf-values.js";
import type { Item } from "../translate-item.js";
import { childrenNamed, childText, expectRoot, parseXml, type XmlElement } from "../xml.js";

export interface SfEntry {
  /** 1-based position in the rule */
  order: number;
  assignedTo?: string;
  assignedToType?: string;
  items: Item[];
  filter: { ok: true; filter: Filter; written: boolean } | { ok: false; reason: string };
  filterLine?: number;
  formula?: { text: string; line: number };
  line: number;
}

export interface SfAssignmentRule {
  name: string;
  active: boolean;
  entries: SfEntry[];
  line: number;
}

/** `Lead.assignmentRules-meta.xml` → `Lead` (the object the rules assign). */
export function assignmentObject(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const m = /^([A-Za-z0-9_]+)\.assignmentRules(?:-meta\.xml)?$/.exec(base);
  return m ? m[1] : "Lead";
}

export function readAssignmentRules(path: string, text: string): SfAssignmentRule[] {
  const root = parseXml(path, text);
  expectRoot(path, root, "AssignmentRules");
  return childrenNamed(root, "assignmentRule").map((r) => ({
    name: childText(r, "fullName") ?? "",
    active: childText(r, "active")?.toLowerCase() === "true",
    entries: childrenNamed(r, "ruleEntry").map((e, i) => readEntry(path, e, i + 1)),
    line: r.line,
  }));
}

function readEntry(file: string, e: XmlElement, order: number): SfEntry {
  const items: Item[] = childrenNamed(e, "criteriaItems").map((c) => {
    const raw = childText(c, "value");
    return { field: childText(c, "field") ?? "", op: childText(c, "operation") ?? "", values: splitValues(raw), raw, file, line: c.line };
  });
  const filterEl = e.children.find((c) => c.name === "booleanFilter");
  const written = filterEl !== undefined && filterEl.text !== "";
  const parsed = written ? parseBooleanFilter(filterEl.text, items.length) : { ok: true as const, filter: allOf(items.length) };
  const formulaEl = e.children.find((c) => c.name === "formula");
  return {
    order,
    assignedTo: childText(e, "assignedTo") || undefined,
    assignedToType: childText(e, "assignedToType") || undefined,
    items,
    filter: parsed.ok ? { ok: true, filter: parsed.filter, written } : parsed,
    filterLine: filterEl?.line,
    formula: formulaEl && formulaEl.text !== "" ? { text: formulaEl.text, line: formulaEl.line } : undefined,
    line: e.line,
  };
}
