// The CSV that `carve assign` writes (packages/cli/src/csv-write.ts) must read back, cell for cell,
// through csv-parse — the parser `assign` itself reads CSV with.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvText } from "../../packages/cli/src/csv-write.js";

// csv-parse is a dependency of the CLI, not of the workspace root: load it from there.
const { parse } = createRequire(new URL("../../packages/cli/package.json", import.meta.url))("csv-parse/sync") as {
  parse: (text: string, options: Record<string, unknown>) => string[][];
};

describe("assign's CSV writer", () => {
  it("round-trips any cells through csv-parse", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', ",", "\n", "\r\n", "\r", '""', " a ", "=1+1", "é,ü\"ö"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(parse(csvText(rows), { relax_column_count: true })).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it("quotes only what needs quoting", () => {
    expect(csvCell("na.west")).toBe("na.west");
    expect(csvCell("fin=queue:fin_queue;p=rep:erin")).toBe("fin=queue:fin_queue;p=rep:erin");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });
});
