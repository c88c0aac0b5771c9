// Canonical JSON, artifact sealing, and the MD5 / fmix32 pieces of the team-hashing contract.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJson, fmix32, md5First32, md5Hex, memberSeeds, sealArtifact } from "@carve/runtime";
import { md5Word } from "../src/md5-word.js";
import { acme } from "./acme.js";

describe("canonicalJson", () => {
  test("sorts keys, drops white space and undefined members, writes -0 as 0", () => {
    expect(canonicalJson({ b: [1, { d: undefined, c: "x" }], a: -0, e: null })).toBe('{"a":0,"b":[1,{"c":"x"}],"e":null}');
    expect(canonicalJson([undefined, 1.5e-7, 1e21])).toBe("[null,1.5e-7,1e+21]");
  });

  test("equals the canonical form of its own parse (the runtime hashes parsed JSON)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  test("refuses what JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });
});

describe("sealArtifact", () => {
  test("is deterministic and covers every member but the hash", () => {
    const { hash, ...body } = acme();
    expect(sealArtifact(body).hash).toBe(hash);
    expect(sealArtifact({ ...body, ruleset: { ...body.ruleset, name: "other" } }).hash).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("md5 helpers", () => {
  test("match the RFC 1321 test vectors", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex("message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
    expect(md5First32("abc")).toBe(0x90015098);
  });

  test("the allocation-free md5Word equals md5First32 on any text, long and non-ASCII included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => md5Word(s) === md5First32(s)), { numRuns: 2000 });
    for (const s of ["x".repeat(55), "x".repeat(56), "x".repeat(64), "é".repeat(40), "😀", "\uD800"]) expect(md5Word(s)).toBe(md5First32(s));
  });

  test("member seeds are md5First32 of `rep#i` for i = 1..weight", () => {
    expect(memberSeeds("bob", 2)).toEqual([md5First32("bob#1"), md5First32("bob#2")]);
  });
});

describe("fmix32", () => {
  test("is the documented finaliser, computed exactly mod 2^32", () => {
    // Reference with BigInt arithmetic: what a SQL backend computes with 64-bit integers.
    const ref = (x: bigint) => {
      const m = 0x45d9f3bn;
      const mask = 0xffffffffn;
      x ^= x >> 16n;
      x = (x * m) & mask;
      x ^= x >> 16n;
      x = (x * m) & mask;
      return Number(x ^ (x >> 16n));
    };
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), (x) => fmix32(x) === ref(BigInt(x))));
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(ref(1n));
  });
});
