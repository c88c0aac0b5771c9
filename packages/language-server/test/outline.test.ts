// The document's outline and layout: symbols (the territory tree), folding ranges, formatting and
// semantic tokens.
import { describe, expect, it } from "vitest";
import { SymbolKind, type DocumentSymbol, type SemanticTokens } from "vscode-languageserver";
import { documentSymbols, foldingRanges, formatDocument, semanticTokens, SEMANTIC_TOKENS_LEGEND } from "../src/index.js";
import { ACME, ROSTER, acmeText, acmeWorkspace, applyEdits, positionOf, rosterText } from "./helpers.js";

const ws = () => acmeWorkspace(acmeText, rosterText, [ACME, ROSTER]);
/** The range of `name` inside the first occurrence of `context` in acme.carve. */
const nameIn = (context: string, name: string) => {
  const start = positionOf(acmeText, context, context.indexOf(name));
  return { start, end: { line: start.line, character: start.character + name.length } };
};

describe("document symbols", () => {
  it("outlines the declarations and the territory tree", () => {
    const symbols = documentSymbols(ws(), ACME);
    expect(symbols.map((s) => s.name)).toEqual([
      "acme", "Lead", "west_states", "enterprise", "mid_market", "keep_owner", "named_accounts", "territories",
      "A big Californian software lead goes to West Enterprise", "Existing customers keep their owner", "Unknown countries are rejected, not guessed",
    ]);
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
    expect(tree(symbols.find((s) => s.name === "territories")!)).toEqual({
      territories: ["healthcare", { na: [{ west: ["west_ent", "west_smb"] }, "east", "canada"] }],
    });
    const na = symbols.find((s) => s.name === "territories")!.children![1];
    expect(na).toMatchObject({ kind: SymbolKind.Namespace, detail: "North America", selectionRange: nameIn('territory na "', "na") });
    expect(symbols.find((s) => s.name === "Lead")!.children!.map((f) => f.name)).toContain("account.owner");
  });

  it("outlines the roster with labels", () => {
    expect(documentSymbols(ws(), ROSTER).map((s) => `${s.name}:${s.detail}`)).toEqual([
      "alice:Alice Ng", "bob:Bob Ortiz", "carol:Carol Singh", "dana:Dana Weiss", "erin:Erin Park",
      "west_ae:West AEs", "west_commercial:team", "east_ae:team", "na_queue:NA triage", "triage:Global triage",
    ]);
  });
});

describe("folding ranges", () => {
  it("folds every multi-line block, keeping its closing line visible", () => {
    const ranges = foldingRanges(ws(), ACME);
    const record = positionOf(acmeText, "record Lead {").line;
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: record, endLine: positionOf(acmeText, "account.status:").line }));
    const territories = positionOf(acmeText, "territories first {").line;
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: territories, endLine: positionOf(acmeText, "otherwise triage").line }));
    // One-line blocks (`{ when enterprise  assign west_ae }`) do not fold.
    expect(ranges.some((r) => r.startLine === positionOf(acmeText, "territory west_ent").line)).toBe(false);
  });

  it("folds `# region` … `# endregion`, nested", () => {
    const text = `${acmeText}\n# region west\nset a = [US]\n# region inner\nset b = [CA]\n# endregion\n# endregion west\n`;
    const first = text.split("\n").indexOf("# region west");
    const ranges = foldingRanges(acmeWorkspace(text), ACME);
    expect(ranges).toContainEqual({ startLine: first + 2, endLine: first + 4, kind: "region" });
    expect(ranges).toContainEqual({ startLine: first, endLine: first + 5, kind: "region" });
  });

  it("folds runs of comment lines", () => {
    const text = `# one\n# two\n# three\n${acmeText}`;
    expect(foldingRanges(acmeWorkspace(text), ACME)).toContainEqual({ startLine: 0, endLine: 2, kind: "comment" });
  });
});

