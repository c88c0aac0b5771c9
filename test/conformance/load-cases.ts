// Reads every case file under cases/ and validates it against the schema. A file that does not
// parse or validate is returned with its problem (the runner turns it into a failing test) rather
// than thrown, so one bad file never hides the others.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { caseSchema, type ConformanceCase } from "./schema.js";

export const casesDir = join(import.meta.dirname, "cases");

export interface LoadedCase {
  /** the path under cases/ without `.yaml`, e.g. "descent/first-group-takes-first-match" */
  id: string;
  file: string;
  case?: ConformanceCase;
  problem?: string;
}

export function loadCases(dir = casesDir): LoadedCase[] {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f))
    .sort();
  return files.map((file) => {
    const id = relative(dir, file).split(sep).join("/").replace(/\.yaml$/, "");
    let data: unknown;
    try {
      data = parse(readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: true });
    } catch (e) {
      return { id, file, problem: `not valid YAML: ${(e as Error).message}` };
    }
    const parsed = caseSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(case)"}: ${i.message}`);
      return { id, file, problem: `not a valid case:\n  ${issues.join("\n  ")}` };
    }
    const c = parsed.data;
    if (c.files["main.carve"] === undefined) return { id, file, problem: "`files` has no `main.carve` (the entry)" };
    if (c.records.length === 0 && c.diagnostics === undefined) return { id, file, problem: "the case checks nothing: give `records` or `diagnostics`" };
    return { id, file, case: c };
  });
}
