// The file system behind the language's FileHost interface.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { FileHost } from "@carve/language";

export class NodeFileHost implements FileHost {
  readFile(path: string): string | undefined {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  }
  resolve(fromFile: string, relative: string): string {
    return resolve(dirname(fromFile), relative);
  }
}
