// Imports an emitted module as a service would: from a file of its own, by Node (not vitest's
// transform), so every call gives a fresh module instance with fresh state.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Decision, EvaluateOptions, LoadSource, StateStore } from "@carve/runtime";
import { afterAll } from "vitest";

export interface EmittedModule {
  decide(record: unknown, options?: EvaluateOptions): Decision;
  createDecider(options?: { state?: StateStore; load?: LoadSource; countAssignments?: boolean }): { decide(record: unknown, options?: EvaluateOptions): Decision };
  ruleset: { name: string; hash: string };
  default: (record: unknown, options?: EvaluateOptions) => Decision;
  InMemoryStateStore: new () => StateStore & { set(team: string, n: number): void };
  InMemoryLoadSource: new (initial?: Iterable<readonly [string, number]>) => LoadSource;
}

let root: string | undefined;
let dir: string | undefined;
let count = 0;

// Registered by the test file that imports this helper: its modules are removed when it is done.
afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** The folder is called node_modules so that vitest leaves the import to Node instead of transforming 170 kB per module. */
export async function loadModule(text: string): Promise<EmittedModule> {
  if (root === undefined || dir === undefined) {
    root = mkdtempSync(join(tmpdir(), "carve-js-"));
    dir = join(root, "node_modules");
    mkdirSync(dir);
  }
  const file = join(dir, `module-${++count}.mjs`);
  writeFileSync(file, text);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as EmittedModule;
}