describe("formatting", () => {
  it("gives the canonical layout as one edit, and nothing for a canonical file", () => {
    const messy = rosterText.replace("members alice, bob weight 2", "members   alice,bob weight 2").replace('queue triage "Global triage"', 'queue triage    "Global triage"');
    const edits = formatDocument(acmeWorkspace(acmeText, messy, [ACME, ROSTER]), ROSTER);
    expect(applyEdits(messy, edits)).toBe(rosterText);
    expect(formatDocument(ws(), ACME)).toEqual([]);
  });

  it("leaves a file with syntax errors alone", () => {
    expect(formatDocument(acmeWorkspace(acmeText.replace("assign dana", "assign {")), ACME)).toEqual([]);
  });
});

/** Decodes the relative encoding of semantic tokens into `text → type[.modifiers]`. */
function decode(text: string, tokens: SemanticTokens): Map<string, string[]> {
  const lines = text.split("\n");
  const out = new Map<string, string[]>();
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    const word = lines[line].slice(char, char + len);
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, b) => mods & (1 << b));
    const name = [SEMANTIC_TOKENS_LEGEND.tokenTypes[type], ...modifiers].join(".");
    out.set(word, [...(out.get(word) ?? []), name]);
  }
  return out;
}

describe("semantic tokens", () => {
  it("tells declarations from uses and classifies every kind of name, literal and keyword", () => {
    const tokens = decode(acmeText, semanticTokens(ws(), ACME));
    expect(tokens.get("territories")).toEqual(["keyword", "keyword", "keyword"]);
    expect(tokens.get("west_states")).toEqual(["enum.declaration", "enum", "enum"]);
    expect(tokens.get("enterprise")).toEqual(["function.declaration", "function"]);
    expect(tokens.get("keep_owner")).toEqual(["event.declaration", "event"]);
    expect(tokens.get("west_ae")).toEqual(["class", "class"]); // uses only: declared in the roster
    expect(tokens.get("dana")).toEqual(["variable"]);
    expect(tokens.get("na_queue")).toEqual(["struct"]);
    expect(tokens.get("west")).toEqual(["namespace.declaration", "namespace"]);
    expect(tokens.get("employees")?.[0]).toBe("property.declaration");
    expect(tokens.get("employees")?.slice(1).every((t) => t === "property")).toBe(true);
    expect(tokens.get("owner")).toEqual(expect.arrayContaining(["property.declaration", "property", "keyword"]));
    expect(tokens.get("Lead")).toEqual(["type.declaration"]);
    expect(tokens.get("healthcare")).toEqual(expect.arrayContaining(["enumMember.declaration", "namespace.declaration", "enumMember"]));
    expect(tokens.get("US-CA")).toEqual(["enumMember"]);
    expect(tokens.get("250M")).toEqual(["number"]);
    expect(tokens.get("2027-02-01")).toEqual(["number.date"]);
    expect(tokens.get('"Acme Corp — FY27 territory plan"')).toEqual(["string"]);
    expect(tokens.get("# every record gets an owner")).toEqual(["comment"]);
    expect(tokens.get("==")?.every((t) => t === "operator")).toBe(true);
    expect(tokens.get("acme")).toEqual(["namespace.declaration"]);
  });

  it("classifies the roster's declarations and the names it uses", () => {
    const tokens = decode(rosterText, semanticTokens(ws(), ROSTER));
    expect(tokens.get("alice")).toEqual(["variable.declaration", "variable"]);
    expect(tokens.get("west_ae")).toEqual(["class.declaration"]);
    expect(tokens.get("na_queue")).toEqual(["struct", "struct.declaration"]);
    expect(tokens.get("id")).toEqual(["property"]);
    expect(tokens.get("2026-12-20")).toEqual(["number.date"]);
  });

  it("emits no token that crosses a line or overlaps another, also for broken text", () => {
    const broken = acmeText.replace("assign dana", 'assign "unterminated\n  when == ]]');
    const { data } = semanticTokens(acmeWorkspace(broken), ACME);
    const lines = broken.split("\n");
    let line = 0;
    let char = 0;
    let end = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, len] = data.slice(i, i + 5);
      if (dl > 0) end = 0;
      line += dl;
      char = dl === 0 ? char + dc : dc;
      expect(char).toBeGreaterThanOrEqual(end);
      expect(char + len).toBeLessThanOrEqual(lines[line].length);
      end = char + len;
    }
    expect(data.length).toBeGreaterThan(0);
  });
});
