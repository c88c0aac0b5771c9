// Incremental re-parsing (syntax/reparse.ts) gives exactly what parse() gives for the new text,
// after any edit or sequence of edits, and leaves the previous parse as it was; ParseCache reuses
// unchanged files and re-parses from the last parse without syntax errors.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseCache, parse, reparse, type ParseResult } from "../src/syntax/index.js";
import { loadProgram, MemoryHost, type Range, type TerritoriesBlock, type TerritoryDecl } from "../src/index.js";

const URI = "plan.carve";

function carveFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? carveFiles(p) : name.endsWith(".carve") ? [p] : [];
  });
}
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const corpus = [...carveFiles(here("./fixtures")), ...carveFiles(here("../../../examples"))].map((p) => readFileSync(p, "utf8"));

/** A plan with nested groups, several territories per level, comments and a test. */
function nestedPlan(regions = 4, perRegion = 3): string {
  const out = ['ruleset nested "Nested"', 'import "roster.carve"', "", "record Lead {", "  id: string key", "  country: country", "  region: region?", "  employees: int", "}", "",
    "segment enterprise = employees >= 1000", "", "territories first {"];
  for (let r = 0; r < regions; r++) {
    out.push(`  territory r${r} "Region ${r}" {`, `    when country == US and region in [US-CA, US-OR]`, `    assign q${r}`, "    territories first {");
    for (let t = 0; t < perRegion; t++) {
      out.push(`      # territory ${t} of region ${r}`, `      territory r${r}_t${t} "Region ${r}, ${t}" {`, `        when enterprise and employees >= ${t * 100}`, `        assign rep${t}`, "      }");
    }
    out.push("    }", "  }");
  }
  out.push("  otherwise fallback", "}", "", 'test "enterprise goes to r0" {', "  given { id: \"L1\", country: US, region: US-CA, employees: 5000 }", "  expect territory r0.r0_t0", "}", "");
  return out.join("\n");
}

