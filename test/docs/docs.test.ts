// Keeps the user documentation honest: every diagnostic code of the catalogues is documented (and
// nothing else), the reserved-word lists match the parser, and every complete ruleset shown in the
// docs checks clean and is already in the canonical layout. The conventions for code blocks are
// stated at the top of docs/language.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  allCatalogueEntries, CONTEXTUAL_KEYWORDS, formatText, KEYWORDS, loadProgram, MemoryHost, type CatalogueEntry, type Diagnostic,
} from "@carve/language";
// The compiler's catalogue by path: only that file, not the whole compiler, so that the catalogue
// checks do not depend on the rest of the compiler (which the example runs below import lazily).
// Every exported entry is picked up, whatever its group.
import * as compilerCatalogue from "../../packages/compiler/src/catalogue.ts";

const root = join(import.meta.dirname, "..", "..");
const read = (doc: string) => readFileSync(join(root, "docs", doc), "utf8");

/** Every catalogue entry: the front end's and every entry the compiler's catalogue module exports. */
function catalogue(): CatalogueEntry[] {
  const extra: CatalogueEntry[] = [];
  const isEntry = (x: unknown): x is CatalogueEntry =>
    typeof x === "object" && x !== null && typeof (x as CatalogueEntry).code === "string" && /^CARVE\d{3}$/.test((x as CatalogueEntry).code);
  for (const value of Object.values(compilerCatalogue)) {
    const items = Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [];
    for (const item of items) if (isEntry(item) && !extra.some((e) => e.code === item.code)) extra.push(item);
  }
  return allCatalogueEntries(extra);
}

// ---------------------------------------------------------------- docs/diagnostics.md

interface Row {
  code: string;
  severity: string;
  title: string;
  /** the `(CARVE0aa–CARVE0bb)` range of the section the row is in */
  section?: [number, number];
  line: number;
}

/** Table rows `| CARVE0xx | severity | title | … |`, with the code range of their section heading. */
function documentedRows(text: string): Row[] {
  const rows: Row[] = [];
  let section: [number, number] | undefined;
  text.split("\n").forEach((line, i) => {
    const heading = /^#+ .*\(CARVE(\d{3})[–-]CARVE(\d{3})\)/.exec(line);
    if (heading) section = [Number(heading[1]), Number(heading[2])];
    else if (/^#+ /.test(line)) section = undefined;
    const row = /^\|\s*`?(CARVE\d{3})`?\s*\|\s*([a-z]+)\s*\|\s*([^|]*?)\s*\|/.exec(line);
    if (row) rows.push({ code: row[1], severity: row[2], title: row[3], section, line: i + 1 });
  });
  return rows;
}

const codeNumber = (code: string) => Number(code.slice(5));

describe("docs/diagnostics.md", () => {
  const text = read("diagnostics.md");
  const rows = documentedRows(text);
  const entries = catalogue();

  it("documents every catalogue code, with its severity and title", () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const missing = entries.filter((e) => !byCode.has(e.code)).map((e) => `${e.code} (${e.severity}): ${e.title}`);
    expect(missing, "codes in the catalogue but not in docs/diagnostics.md").toEqual([]);
    const wrong = entries
      .filter((e) => byCode.has(e.code))
      .filter((e) => byCode.get(e.code)!.severity !== e.severity || byCode.get(e.code)!.title !== e.title)
      .map((e) => `${e.code}: the catalogue says ${e.severity} "${e.title}", the doc says ${byCode.get(e.code)!.severity} "${byCode.get(e.code)!.title}"`);
    expect(wrong).toEqual([]);
  });

  it("lists no code that does not exist, and each code once", () => {
    const known = new Set(entries.map((e) => e.code));
    expect(rows.filter((r) => !known.has(r.code)).map((r) => `${r.code} (line ${r.line})`), "codes in the doc but not in any catalogue").toEqual([]);
    const seen = new Set<string>();
    expect(rows.filter((r) => seen.has(r.code) || !seen.add(r.code)).map((r) => `${r.code} (line ${r.line})`)).toEqual([]);
  });

  it("puts each code in the section of its range", () => {
    const misplaced = rows.filter((r) => !r.section || codeNumber(r.code) < r.section[0] || codeNumber(r.code) > r.section[1]);
    expect(misplaced.map((r) => `${r.code} (line ${r.line})`)).toEqual([]);
  });

  it("shows rendered examples of real codes with their real severity", () => {
    const severities = new Map(entries.map((e) => [e.code, e.severity]));
    const shown = [...text.matchAll(/^(error|warning|info)\[(CARVE\d{3})\]/gm)];
    expect(shown.length).toBeGreaterThan(0);
    for (const [, severity, code] of shown) expect(`${code} ${severity}`).toBe(`${code} ${severities.get(code)}`);
  });
});

// ---------------------------------------------------------------- code blocks

interface Block {
  doc: string;
  info: string;
  body: string;
  line: number;
}

function codeBlocks(doc: string): Block[] {
  const out: Block[] = [];
  const lines = read(doc).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S.*)?$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]);
    out.push({ doc, info: (open[1] ?? "").trim(), body: `${body.join("\n")}\n`, line: start + 1 });
  }
  return out;
}

