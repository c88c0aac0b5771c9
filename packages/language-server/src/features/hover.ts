// Hover: what a name stands for, in a few lines of Markdown; a country or region code's name.
import { tokenize, type Program, type Range, type TerritoryDecl } from "@carve/language";
import { countryName, regionName } from "@carve/values";
import type { Hover, Position } from "vscode-languageserver";
import { contains, lineStartAt, toOffset, toRange } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { targetAt, type Target } from "./lookup.js";
import { territoryParents } from "./territory-tree.js";

export function hover(ws: Workspace, file: string, position: Position): Hover | null {
  const text = ws.readFile(file);
  if (text === undefined) return null;
  const offset = toOffset(text, position);
  const program = ws.programFor(file);
  const found = targetAt(program, file, offset);
  if (found) return { contents: { kind: "markdown", value: describe(program, found.symbol) }, range: toRange(text, found.range) };
  const place = codeAt(program, text, offset);
  return place ? { contents: { kind: "markdown", value: place.value }, range: toRange(text, place.range) } : null;
}

const code = (s: string) => `\`${s}\``;

/**
 * A country or region code under the cursor, named. Literals are not references: the token under
 * the cursor is read from its line, and the checker's normalised value says what it stands for
 * (a bare `CA` after `country == US` is California); codes it did not check are read by shape.
 */
function codeAt(program: Program, text: string, offset: number): { value: string; range: Range } | undefined {
  const start = lineStartAt(text, offset);
  const endAt = text.indexOf("\n", offset);
  const line = text.slice(start, endAt < 0 ? text.length : endAt);
  // The cursor may touch a name and the punctuation before it: the name counts.
  const token = tokenize(line).find((t) => (t.kind === "code" || t.kind === "identifier") && contains(t.range, offset - start));
  if (!token) return undefined;
  const range = { start: token.range.start + start, end: token.range.end + start };
  const checked = checkedLiteral(program, range);
  let value = token.text.toUpperCase();
  let name: string | undefined;
  if (checked) {
    value = String(checked.value);
    name = checked.type === "region" ? regionName(value) : checked.type === "country" ? countryName(value) : undefined;
  } else {
    name = token.kind === "code" ? regionName(value) : /^[A-Z]{2}$/.test(token.text) ? countryName(value) : undefined;
  }
  return name ? { value: `${code(value)} — ${name}`, range } : undefined;
}

/** The checker's normalised value of the single literal written at `range`. */
function checkedLiteral(program: Program, range: Range): { type: string; value: unknown } | undefined {
  for (const [node, lit] of program.literals) {
    const r = (node as { range?: Range }).range;
    if (lit.kind === "value" && r?.start === range.start && r.end === range.end) return lit;
  }
  return undefined;
}

function sourceOf(program: Program, file: string, r: Range | undefined): string {
  if (!r) return "";
  const text = program.files.find((f) => f.uri === file)?.text ?? "";
  return text.slice(r.start, r.end).replace(/\s+/g, " ").trim();
}

export function describe(program: Program, s: Target): string {
  const src = (r: Range | undefined) => sourceOf(program, s.file, r);
  const lines: string[] = [];
  const head = (kind: string, label?: { value: string }) =>
    lines.push(`**${kind}** ${code(s.name)}${label?.value ? ` — ${label.value}` : ""}`);
  switch (s.kind) {
    case "rep": {
      head("rep", s.decl.label);
      for (const a of s.decl.attrs ?? []) {
        if (!a?.value) continue;
        const name = a.name === "email" ? "e-mail" : a.name;
        lines.push(`- ${name}: ${src(a.value.range).replace(/^"|"$/g, "")}`);
      }
      const teams = [...program.symbols.values()]
        .filter((t) => t.kind === "team" && (t.decl.members ?? []).some((m) => m?.rep?.text === s.name))
        .map((t) => code(t.name));
      if (teams.length > 0) lines.push(`- member of: ${teams.join(", ")}`);
      break;
    }
    case "team": {
      head("team", s.decl.label);
      const members = (s.decl.members ?? []).filter((m) => m?.rep).map((m) => {
        const extra = [m.weight ? `weight ${m.weight.raw}` : "", m.from ? `from ${m.from.value}` : "", m.until ? `until ${m.until.value}` : ""]
          .filter(Boolean).join(", ");
        return `${code(m.rep.text)}${extra ? ` (${extra})` : ""}`;
      });
      lines.push(`- members: ${members.join(", ") || "none"}`);
      if (s.decl.strategy) lines.push(`- strategy: ${src(s.decl.strategy.range)}`);
      if (s.decl.overflow) lines.push(`- overflow: ${code(s.decl.overflow.text)}`);
      break;
    }
    case "queue":
      head("queue", s.decl.label);
      lines.push("- always available");
      break;
    case "set": {
      head("set");
      const type = program.sets.get(s.decl)?.type;
      if (type) lines.push(`- of: ${type}`);
      lines.push(`- elements: ${(s.decl.value?.items ?? []).map((i) => src(i.range)).join(", ")}`);
      break;
    }
    case "segment":
      head("segment");
      lines.push("```carve", `segment ${s.name} = ${src(s.decl.cond?.range)}`, "```");
      break;
    case "field": {
      const f = s.field;
      lines.push(`**field** ${code(f.name)}: ${f.type}${f.enumValues ? `(${f.enumValues.join(", ")})` : ""}${f.optional ? "?" : ""}`);
      lines.push(`- ${f.optional ? "optional" : "required"}${f.key ? ", the record's key" : ""}`);
      if (f.countryField) lines.push(`- read in the context of ${code(f.countryField)}`);
      break;
    }
    case "territory": {
      head(s.overlay ? "overlay territory" : "territory", s.decl.label);
      lines.push(`- path: ${code(program.territoryPath.get(s.decl) ?? s.name)}`);
      if (s.decl.when) lines.push(`- when: ${code(src(s.decl.when.range))}`);
      lines.push(`- owner: ${territoryOwner(program, s.decl)}`);
      windowLine(s.decl, lines);
      break;
    }
    case "override":
      head("override", s.decl.label);
      if (s.decl.when) lines.push(`- when: ${code(src(s.decl.when.range))}`);
      lines.push(`- assign: ${s.decl.assign ? code(s.decl.assign.text) : "none"}`);
      windowLine(s.decl, lines);
      break;
    case "record":
      head("record");
      lines.push(`- fields: ${(s.decl.fields ?? []).filter((f) => f?.name).map((f) => code(f.name.text)).join(", ")}`);
      break;
  }
  return lines.join("\n");
}

/** Its own `assign`, else the nearest ancestor's (SPEC 2.6 step 2: the owner of records that stop here). */
function territoryOwner(program: Program, decl: TerritoryDecl): string {
  if (decl.assign) return code(decl.assign.text);
  const parents = territoryParents(program);
  for (let t = parents.get(decl); t; t = parents.get(t)) {
    if (t.assign) return `${code(t.assign.text)} (from ${code(program.territoryPath.get(t) ?? t.name?.text ?? "")})`;
  }
  return "none of its own (the `otherwise` of its group, if any)";
}

/** The effective-dating window (`from`/`until`), when it has one. */
function windowLine(decl: { from?: { value: string }; until?: { value: string } }, lines: string[]): void {
  if (decl.from) lines.push(`- from: ${decl.from.value}`);
  if (decl.until) lines.push(`- until: ${decl.until.value}`);
}
