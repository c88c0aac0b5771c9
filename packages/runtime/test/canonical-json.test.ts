// canonicalJson writes with JSON.stringify when the keys already enumerate in canonical order
// (src/canonical-json.ts): the text must be exactly the general writer's, or the hash sealed into
// an artifact would not be the one loadArtifact checks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { artifactHash, canonicalJson, prettyCanonicalJson, sealArtifact } from "@carve/runtime";
import { generalCanonicalJson, inCanonicalOrder } from "../src/canonical-json.js";
import { acme } from "./acme.js";

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
  it("canonicalJson and prettyCanonicalJson say what the general writer says", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(() => canonicalJson(v))).toBe(outcome(() => generalCanonicalJson(v)));
        expect(outcome(() => prettyCanonicalJson(v))).toBe(outcome(() => JSON.stringify(JSON.parse(generalCanonicalJson(v)), null, 2)));
      }),
      { numRuns: 2000 },
    );
  });

  it("inCanonicalOrder keeps the canonical text, and when exact JSON.stringify writes it", () => {
    fc.assert(
      fc.property(value, (v) => {
        const { value: ordered, exact } = inCanonicalOrder(v);
        expect(outcome(() => generalCanonicalJson(ordered))).toBe(outcome(() => generalCanonicalJson(v)));
        if (exact) expect(JSON.stringify(ordered)).toBe(generalCanonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it("shares what is already in order and reports cycles", () => {
    const tree = { a: [1, { b: 2, c: [3] }], d: "x" };
    expect(inCanonicalOrder(tree)).toEqual({ value: tree, exact: true });
    expect(inCanonicalOrder(tree).value).toBe(tree);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(inCanonicalOrder(cyclic).exact).toBe(false);
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });
});

describe("sealed artifacts", () => {
  it("are in canonical order with the hash among the keys, so both writers agree on them", () => {
    const { hash, ...body } = acme();
    // Reverse every object's keys: sealing must not depend on the order the body was built in.
    const reversed = JSON.parse(JSON.stringify(body), (_k, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as typeof body;
    for (const b of [body, reversed]) {
      const sealed = sealArtifact(b);
      expect(sealed.hash).toBe(hash);
      expect(inCanonicalOrder(sealed)).toEqual({ value: sealed, exact: true });
      expect(JSON.stringify(sealed)).toBe(generalCanonicalJson(sealed));
      expect(artifactHash(JSON.parse(prettyCanonicalJson(sealed)) as Record<string, unknown>)).toBe(hash);
    }
    expect(Object.keys(sealArtifact(reversed))).toEqual(Object.keys(sealArtifact(reversed)).sort());
  });
});
