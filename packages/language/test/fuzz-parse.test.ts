// parse() never throws and keeps every range inside the file, whatever the input.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, tokenize } from "../src/syntax/index.js";
import type { Range } from "../src/index.js";

const example = ["acme.carve", "roster.carve"]
  .map((f) => readFileSync(new URL(`./fixtures/syntax/${f}`, import.meta.url), "utf8"))
  .join("\n");
const exampleTokens = tokenize(example).map((t) => t.text);

/** Every `range` in a tree, with the path that leads to it (for failure messages). */
function* ranges(node: unknown, path = "$"): Generator<[string, Range]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* ranges(node[i], `${path}[${i}]`);
  } else if (node !== null && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "text" && path === "$") continue;
      if (v !== null && typeof v === "object" && "start" in v && "end" in v && typeof v.start === "number") {
        yield [`${path}.${k}`, v as Range];
      } else {
        yield* ranges(v, `${path}.${k}`);
      }
    }
  }
}

function check(text: string): void {
  let result: ReturnType<typeof parse> | undefined;
  expect(() => (result = parse("fuzz.carve", text))).not.toThrow();
  const { file, diagnostics } = result!;
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^CARVE\d{3}$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.range.start) && Number.isInteger(d.range.end)).toBe(true);
    expect(0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length).toBe(true);
    for (const r of d.related ?? []) expect(0 <= r.range.start && r.range.end <= text.length).toBe(true);
  }
  for (const [where, r] of ranges(file)) {
    const ok = Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length;
    if (!ok) throw new Error(`bad range at ${where}: ${JSON.stringify(r)}`);
  }
  // no internal error escaped into a diagnostic either
  expect(diagnostics.filter((d) => d.message.startsWith("internal error"))).toEqual([]);
}

/** Edits at the token level: delete, duplicate, swap, insert an example token, truncate. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("dup" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("swap" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), tok: fc.constantFrom(...exampleTokens, "@", '"', "\\", "{", "}", "..", "#") }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(tokens: string[], muts: Mutation[]): string {
  let t = [...tokens];
  for (const m of muts) {
    if (t.length === 0) break;
    const i = m.at % t.length;
    if (m.op === "delete") t.splice(i, 1);
    else if (m.op === "dup") t.splice(i, 0, t[i]);
    else if (m.op === "swap" && i + 1 < t.length) [t[i], t[i + 1]] = [t[i + 1], t[i]];
    else if (m.op === "insert") t.splice(i, 0, m.tok);
    else if (m.op === "truncate") t = t.slice(0, i);
  }
  return t.join(" ");
}

describe("fuzzing parse()", () => {
  it("random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => check(s)), { numRuns: 300 });
  });

  it("random text over Carve's alphabet", () => {
    const alphabet = fc.constantFrom(..."{}()[],:.?=<>!\"\\#@ \n\tabcrtswxyUSCA-0123456789_".split(""));
    const words = fc.constantFrom("territory", "territories", "first", "when", "assign", "and", "or", "not", "in", "is", "set", "rep", "test", "expect", "given", "..", "US-CA", "2027-01-01", "250M");
    const text = fc.array(fc.oneof(alphabet, words), { maxLength: 200 }).map((a) => a.join(""));
    fc.assert(fc.property(text, (s) => check(s)), { numRuns: 300 });
  });

  it("the SPEC example with tokens deleted, duplicated, swapped, inserted or cut off", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => check(mutate(exampleTokens, muts))),
      { numRuns: 300 },
    );
  });

  it("every prefix of the example", () => {
    for (let i = 0; i <= example.length; i += 11) check(example.slice(0, i));
  });

  it("hostile nesting is reported, not a stack overflow", () => {
    const deep = [
      `segment s = ${"(".repeat(5000)}a${")".repeat(5000)}`,
      `segment s = ${"not ".repeat(5000)}a`,
      `territories first {${"territory a { territories first {".repeat(3000)}${"} }".repeat(3000)} }\nrep after`,
      `set s = ${"[".repeat(5000)}`,
    ];
    for (const text of deep) {
      check(text);
      const { diagnostics } = parse("deep.carve", text);
      expect(diagnostics.map((d) => d.message)).toContain("nesting is too deep here (more than 100 levels); the inner part is not parsed");
    }
    // what lies after the deep part is still parsed
    const { file } = parse("deep.carve", deep[2]);
    expect(file.items.map((i) => i.kind)).toEqual(["Territories", "Rep"]);
    // and realistic depth is untouched
    const ok = `territories first {${"territory a { territories first {".repeat(40)}${"} }".repeat(40)} }`;
    expect(parse("ok.carve", ok).diagnostics).toEqual([]);
  });
});
