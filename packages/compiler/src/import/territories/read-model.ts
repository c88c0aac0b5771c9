// Reads a Territory2 model as the Metadata API writes it: the model, its territories, its rules and
// the territory types, recognised by file suffix (`.territory2Rule-meta.xml`, or the older
// `.territory2Rule` without `-meta.xml`) wherever they sit under the folder given.
import { parseBooleanFilter, allOf, type Filter } from "../boolean-filter.js";
import { splitValues } from "../sf-values.js";
import type { Item } from "../translate-item.js";
import { childrenNamed, childText, expectRoot, ImportInputError, parseXml } from "../xml.js";

export interface InputFile {
  path: string;
  text: string;
}

export interface SfRule {
  name: string;
  label: string;
  active: boolean;
  objectType: string;
  items: Item[];
  /** the parsed filter logic, or why it could not be read */
  filter: { ok: true; filter: Filter; written: boolean } | { ok: false; reason: string };
  filterLine?: number;
  file: string;
  line: number;
}

export interface SfTerritory {
  name: string;
  label: string;
  parent?: string;
  type?: string;
  rules: { name: string; inherited: boolean; line: number }[];
  file: string;
  line: number;
}

export interface SfType {
  name: string;
  label: string;
  priority?: number;
  file: string;
}

export interface SfModel {
  name: string;
  label: string;
  description?: string;
  file?: string;
  territories: SfTerritory[];
  rules: SfRule[];
  types: SfType[];
}

const KINDS = ["territory2Model", "territory2Rule", "territory2Type", "territory2"] as const;
type Kind = (typeof KINDS)[number];

/** The metadata kind and developer name of a file, from its name; undefined for other files. */
export function metadataKind(path: string): { kind: Kind; name: string } | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  for (const kind of KINDS) {
    for (const suffix of [`.${kind}-meta.xml`, `.${kind}`]) {
      if (base.endsWith(suffix) && base.length > suffix.length) return { kind, name: base.slice(0, -suffix.length) };
    }
  }
  return undefined;
}

/** Reads the model from `files`; `fallbackName` names it when the folder has no model file. */
export function readModel(files: readonly InputFile[], fallbackName: string): SfModel {
  const model: SfModel = { name: fallbackName, label: fallbackName, territories: [], rules: [], types: [] };
  const models: string[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const m = metadataKind(f.path);
    if (!m) continue;
    const root = parseXml(f.path, f.text);
    switch (m.kind) {
      case "territory2Model":
        expectRoot(f.path, root, "Territory2Model");
        models.push(f.path);
        Object.assign(model, { name: m.name, label: childText(root, "name") ?? m.name, description: childText(root, "description"), file: f.path });
        break;
      case "territory2Type": {
        expectRoot(f.path, root, "Territory2Type");
        const p = childText(root, "priority");
        model.types.push({ name: m.name, label: childText(root, "name") ?? m.name, priority: p === undefined || !/^-?\d+$/.test(p) ? undefined : Number(p), file: f.path });
        break;
      }
      case "territory2":
        expectRoot(f.path, root, "Territory2");
        model.territories.push({
          name: m.name,
          label: childText(root, "name") ?? m.name,
          parent: childText(root, "parentTerritory") || undefined,
          type: childText(root, "territory2Type") || undefined,
          rules: childrenNamed(root, "ruleAssociations").map((a) => ({
            name: childText(a, "ruleName") ?? "",
            inherited: childText(a, "inherited")?.toLowerCase() === "true",
            line: a.line,
          })),
          file: f.path,
          line: root.line,
        });
        break;
      case "territory2Rule":
        expectRoot(f.path, root, "Territory2Rule");
        model.rules.push(readRule(f.path, m.name, root));
        break;
    }
  }
  if (models.length > 1) {
    throw new ImportInputError(models[1], undefined, `a second territory model (the first is ${models[0]}): give the folder of one model`);
  }
  return model;
}

function readRule(file: string, name: string, root: ReturnType<typeof parseXml>): SfRule {
  const items: Item[] = childrenNamed(root, "ruleItems").map((ri) => {
    const raw = childText(ri, "value");
    return { field: childText(ri, "field") ?? "", op: childText(ri, "operation") ?? "", values: splitValues(raw), raw, file, line: ri.line };
  });
  const filterEl = root.children.find((c) => c.name === "booleanFilter");
  const written = filterEl !== undefined && filterEl.text !== "";
  const parsed = written ? parseBooleanFilter(filterEl.text, items.length) : { ok: true as const, filter: allOf(items.length) };
  return {
    name,
    label: childText(root, "name") ?? name,
    active: childText(root, "active")?.toLowerCase() !== "false",
    objectType: childText(root, "objectType") ?? "Account",
    items,
    filter: parsed.ok ? { ok: true, filter: parsed.filter, written } : parsed,
    filterLine: filterEl?.line,
    file,
    line: root.line,
  };
}
