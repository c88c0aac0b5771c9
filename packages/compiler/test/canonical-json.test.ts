// The compiler writes and hashes artifacts with JSON.stringify over objects in canonical key order
// (src/canonical-json.ts): the text must be exactly the runtime's canonicalJson, or the hash in
// the artifact would not be the one loadArtifact checks.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadProgram, MemoryHost } from "@carve/language";
import { canonicalJson, loadArtifact, sealArtifact } from "@carve/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { artifactJson, compileProgram, lowerPlan } from "@carve/compiler";
import { canonicalText, inCanonicalOrder, prettyCanonicalText } from "../src/canonical-json.js";
import { sourceHash } from "../src/source-hash.js";

// Keys that sort differently as strings and as integers, a prototype-looking one, and plain ones.
const key = fc.constantFrom("a", "b", "B", "id", "kind", "when", "0", "1", "2", "10", "9", "__proto__", "é", "");
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 1e21, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 5 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
})).v;

function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).constructor.name}`;
  }
}

describe("canonical JSON at JSON.stringify speed", () => {
  it("canonicalText and prettyCanonicalText say what canonicalJson says", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(() => canonicalText(v))).toBe(outcome(() => canonicalJson(v)));
        expect(outcome(() => prettyCanonicalText(v))).toBe(outcome(() => JSON.stringify(JSON.parse(canonicalJson(v)), null, 2)));
      }),
      { numRuns: 2000 },
    );
  });

  it("inCanonicalOrder keeps the canonical text, and when exact JSON.stringify writes it", () => {
    fc.assert(
      fc.property(value, (v) => {
        const { value: ordered, exact } = inCanonicalOrder(v);
        expect(outcome(() => canonicalJson(ordered))).toBe(outcome(() => canonicalJson(v)));
        if (exact) expect(JSON.stringify(ordered)).toBe(canonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it("shares what is already in order and reports cycles through canonicalJson", () => {
    const tree = { a: [1, { b: 2, c: [3] }], d: "x" };
    expect(inCanonicalOrder(tree)).toEqual({ value: tree, exact: true });
    expect(inCanonicalOrder(tree).value).toBe(tree);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(inCanonicalOrder(cyclic).exact).toBe(false);
    expect(() => canonicalText(cyclic)).toThrow(/cyclic/);
  });
});

const root = join(import.meta.dirname, "..", "..", "..", "examples");

describe("compiled artifacts", () => {
  for (const [name, entry] of [["acme", "acme.carve"], ["saas", "plan.carve"]]) {
    it(`${name}: lowered in canonical order, sealed with the runtime's hash, written as before`, () => {
      const dir = join(root, name);
      const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".carve")).map((f) => [`/r/${f}`, readFileSync(join(dir, f), "utf8")]));
      const program = loadProgram(`/r/${entry}`, new MemoryHost(files));
      const { artifact, diagnostics } = compileProgram(program);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const { body } = lowerPlan(program, sourceHash(program));
      const { hash, ...rest } = artifact!;
      expect(hash).toBe(sealArtifact(body).hash);
      expect(hash).toBe(sealArtifact(rest).hash);
      // Lowering builds its objects in canonical order, so the artifact is written natively.
      expect(JSON.stringify(artifact)).toBe(canonicalJson(artifact));
      expect(artifactJson(artifact!)).toBe(`${JSON.stringify(JSON.parse(canonicalJson(artifact)), null, 2)}\n`);
      expect(loadArtifact(artifactJson(artifact!)).artifact.hash).toBe(hash);
    });
  }
});
