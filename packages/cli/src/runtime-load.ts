// The ruleset a running command works on: compiled from source (errors printed by compilePath)
// and loaded into a Runtime, exactly as a service would load the artifact.
import { loadArtifact, type Runtime } from "@carve/runtime";
import { type Compiled, compilePath } from "./load.js";

export interface Loaded {
  compiled: Compiled;
  runtime: Runtime;
}

export function loadRuntime(path: string, color?: boolean): Loaded | undefined {
  const compiled = compilePath(path, color);
  if (!compiled) return undefined;
  return { compiled, runtime: loadArtifact(compiled.artifact) };
}
