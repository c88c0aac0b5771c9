// The compiler seals with the runtime's sealArtifact and writes with its canonical JSON: the
// examples' artifacts are in canonical order (so written natively), carry the hash loadArtifact
// checks, and the file is the indented canonical text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadProgram, MemoryHost } from "@carve/language";
import { artifactHash, canonicalJson, loadArtifact } from "@carve/runtime";
import { describe, expect, it } from "vitest";
import { artifactJson, compileProgram } from "@carve/compiler";

/** The same value with every object's keys in reverse order: canonicalJson must take its general writer. */
const reversed = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (_k, x: unknown) => (x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x));

const root = join(import.meta.dirname, "..", "..", "..", "examples");

describe("compiled artifacts", () => {
  for (const [name, entry] of [["acme", "acme.carve"], ["saas", "plan.carve"]]) {
    it(`${name}: sealed in canonical order with the hash loadArtifact checks`, () => {
      const dir = join(root, name);
      const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".carve")).map((f) => [`/r/${f}`, readFileSync(join(dir, f), "utf8")]));
      const { artifact, diagnostics } = compileProgram(loadProgram(`/r/${entry}`, new MemoryHost(files)));
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(artifactHash(artifact!)).toBe(artifact!.hash);
      const canonical = canonicalJson(reversed(artifact));
      expect(JSON.stringify(artifact)).toBe(canonical);
      expect(artifactJson(artifact!)).toBe(`${JSON.stringify(JSON.parse(canonical), null, 2)}\n`);
      expect(loadArtifact(artifactJson(artifact!)).artifact.hash).toBe(artifact!.hash);
    });
  }
});
