// Terminal output: colours only on a terminal, NO_COLOR honoured, paths shown relative to the cwd.
import { relative, isAbsolute } from "node:path";
import pc from "picocolors";
import { plainStyle, type Style } from "@carve/language";

export function useColor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

export function styleFor(enabled: boolean): Style {
  if (!enabled) return plainStyle;
  const c = pc.createColors(true);
  return {
    error: (s) => c.bold(c.red(s)),
    warning: (s) => c.bold(c.yellow(s)),
    info: (s) => c.bold(c.cyan(s)),
    bold: c.bold,
    dim: c.dim,
    accent: c.blue,
  };
}

export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  // Outside the working directory an absolute path reads better than a climb of `../`.
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

export class UsageError extends Error {}
/** An I/O problem (missing file, unreadable folder): exit code 2. */
export class IoError extends Error {}

export const ExitCode = { Ok: 0, Findings: 1, Usage: 2 } as const;
