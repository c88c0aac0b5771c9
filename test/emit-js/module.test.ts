// What a service relies on when it imports the module `carve compile --target js` writes: no
// imports, `decide(record, { asOf, explain })` as the runtime's evaluate (invalid input included,
// never a throw), state for stateful team strategies per module instance or per createDecider,
// and the same bytes for the same source.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { compileProgram, emitJsModule } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { type Artifact, loadArtifact } from "@carve/runtime";
import { loadModule } from "./load-module.js";

const root = join(import.meta.dirname, "..", "..");
const acmeFiles = {
  "/acme/acme.carve": readFileSync(join(root, "examples", "acme", "acme.carve"), "utf8"),
  "/acme/roster.carve": readFileSync(join(root, "examples", "acme", "roster.carve"), "utf8"),
};
const compile = (files: Record<string, string>, entry: string): Artifact => {
  const result = compileProgram(loadProgram(entry, new MemoryHost(files)));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.artifact!;
};

const TEAMS = `ruleset teams
record Lead { id: string key  kind: enum(rr, ll) }
rep ann { capacity 2 }
rep ben
rep cat
team rr { members ann, ben weight 2, cat  strategy round_robin }
team ll { members ann, ben  strategy least_loaded }
territories first {
  territory by_turn { when kind == rr  assign rr }
  territory by_load { when kind == ll  assign ll }
}
`;
const teams = () => compile({ "/t/main.carve": TEAMS }, "/t/main.carve");
const AS_OF = { asOf: "2027-03-01" };
const owners = (decide: (r: unknown) => { owner?: { id: string } }, kind: string, n: number) =>
  Array.from({ length: n }, (_, i) => decide({ id: `L${i}`, kind }).owner?.id ?? null);

/** The cells of one CSV line (quoted cells may hold commas and quotes; the example has no line breaks in cells). */
function cells(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; ; i++) {
    let cell = "";
    if (line[i] === '"') {
      for (let j = i + 1; ; ) {
        const q = line.indexOf('"', j);
        cell += line.slice(j, q);
        if (line[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        cell += '"';
        j = q + 2;
      }
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      cell = line.slice(i, end);
      i = end;
    }
    out.push(cell);
    if (i >= line.length) return out;
  }
}

describe("the emitted module", async () => {
  const acme = compile(acmeFiles, "/acme/acme.carve");
  const text = emitJsModule(acme);
  const mod = await loadModule(text);
  const runtime = loadArtifact(acme);

  test("imports nothing", () => {
    expect(text).not.toMatch(/^\s*import[\s{*"']|\bimport\s*\(|\brequire\s*\(/m);
  });

  test("decides the example's records, with explanations and why-not, exactly as the runtime", () => {
    const leads = readFileSync(join(root, "examples", "acme", "leads.csv"), "utf8").trim().split("\n");
    const header = leads[0].split(",");
    const records = leads.slice(1, 200).map((line) => Object.fromEntries(cells(line).map((v, i) => [header[i], v === "" ? undefined : v])));
    expect(records.filter((r) => runtime.evaluate(r, { ...AS_OF, sideEffects: false }).status !== "invalid").length).toBeGreaterThan(100);
    for (const options of [{ asOf: "2027-03-01", sideEffects: false }, { asOf: "2026-12-24", explain: true, sideEffects: false }, { asOf: "2027-03-01", whyNot: "na.west.west_ent", sideEffects: false }]) {
      const differ = records.filter((r) => !isDeepStrictEqual(mod.decide(r, options), runtime.evaluate(r, options)));
      expect(differ.slice(0, 2)).toEqual([]);
    }
  });

  test("answers every input with a decision, as the runtime does, and never throws", () => {
    const throwing = Object.defineProperty({ id: "L-1" }, "country", { enumerable: true, get() { throw new Error("boom"); } });
    const inputs: unknown[] = [null, undefined, [], "a lead", 42, {}, { id: "L-1", country: "Atlantis", employees: "many" }, throwing];
    for (const input of inputs) expect(mod.decide(input, AS_OF)).toEqual(runtime.evaluate(input, AS_OF));
    expect(mod.decide({ id: "L-1" }, { asOf: "2027-02-30" })).toEqual(runtime.evaluate({ id: "L-1" }, { asOf: "2027-02-30" }));
    expect(mod.decide({ id: "L-1" }, { asOf: "2027-02-30" }).status).toBe("invalid");
  });

  test("exports the ruleset's name and hash, and decide as its default", () => {
    expect(mod.ruleset).toEqual({ name: "acme", hash: acme.hash });
    expect(mod.default).toBe(mod.decide);
  });

  test("is the same text for the same source, compiled afresh", () => {
    expect(emitJsModule(compile(acmeFiles, "/acme/acme.carve"))).toBe(text);
    const relabelled = { ...acmeFiles, "/acme/acme.carve": acmeFiles["/acme/acme.carve"].replace('"West"', '"West coast"') };
    expect(emitJsModule(compile(relabelled, "/acme/acme.carve"))).not.toBe(text);
  });
});

describe("stateful team strategies", () => {
  test("round_robin rotates per module instance, in the runtime's order; createDecider starts afresh", async () => {
    const artifact = teams();
    const mod = await loadModule(emitJsModule(artifact));
    const runtime = loadArtifact(artifact);
    const expected = owners((r) => runtime.evaluate(r, AS_OF), "rr", 8);
    expect(expected).toEqual(["ben", "ann", "cat", "ben", "ben", "ann", "cat", "ben"]);
    expect(owners((r) => mod.decide(r, AS_OF), "rr", 8)).toEqual(expected);
    const fresh = mod.createDecider();
    expect(owners((r) => fresh.decide(r, AS_OF), "rr", 4)).toEqual(expected.slice(0, 4));
    // The module's own decider went on where it was; a dry run does not advance it.
    expect(mod.decide({ id: "x", kind: "rr" }, { ...AS_OF, sideEffects: false }).owner?.id).toBe(expected[0]);
    expect(mod.decide({ id: "x", kind: "rr" }, AS_OF).owner?.id).toBe(expected[0]);
  });

  test("a service plugs in its own state store and load source", async () => {
    const mod = await loadModule(emitJsModule(teams()));
    const state = new mod.InMemoryStateStore();
    state.set("rr", 2);
    const withState = mod.createDecider({ state });
    expect(withState.decide({ id: "1", kind: "rr" }, AS_OF).owner?.id).toBe("cat");
    expect(state.peek("rr")).toBe(3);
    // least_loaded: ann is at her capacity of 2, so ben; counted assignments move the load.
    const load = new mod.InMemoryLoadSource([["ann", 2], ["ben", 0]]);
    const withLoad = mod.createDecider({ load });
    expect(owners((r) => withLoad.decide(r, AS_OF), "ll", 2)).toEqual(["ben", "ben"]);
    expect(load.load("ben")).toBe(2);
  });
});
