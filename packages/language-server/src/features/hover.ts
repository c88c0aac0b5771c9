// Hover: what a name stands for, in a few lines of Markdown.
import type { Program, Range } from "@carve/language";
import type { Hover, Position } from "vscode-languageserver";
import { toOffset, toRange } from "../positions.js";
import type { Workspace } from "../workspace.js";
import { targetAt, type Target } from "./lookup.js";

export function hover(ws: Workspace, file: string, position: Position): Hover | null {
  const text = ws.readFile(file);
  if (text === undefined) return null;
  const { program } = ws.analysisFor(file);
  const found = targetAt(program, file, toOffset(text, position));
  if (!found) return null;
  return {
    contents: { kind: "markdown", value: describe(program, found.symbol) },
    range: toRange(text, found.range),
  };
}

function sourceOf(program: Program, file: string, r: Range | undefined): string {
  if (!r) return "";
  const text = program.files.find((f) => f.uri === file)?.text ?? "";
  return text.slice(r.start, r.end).replace(/\s+/g, " ").trim();
}

const code = (s: string) => `\`${s}\``;

export function describe(program: Program, s: Target): string {
  const src = (r: Range | undefined) => sourceOf(program, s.file, r);
  const lines: string[] = [];
  const head = (kind: string, label?: { value: string }) =>
    lines.push(`**${kind}** ${code(s.name)}${label ? ` — ${label.value}` : ""}`);
  switch (s.kind) {
    case "rep": {
      head("rep", s.decl.label);
      for (const a of s.decl.attrs) {
        const name = a.name === "email" ? "e-mail" : a.name;
        lines.push(`- ${name}: ${src(a.value.range).replace(/^"|"$/g, "")}`);
      }
      break;
    }
    case "team": {
      head("team", s.decl.label);
      const members = s.decl.members.map((m) => `${code(m.rep.text)}${m.weight ? ` (weight ${m.weight.raw})` : ""}`);
      lines.push(`- members: ${members.join(", ") || "none"}`);
      if (s.decl.strategy) lines.push(`- strategy: ${src(s.decl.strategy.range)}`);
      if (s.decl.overflow) lines.push(`- overflow: ${code(s.decl.overflow.text)}`);
      break;
    }
    case "queue":
      head("queue", s.decl.label);
      break;
    case "set":
      head("set");
      lines.push(`- elements: ${s.decl.value.items.map((i) => src(i.range)).join(", ")}`);
      break;
    case "segment":
      head("segment");
      lines.push("```carve", src(s.decl.cond?.range), "```");
      break;
    case "field": {
      const f = s.field;
      lines.push(`**field** ${code(f.name)}: ${f.type}${f.enumValues ? `(${f.enumValues.join(", ")})` : ""}`);
      lines.push(`- ${f.optional ? "optional" : "required"}${f.key ? ", the record's key" : ""}`);
      break;
    }
    case "territory": {
      head(s.overlay ? "overlay territory" : "territory", s.decl.label);
      lines.push(`- path: ${code(program.territoryPath.get(s.decl) ?? s.name)}`);
      territoryDetails(s.decl, src, lines);
      break;
    }
    case "override":
      head("override", s.decl.label);
      territoryDetails(s.decl, src, lines);
      break;
    case "record":
      head("record");
      lines.push(`- fields: ${s.decl.fields.map((f) => code(f.name.text)).join(", ")}`);
      break;
  }
  return lines.join("\n");
}

function territoryDetails(
  decl: { when?: { range: Range }; assign?: { text: string }; from?: { value: string }; until?: { value: string } },
  src: (r: Range | undefined) => string,
  lines: string[],
): void {
  if (decl.when) lines.push(`- when: ${code(src(decl.when.range))}`);
  lines.push(`- assign: ${decl.assign ? code(decl.assign.text) : "none (the enclosing territory's owner)"}`);
  if (decl.from || decl.until) lines.push(`- active: ${decl.from?.value ?? "always"} to ${decl.until?.value ?? "open-ended"}`);
}
