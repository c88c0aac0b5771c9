// Partial and malformed programs: loading never throws, no pass hits an internal error on a
// recovered AST, and every diagnostic points inside its file.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkProgram, loadProgram, MemoryHost, type Item, type Program, type SourceFile } from "../src/index.js";

const spec = (name: string) => readFileSync(new URL(`./fixtures/semantics/spec/${name}`, import.meta.url), "utf8");
const ACME = spec("acme.carve");
const ROSTER = spec("roster.carve");

function load(acme: string, roster = ROSTER): Program {
  return loadProgram("/p/acme.carve", new MemoryHost({ "/p/acme.carve": acme, "/p/roster.carve": roster }));
}

function assertSound(p: Program): void {
  const texts = new Map(p.files.map((f) => [f.uri, f.text]));
  for (const d of p.diagnostics) {
    expect(d.code, d.message).not.toBe("CARVE039");
    expect(d.message).not.toMatch(/internal error/);
    const text = texts.get(d.file);
    expect(text, `diagnostic in an unknown file ${d.file}`).toBeDefined();
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
    expect(d.range.end).toBeLessThanOrEqual(text!.length);
  }
}

describe("robustness", () => {
  test("every prefix of the SPEC example", () => {
    for (let i = 0; i <= ACME.length; i += 7) assertSound(load(ACME.slice(0, i)));
    for (let i = 0; i <= ROSTER.length; i += 5) assertSound(load(ACME, ROSTER.slice(0, i)));
  });

  test("random deletions and insertions", () => {
    const pieces = ["{", "}", "(", ")", "[", "]", ",", "..", "==", "in", "not", "when", "assign", "territory", "x", '"', "US-", "2027-02-30", "255M", "and", "or", ":"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(ACME.length), fc.nat(12), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 6 }),
        (edits) => {
          let text = ACME;
          for (const [at, del, ins] of edits) {
            const i = Math.min(at, text.length);
            text = text.slice(0, i) + ins + text.slice(i + del);
          }
          assertSound(load(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => assertSound(load(text))), { numRuns: 200 });
  });

  test("hand-made partial nodes: every optional part missing", () => {
    const r = { start: 0, end: 0 };
    const kinds = ["Ruleset", "Import", "Record", "Rep", "Queue", "Team", "Set", "Segment", "Override", "Territories", "Overlays", "Test"];
    const bare = kinds.map((kind) => ({ kind, range: r }) as unknown as Item);
    const nested = [
      { kind: "Record", range: r, name: { kind: "Name", text: "R", range: r }, fields: [{ kind: "Field", range: r }, { kind: "Field", range: r, name: { kind: "DottedName", text: "a", parts: [], range: r }, type: { kind: "Type", name: "enum", range: r } }] },
      { kind: "Territories", range: r, territories: [{ kind: "Territory", range: r, when: { kind: "And", range: r, operands: [{ kind: "Compare", range: r }, { kind: "In", range: r }, { kind: "Not", range: r }] }, children: { kind: "Territories", range: r } }] },
      { kind: "Team", range: r, members: [{ kind: "Member", range: r }], strategy: { kind: "Strategy", name: "hash", range: r } },
      { kind: "Test", range: r, given: [{ kind: "GivenEntry", range: r }], expects: [{ kind: "ExpectTerritory", range: r }, { kind: "ExpectOwner", range: r, inTeam: false }] },
      { kind: "Set", range: r, name: { kind: "Name", text: "s", range: r } },
      { kind: "Rep", range: r, name: { kind: "Name", text: "p", range: r }, attrs: [{ kind: "RepAttr", name: "away", range: r }, { kind: "RepAttr", name: "capacity", range: r }] },
    ] as unknown as Item[];
    const file: SourceFile = { kind: "File", uri: "/x.carve", text: " ".repeat(100), items: [...bare, ...nested], comments: [], range: r };
    const p = checkProgram("/x.carve", { files: [file], diagnostics: [], overrides: [], entryReadable: true });
    assertSound(p);
  });
});