const DOCS = ["language.md", "formatting.md", "diagnostics.md", "artifact.md"];
const blocks = DOCS.flatMap(codeBlocks);
const carveBlocks = blocks.filter((b) => b.info === "carve" || b.info.startsWith("carve "));
const rulesets = carveBlocks.filter((b) => b.info === "carve");
const importable = carveBlocks.filter((b) => /^carve file=\S+$/.test(b.info));
const where = (b: Block) => `${b.doc}:${b.line}`;

/** All `file=NAME` blocks, so that a ruleset block can import them. */
function hostWith(entry: string, text: string): MemoryHost {
  const files: Record<string, string> = { [entry]: text };
  for (const b of importable) files[`/docs/${b.info.slice("carve file=".length)}`] = b.body;
  return new MemoryHost(files);
}

const describeDiagnostic = (d: Diagnostic) => `${d.severity} ${d.code} ${d.file}@${d.range.start}: ${d.message}`;

describe("carve code blocks in docs", () => {
  it("are complete rulesets, imported files, or marked carve-fragment", () => {
    const unmarked = carveBlocks.filter((b) => !(b.info === "carve" && b.body.trimStart().startsWith("ruleset")) && !importable.includes(b));
    expect(unmarked.map(where), "mark partial examples ```carve-fragment").toEqual([]);
    expect(rulesets.length).toBeGreaterThan(3);
    const names = importable.map((b) => b.info);
    expect(names.filter((n, i) => names.indexOf(n) !== i), "two file= blocks with one name").toEqual([]);
  });

  it.each(rulesets.map((b) => [where(b), b] as const))("%s checks with no error or warning", (_, b) => {
    const entry = `/docs/example-${b.line}.carve`;
    const program = loadProgram(entry, hostWith(entry, b.body));
    expect(program.diagnostics.filter((d) => d.severity !== "info").map(describeDiagnostic)).toEqual([]);
    expect(program.record).toBeDefined();
    expect(program.territories).toBeDefined();
  });

  // The examples' tests say what the runtime does with a record: they must be true. Tests without
  // `as of` get a fixed date, so the documentation does not change meaning with the calendar.
  it.each(rulesets.map((b) => [where(b), b] as const))("%s compiles, and its tests pass", async (_, b) => {
    const { compileProgram, runTests } = await import("@carve/compiler");
    const { loadArtifact } = await import("@carve/runtime");
    const entry = `/docs/example-${b.line}.carve`;
    const program = loadProgram(entry, hostWith(entry, b.body));
    const compiled = compileProgram(program);
    expect(compiled.diagnostics.filter((d) => d.severity === "error").map(describeDiagnostic)).toEqual([]);
    expect(compiled.artifact).toBeDefined();
    const report = runTests(program, loadArtifact(compiled.artifact!), { asOf: "2027-03-15" });
    const failures = report.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${JSON.stringify(t.expectations.filter((e) => !e.passed))}`);
    expect(failures).toEqual([]);
    expect(report.tests.length).toBe(program.tests.length);
  });

  it.each(rulesets.map((b) => [where(b), b] as const))("%s is in the canonical layout", (_, b) => {
    const r = formatText(`/docs/example-${b.line}.carve`, b.body);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toBe(b.body);
  });

  // docs/formatting.md shows a messy file and what `carve fmt` makes of it: the pair must agree.
  it("formats every ```carve-fragment fmt-before block into the ```carve block that follows it", () => {
    const befores = blocks.filter((b) => b.info === "carve-fragment fmt-before");
    expect(befores.length).toBeGreaterThan(0);
    for (const b of befores) {
      const after = blocks.find((x) => x.doc === b.doc && x.line > b.line && x.info === "carve");
      expect(after, `${where(b)} has no \`\`\`carve block after it`).toBeDefined();
      const r = formatText(`/docs/before-${b.line}.carve`, b.body);
      expect(r.ok && r.text, `${where(b)} formatted`).toBe(after!.body);
    }
  });

  it("has every file= block imported by a checked ruleset, and in the canonical layout", () => {
    const loaded = new Set<string>();
    for (const b of rulesets) {
      const entry = `/docs/example-${b.line}.carve`;
      for (const f of loadProgram(entry, hostWith(entry, b.body)).files) loaded.add(f.uri);
    }
    for (const b of importable) {
      const path = `/docs/${b.info.slice("carve file=".length)}`;
      expect(loaded.has(path), `${where(b)} is imported by no ruleset block`).toBe(true);
      const r = formatText(path, b.body);
      expect(r.ok && r.text).toBe(b.body);
    }
  });
});

// ---------------------------------------------------------------- docs/language.md word lists

function wordList(text: string, marker: string): string[] {
  const m = new RegExp(`<!-- words:${marker} -->([\\s\\S]*?)<!-- /words:${marker} -->`).exec(text);
  if (!m) throw new Error(`docs/language.md has no <!-- words:${marker} --> list`);
  return [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
}

describe("docs/language.md word lists", () => {
  const text = read("language.md");
  it("lists exactly the parser's reserved words", () => {
    expect([...wordList(text, "reserved")].sort()).toEqual([...KEYWORDS].sort());
  });
  it("lists exactly the parser's contextual keywords", () => {
    expect([...wordList(text, "contextual")].sort()).toEqual([...CONTEXTUAL_KEYWORDS].sort());
  });
});
