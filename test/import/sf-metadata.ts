// A reader of Salesforce metadata for the tests, written apart from the importer (regular
// expressions over the XML, not its parser) so that the tests' interpreter does not share the
// importer's reading of the files.

export interface SfCriterion {
  field: string;
  operation: string;
  value?: string;
}

export interface SfRuleDef {
  name: string;
  active: boolean;
  filter?: string;
  items: SfCriterion[];
}

export interface SfTerritoryDef {
  name: string;
  parent?: string;
  type?: string;
  rules: { name: string; inherited: boolean }[];
}

export interface SfEntryDef {
  assignedTo?: string;
  assignedToType?: string;
  filter?: string;
  formula?: string;
  items: SfCriterion[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

/** The decoded, trimmed text of the first `<tag>` directly in `xml` (not nested deeper than given). */
export function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decode(m[1]).trim() : undefined;
}

/** The contents of every `<name>…</name>` (and empty `<name/>`) in `xml`. */
export function blocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s*/>|>([\\s\\S]*?)</${name}>)`, "g"))].map((m) => m[1] ?? "");
}

/** Criteria with their fields named as on the record (`Account.Name` → `Name` for rules on Account). */
function criteria(xml: string, name: string, object: string): SfCriterion[] {
  return blocks(xml, name).map((b) => {
    const field = tag(b, "field")!;
    return { field: field.startsWith(`${object}.`) ? field.slice(object.length + 1) : field, operation: tag(b, "operation")!, value: tag(b, "value") };
  });
}

export function readRuleDef(name: string, xml: string): SfRuleDef {
  return { name, active: tag(xml, "active") !== "false", filter: tag(xml, "booleanFilter") || undefined, items: criteria(xml, "ruleItems", tag(xml, "objectType") ?? "Account") };
}

export function readTerritoryDef(name: string, xml: string): SfTerritoryDef {
  return {
    name,
    parent: tag(xml, "parentTerritory"),
    type: tag(xml, "territory2Type"),
    rules: blocks(xml, "ruleAssociations").map((b) => ({ name: tag(b, "ruleName")!, inherited: tag(b, "inherited") === "true" })),
  };
}

export function readTypePriority(xml: string): number | undefined {
  const p = tag(xml, "priority");
  return p === undefined ? undefined : Number(p);
}

/** The entries of the assignment rule called `ruleName` in an AssignmentRules file. */
export function readEntries(xml: string, ruleName: string, object: string): SfEntryDef[] {
  const rule = blocks(xml, "assignmentRule").find((r) => tag(r, "fullName") === ruleName);
  if (!rule) throw new Error(`no rule ${ruleName}`);
  return blocks(rule, "ruleEntry").map((e) => ({
    assignedTo: tag(e, "assignedTo"),
    assignedToType: tag(e, "assignedToType"),
    filter: tag(e, "booleanFilter") || undefined,
    formula: tag(e, "formula"),
    items: criteria(e, "criteriaItems", object),
  }));
}
