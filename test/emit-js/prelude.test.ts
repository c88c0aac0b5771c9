// The prelude every emitted module starts with is generated from the runtime's and @carve/values'
// sources (packages/compiler/scripts/gen-js-prelude.mjs): a change to either that is not
// regenerated would make modules decide differently from the runtime, so it fails here.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { OUTPUT, generatePrelude } from "../../packages/compiler/scripts/gen-js-prelude.mjs";
import { PRELUDE } from "../../packages/compiler/src/emit-js/prelude.generated.js";

describe("the generated prelude", () => {
  test("is up to date with the runtime, @carve/values and the generator", async () => {
    // Fails until `node packages/compiler/scripts/gen-js-prelude.mjs` is run after such a change.
    expect(readFileSync(OUTPUT, "utf8")).toBe(await generatePrelude());
  }, 60_000);

  test("needs nothing from its host: no import, require, eval or Function", () => {
    expect(PRELUDE).not.toMatch(/\bimport\s*[("'{*]|\bimport\s+[\w$]+\s+from\b|\brequire\s*\(|\beval\s*\(|\bFunction\s*\(/);
  });

  test("stays small: the ISO reference data and the evaluator in under 200 kB", () => {
    expect(PRELUDE.length).toBeLessThan(200_000);
  });
});
