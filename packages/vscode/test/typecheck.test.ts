// esbuild strips types without checking them, so the extension's sources are checked here: the
// build alone would bundle a type error silently.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("the extension's sources type-check against the VS Code API", async () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const project = join(import.meta.dirname, "..", "tsconfig.json");
  const { stdout } = await promisify(execFile)(process.execPath, [tsc, "-p", project], { timeout: 110_000 }).catch((e) => {
    throw new Error(`tsc -p packages/vscode failed:\n${e.stdout}${e.stderr}`);
  });
  expect(stdout).toBe("");
}, 120_000);
