// `carve compile PATH --target json -o FILE`: the artifact a service loads with @carve/runtime.
import { writeFileSync } from "node:fs";
import { artifactJson } from "@carve/compiler";
import { compilePath } from "../load.js";
import { displayPath, ExitCode, IoError } from "../output.js";

export interface CompileOptions {
  target: "json";
  output?: string;
  color?: boolean;
}

export function runCompile(path: string, opts: CompileOptions): number {
  const compiled = compilePath(path, opts.color);
  if (!compiled) return ExitCode.Findings;
  const text = artifactJson(compiled.artifact);
  if (!opts.output || opts.output === "-") {
    process.stdout.write(text);
    return ExitCode.Ok;
  }
  try {
    writeFileSync(opts.output, text);
  } catch (e) {
    throw new IoError(`cannot write ${opts.output}: ${(e as Error).message}`);
  }
  process.stderr.write(`wrote ${displayPath(opts.output)} (${compiled.artifact.territories.length} territories, hash ${compiled.artifact.hash.slice(0, 12)})\n`);
  return ExitCode.Ok;
}