const edit = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);
const offsetOf = (text: string, needle: string, delta = 0) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in the text: ${needle}`);
  return i + delta;
};

/** reparse(previous, text) must equal parse(text), and must not have touched `previous`. */
function reparsed(previous: ParseResult, text: string): ParseResult {
  const before = JSON.stringify(previous);
  const result = reparse(previous, text);
  expect(result).toEqual(parse(previous.file.uri, text));
  expect(JSON.stringify(previous)).toBe(before);
  return result;
}

const syntaxError = (r: ParseResult) => r.diagnostics.some((d) => d.code === "CARVE004");

/** True when `result` shares the first item with `previous`: it was not parsed from scratch. */
const incremental = (previous: ParseResult, result: ParseResult) => result.file.items[0] === previous.file.items[0];

describe("reparse", () => {
  it("re-parses only the territory around an edit, and moves what follows", () => {
    const text = nestedPlan();
    const prev = parse(URI, text);
    const next = reparsed(prev, edit(text, offsetOf(text, '"Region 1, 1', 1), 0, "typed "));
    expect(incremental(prev, next)).toBe(true);
    const block = next.file.items.find((i) => i.kind === "Territories") as TerritoriesBlock;
    const oldBlock = prev.file.items.find((i) => i.kind === "Territories") as TerritoriesBlock;
    // Territories before the edit are shared, those after it are copies at new offsets.
    expect(block.territories[0]).toBe(oldBlock.territories[0]);
    expect(block.territories[2]).not.toBe(oldBlock.territories[2]);
    expect(block.territories[2].range.start).toBe(oldBlock.territories[2].range.start + "typed ".length);
  });

  it("reports what an edit breaks and clears it when the edit is undone", () => {
    const text = nestedPlan();
    let prev = parse(URI, text);
    // A malformed number and an unknown character inside one territory: lexical errors only.
    const at = offsetOf(text, "employees >= 200", "employees >= ".length);
    const broken = reparsed(prev, edit(text, at, 3, "2x0 @"));
    expect(incremental(prev, broken)).toBe(true);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["CARVE006", "CARVE001"]);
    prev = reparsed(broken, text);
    expect(prev.diagnostics).toEqual([]);
  });

  it("parses from scratch when an edit moves a declaration's boundaries", () => {
    const text = nestedPlan();
    const prev = parse(URI, text);
    // Deleting a closing brace: the territory now swallows the next one (a syntax error at the end).
    const close = offsetOf(text, '        assign rep0\n      }', "        assign rep0\n      ".length);
    const merged = reparsed(prev, edit(text, close, 1, ""));
    expect(merged.diagnostics.some((d) => d.code === "CARVE004")).toBe(true);
    // Two territories written on one line, then a new sibling between two others.
    reparsed(prev, edit(text, close + 1, 1, ' territory extra "E" { assign rep9 }\n'));
    const newSibling = offsetOf(text, "      # territory 1 of region 0");
    const added = reparsed(prev, edit(text, newSibling, 0, '      territory added "A" {\n        assign rep9\n      }\n'));
    expect(incremental(prev, added)).toBe(true);
    // Joining a territory's last line with the next one.
    reparsed(prev, edit(text, close + 1, 1, ""));
    // Joining two declarations' lines makes one word of their last and first: `queue aqueue b`.
    const queues = "queue a\nqueue b\nqueue c\n";
    expect(reparsed(parse(URI, queues), edit(queues, "queue a".length, 1, "")).diagnostics).not.toEqual([]);
  });

  it("keeps the diagnostics of other declarations, moved, including related locations across the edit", () => {
    // A territory with two `territories` blocks (CARVE052, related: the first block, which holds
    // the edited territory) and a keyword used as a name (CARVE005) after the edit.
    const text = [
      "territories first {",
      '  territory a "A" {',
      "    territories first {",
      '      territory a1 "A1" {',
      "        assign x",
      "      }",
      "    }",
      "    territories first {",
      '      territory a2 "A2" { assign y }',
      "    }",
      "  }",
      '  territory b "B" { assign z }',
      "}",
      'queue set "S"',
      "",
    ].join("\n");
    const prev = parse(URI, text);
    expect(prev.diagnostics.map((d) => d.code).sort()).toEqual(["CARVE005", "CARVE052"]);
    const next = reparsed(prev, edit(text, offsetOf(text, "assign x", "assign x".length), 0, "yz"));
    expect(next.diagnostics.find((d) => d.code === "CARVE052")?.related?.[0].range.end).toBe(
      (prev.diagnostics.find((d) => d.code === "CARVE052")?.related?.[0].range.end ?? 0) + 2,
    );
  });

  it("re-parses a top-level declaration, and the end of the file", () => {
    const text = nestedPlan();
    const prev = parse(URI, text);
    reparsed(prev, edit(text, offsetOf(text, "employees >= 1000", "employees >= ".length), 4, "250"));
    reparsed(prev, edit(text, offsetOf(text, "  id: string key"), 0, "  name: string\n"));
    const last = reparsed(prev, edit(text, offsetOf(text, "expect territory r0.r0_t0", "expect territory r0.r0_t".length), 1, "1"));
    expect(incremental(prev, last)).toBe(true);
    reparsed(prev, text.slice(0, -1)); // the final line break
    reparsed(prev, `${text}test "more" {\n  expect unassigned\n}\n`);
  });

  it("names the token after the re-parsed declaration in a message, as parse() does", () => {
    // The field without a test is the declaration's last token: the message names what follows it.
    const text = 'segment a = id == "x" and account.owner\nsegment b = id == "y"\nsegment c = id == "z"\n';
    const prev = parse(URI, text);
    const next = reparsed(prev, edit(text, offsetOf(text, "owner"), 5, "ownee"));
    expect(next.file.items[1]).toBe(prev.file.items[1]); // re-parsed alone (same length: the rest is shared)
    expect(next.diagnostics.map((d) => d.message)).toEqual([
      "expected a test such as `==` or `in` after the field `account.ownee`, found `segment`",
    ]);
  });

  it("respects the nesting limit inside a re-parsed territory", () => {
    // 48 levels of territories (two brackets each) and an edit that adds brackets in the deepest.
    let text = "territories first {\n";
    for (let i = 0; i < 48; i++) text += `${"  ".repeat(i + 1)}territory t${i} "T" {\n${"  ".repeat(i + 2)}territories first {\n`;
    text += `${"  ".repeat(50)}territory leaf "L" { when a == 1 }\n`;
    for (let i = 47; i >= 0; i--) text += `${"  ".repeat(i + 2)}}\n${"  ".repeat(i + 1)}}\n`;
    text += "}\n";
    const prev = parse(URI, text);
    expect(prev.diagnostics).toEqual([]);
    const deeper = reparsed(prev, edit(text, offsetOf(text, "when a == 1"), 0, "when ((((a == 1)))) "));
    expect(deeper.diagnostics.some((d) => d.message.includes("nesting is too deep"))).toBe(true);
  });

  it("gives parse()'s result after typing-like edits of real files", () => {
    // Letters, digits and spaces typed or deleted, lines duplicated, deleted or commented: edits
    // that mostly keep the syntax, so most take the incremental path.
    const anEdit = fc.oneof(
      fc.record({ op: fc.constant("type" as const), at: fc.nat(), remove: fc.nat({ max: 2 }), insert: fc.stringMatching(/^[a-z0-9 _]{0,3}$/) }),
      fc.record({ op: fc.constantFrom("dup" as const, "drop" as const, "comment" as const), at: fc.nat() }),
    );
    let candidates = 0;
    let fast = 0;
    fc.assert(
      fc.property(fc.constantFrom(...corpus, nestedPlan()), fc.array(anEdit, { minLength: 1, maxLength: 8 }), (start, script) => {
        let prev = parse(URI, start);
        let text = start;
        for (const e of script) {
          const at = e.at % (text.length + 1);
          const lineStart = text.lastIndexOf("\n", at - 1) + 1;
          const lineEnd = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at) + 1;
          if (e.op === "type") text = edit(text, at, e.remove, e.insert);
          else if (e.op === "dup") text = edit(text, lineStart, 0, text.slice(lineStart, lineEnd));
          else if (e.op === "drop") text = edit(text, lineStart, lineEnd - lineStart, "");
          else text = edit(text, lineStart, 0, "# a comment\n");
          const next = reparsed(prev, text);
          if (!syntaxError(prev) && !syntaxError(next) && at > (prev.file.items[0]?.range.end ?? Infinity) + 1) {
            candidates++;
            if (incremental(prev, next)) fast++;
          }
          prev = next;
        }
      }),
      { numRuns: 200 },
    );
    expect(candidates).toBeGreaterThan(100);
    expect(fast / candidates).toBeGreaterThan(0.4);
  });

  it("gives parse()'s result after random edits of real files", () => {
    const snippet = fc.constantFrom(
      "x", " ", "\n", "{", "}", "(", ")", "[", "]", '"', "#", ",", ".", "==", "..", "@", "\\", "1", "US-CA", "2027-01-01",
      "territory ", "territories first {", "when ", "assign ", "and ", "or ", "not ", "in ", "set ", "rep ", "queue q\n",
      '  territory t "T" {\n    when country == US\n    assign alice\n  }\n', "otherwise x\n", "}\n", "# note\n",
    );
    const anEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(snippet, { maxLength: 3 }).map((a) => a.join("")) });
    const texts = [...corpus, nestedPlan(), nestedPlan(2, 5)];
    // Edits that could be incremental (the text parses without syntax errors before and after,
    // and the edit is past the first declaration), and those that were.
    let candidates = 0;
    let fast = 0;
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(anEdit, { minLength: 1, maxLength: 5 }), (start, script) => {
        let prev = parse(URI, start);
        let text = start;
        for (const e of script) {
          const at = e.at % (text.length + 1);
          text = edit(text, at, e.remove, e.insert);
          const next = reparsed(prev, text);
          if (!syntaxError(prev) && !syntaxError(next) && at > (prev.file.items[0]?.range.end ?? Infinity) + 1) {
            candidates++;
            if (incremental(prev, next)) fast++;
          }
          prev = next;
        }
      }),
      { numRuns: 300 },
    );
    // The property holds trivially if everything is parsed from scratch: make sure it is not.
    expect(candidates).toBeGreaterThan(20);
    expect(fast / candidates).toBeGreaterThan(0.4);
  });
});

describe("ParseCache", () => {
  it("returns the same parse for the same text and re-parses changed text", () => {
    const cache = new ParseCache();
    const text = nestedPlan();
    const first = cache.parse(URI, text);
    expect(cache.parse(URI, text)).toBe(first);
    expect(cache.parse(URI, `${text}`)).toBe(first); // equal text, another string
    const changed = edit(text, offsetOf(text, "assign rep1"), 0, "  ");
    expect(cache.parse(URI, changed)).toEqual(parse(URI, changed));
    expect(cache.parse("other.carve", text)).not.toBe(first);
  });

  it("re-parses from the last parse without syntax errors, so fixing an error is incremental again", () => {
    const cache = new ParseCache();
    const text = nestedPlan();
    const clean = cache.parse(URI, text);
    const at = offsetOf(text, "assign rep1", "assign rep1".length);
    const broken = edit(text, at, 0, " {");
    expect(cache.parse(URI, broken)).toEqual(parse(URI, broken));
    expect(cache.parse(URI, broken).diagnostics.some((d) => d.code === "CARVE004")).toBe(true);
    const fixed = edit(text, at, 0, "x");
    const result = cache.parse(URI, fixed);
    expect(result).toEqual(parse(URI, fixed));
    expect(result.diagnostics).toEqual([]);
    expect(result.file.items[0]).toBe(clean.file.items[0]);
    cache.forget(URI);
    expect(cache.parse(URI, fixed).file.items[0]).not.toBe(clean.file.items[0]);
  });

  it("gives loadProgram the same program as parsing every file, after edits of either file", () => {
    const roster = "rep rep0\nrep rep1\nrep rep2\nqueue q0\nqueue q1\nqueue q2\nqueue q3\nqueue fallback\n";
    const files = { [URI]: nestedPlan(), "roster.carve": roster };
    const cache = new ParseCache();
    const check = () => {
      const host = new MemoryHost(files);
      const cached = loadProgram(URI, host, { parse: cache.parse });
      const fresh = loadProgram(URI, host);
      expect(cached.diagnostics).toEqual(fresh.diagnostics);
      expect(cached.files).toEqual(fresh.files);
      return cached.diagnostics.map((d) => d.code);
    };
    expect(check()).toEqual([]);
    // The imported file changes: the assignment to rep2 is now to an unknown name.
    files["roster.carve"] = roster.replace("rep rep2", "rep rep2b");
    expect(check()).toEqual(["CARVE025", "CARVE025", "CARVE025", "CARVE025"]);
    files["roster.carve"] = roster;
    expect(check()).toEqual([]);
    // The entry changes within a territory, then across territories.
    files[URI] = files[URI].replace("assign rep1", "assign rep7");
    expect(check()).toEqual(["CARVE025"]);
    files[URI] = files[URI].replace('territory r1_t1 "Region 1, 1"', 'territory r1_t0 "Region 1, 1"');
    expect(check()).toContain("CARVE024"); // a duplicate name
  });
});

/** Every node's ranges, in order, by walking the tree generically (the reference for moved copies). */
function ranges(node: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(node)) for (const x of node) ranges(x, out);
  else if (node !== null && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.start === "number" && o.kind === undefined) out.push(o as unknown as Range);
    else for (const k of Object.keys(o).sort()) ranges(o[k], out);
  }
  return out;
}

describe("moving a syntax tree", () => {
  it("copies every field of every node of the corpus and moves every range", async () => {
    const { moveNode } = await import("../src/ast/move.js");
    for (const text of [...corpus, nestedPlan()]) {
      for (const item of parse(URI, text).file.items) {
        expect(moveNode(item, 0)).toStrictEqual(item);
        const moved = moveNode(item, 7)!;
        const want = ranges(item).map((r) => ({ start: r.start + 7, end: r.end + 7 }));
        expect(ranges(moved)).toEqual(want);
        // Nothing is shared with the original (ranges included).
        const originals = new Set(ranges(item));
        expect(ranges(moved).some((r) => originals.has(r))).toBe(false);
      }
    }
  });

  it("knows every territory field the corpus uses", () => {
    const fields = new Set<string>();
    const walk = (t: TerritoryDecl) => {
      for (const k of Object.keys(t)) fields.add(k);
      for (const c of t.children?.territories ?? []) walk(c);
    };
    for (const text of corpus) {
      for (const item of parse(URI, text).file.items) if (item.kind === "Territories" || item.kind === "Overlays") item.territories.forEach(walk);
    }
    expect([...fields].sort()).toEqual(["assign", "children", "from", "kind", "label", "name", "range", "until", "when"]);
  });
});
