// loadArtifact refuses what it cannot trust, with the reason and the place.
import { describe, expect, test } from "vitest";
import { ArtifactError, artifactHash, loadArtifact, sealArtifact, type Artifact } from "@carve/runtime";
import { acme } from "./acme.js";

/** A copy of the acme artifact changed by `edit`, then sealed again (a well-formed but wrong compile). */
function resealed(edit: (a: Record<string, any>) => void): Artifact {
  const a = JSON.parse(JSON.stringify(acme()));
  delete a.hash;
  edit(a);
  return sealArtifact(a);
}

function refusal(input: unknown): ArtifactError {
  try {
    loadArtifact(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ArtifactError);
    return e as ArtifactError;
  }
  throw new Error("the artifact was accepted");
}

describe("loadArtifact", () => {
  test("accepts the JSON text, a parsed object, and text with a byte-order mark", () => {
    const json = JSON.stringify(acme(), null, 2);
    for (const input of [json, JSON.parse(json), `\uFEFF${json}`]) {
      expect(loadArtifact(input).artifact.ruleset.name).toBe("acme");
    }
  });

  test("the hash does not depend on key order or white space", () => {
    const a = acme();
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    expect(artifactHash(reordered)).toBe(a.hash);
    expect(() => loadArtifact(JSON.stringify(reordered, null, 4))).not.toThrow();
  });

  test("refuses another format version, saying what to do", () => {
    const a = { ...acme(), format: "carve/2" };
    const e = refusal(JSON.stringify(a));
    expect(e.code).toBe("format");
    expect(e.message).toBe("this artifact is format carve/2 but this runtime reads carve/1; upgrade @carve/runtime or recompile");
  });

  test("refuses JSON that is not an artifact", () => {
    expect(refusal('{"hello": 1}').message).toMatch(/not a Carve artifact: `format` is missing/);
    expect(refusal("[1, 2]").code).toBe("format");
    expect(refusal(null).code).toBe("format");
  });

  test("refuses a modified artifact", () => {
    const a = acme();
    a.roster.reps[0].email = "mallory@evil.example";
    const e = refusal(JSON.stringify(a));
    expect(e.code).toBe("hash");
    expect(e.message).toBe("artifact hash mismatch: the file was modified after compilation or is truncated; recompile it");
  });

  test("refuses truncated and malformed JSON", () => {
    const json = JSON.stringify(acme());
    const truncated = refusal(json.slice(0, json.length / 2));
    expect(truncated.code).toBe("json");
    expect(truncated.message).toMatch(/^the artifact is truncated/);
    expect(refusal("").code).toBe("json");
    const malformed = refusal("{format: carve}");
    expect(malformed.code).toBe("json");
    expect(malformed.message).toMatch(/not valid JSON/);
  });

  test("refuses a schema violation, naming the member", () => {
    const e = refusal(resealed((a) => (a.territories[2].when[0].atoms[0].atom.op = "like")));
    expect(e.code).toBe("schema");
    expect(e.path).toBe("territories[2].when[0].atoms[0].atom.op");
    expect(e.message).toMatch(/^invalid artifact at territories\[2\]\.when\[0\]\.atoms\[0\]\.atom\.op: /);
  });

  test("refuses unknown members (strict objects)", () => {
    const e = refusal(resealed((a) => (a.roster.reps[1].nickname = "Bobby")));
    expect(e.path).toBe("roster.reps[1]");
    expect(e.message).toMatch(/unknown member `nickname`/);
  });

  test("refuses references to things that do not exist", () => {
    const cases: [(a: Record<string, any>) => void, string, RegExp][] = [
      [(a) => (a.territories[0].assign = { kind: "rep", id: "zed" }), "territories[0].assign.id", /no rep `zed`/],
      [(a) => (a.territories[0].when[0].atoms[0].atom.field = "colour"), "territories[0].when[0].atoms[0].atom.field", /`colour` is not declared/],
      [(a) => (a.territories[0].when[0].atoms[0].condition = 999), "territories[0].when[0].atoms[0].condition", /condition 999/],
      [(a) => (a.roster.teams[0].members[1].seeds = [1]), "roster.teams[0].members[1].seeds", /weight 2 but 1 seeds/],
      [(a) => (a.territories[1].children = 0), "groups[0]", /tree/],
      [(a) => (a.overrides[0].target = { kind: "field", field: "country" }), "overrides[0].target.field", /not a rep field/],
      [(a) => (a.territories[0].when[0].atoms[0].atom = { field: "employees", op: "in", values: ["many"] }), "territories[0].when[0].atoms[0].atom.values[0]", /not a int value/],
      [(a) => (a.territories[0].window = { from: "2027-13-01" }), "territories[0].window.from", /not a date/],
    ];
    for (const [edit, path, message] of cases) {
      const e = refusal(resealed(edit));
      expect(e.code, path).toBe("reference");
      expect(e.path).toBe(path);
      expect(e.message).toMatch(message);
    }
  });
});
