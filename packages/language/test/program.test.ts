// Program loading: imports, one ruleset / record / territories / overlays, override order, and
// the SPEC 2.2 example end to end.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadProgram, MemoryHost, type FileHost } from "../src/index.js";
import { checkFiles, expectCodes, rangeOf } from "./fixtures/semantics/helpers.js";

const RECORD = "record Lead { id: string key  country: country }\n";
const TREE = "territories first { territory all { assign q }  otherwise q }\n";
const ROSTER = "queue q\n";
const spec = (name: string) => readFileSync(new URL(`./fixtures/semantics/spec/${name}`, import.meta.url), "utf8");

describe("the SPEC 2.2 example", () => {
  const host = new MemoryHost({ "/plans/acme.carve": spec("acme.carve"), "/plans/roster.carve": spec("roster.carve") });
  const program = loadProgram("/plans/acme.carve", host);

  test("loads with zero diagnostics", () => {
    expect(program.diagnostics).toEqual([]);
    expect(program.files.map((f) => f.uri)).toEqual(["/plans/acme.carve", "/plans/roster.carve"]);
  });

  test("has one namespace across both files", () => {
    expect(program.symbols.get("alice")?.kind).toBe("rep");
    expect(program.symbols.get("alice")?.file).toBe("/plans/roster.carve");
    expect(program.symbols.get("west_ent")?.kind).toBe("territory");
    expect(program.ruleset?.name.text).toBe("acme");
    expect(program.record?.keyField).toBe("id");
    expect(program.record?.fields.get("account.owner")?.type).toBe("rep");
    expect(program.record?.fields.get("region")?.countryField).toBe("country");
    expect([...program.territoryPath.values()]).toEqual([
      "healthcare", "na", "na.west", "na.west.west_ent", "na.west.west_smb", "na.east", "na.canada",
    ]);
    expect(program.overrides.map((o) => o.name.text)).toEqual(["keep_owner", "named_accounts"]);
    expect(program.tests).toHaveLength(3);
  });

  test("records references to declarations in the imported file", () => {
    const toAlice = program.references.filter((r) => r.symbol.name === "alice");
    // `assign alice` in acme.carve and `members alice` in roster.carve
    expect(toAlice.map((r) => r.file).sort()).toEqual(["/plans/acme.carve", "/plans/roster.carve"]);
    const acme = program.files[0].text;
    expect(toAlice.find((r) => r.file === "/plans/acme.carve")?.range).toEqual(rangeOf(acme, "alice"));
  });
});

describe("imports", () => {
  test("a missing file is CARVE022 at the import's string", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": `ruleset t\nimport ⟦"nope/roster.carve"⟧\n${RECORD}${ROSTER}${TREE}`,
    });
    const [d] = expectCodes(program, ["CARVE022"]);
    expect(d.range).toEqual(marks.get("/r/main.carve")![0]);
    expect(d.message).toContain("nope/roster.carve");
    expect(d.help).toContain("/r/nope/roster.carve");
  });

  test("a cycle is CARVE023 at the import that closes it, naming the chain", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": `ruleset t\nimport "a.carve"\n${RECORD}${TREE}`,
      "/r/a.carve": `import "sub/b.carve"\n${ROSTER}`,
      "/r/sub/b.carve": `import ⟦"../a.carve"⟧\n`,
    });
    const [d] = expectCodes(program, ["CARVE023"]);
    expect(d.file).toBe("/r/sub/b.carve");
    expect(d.range).toEqual(marks.get("/r/sub/b.carve")![0]);
    expect(d.message).toBe("import cycle: a.carve → b.carve → a.carve");
  });

  test("a file importing itself is a cycle", () => {
    const { program } = checkFiles({ "/r/main.carve": `ruleset t\nimport "main.carve"\n${RECORD}${ROSTER}${TREE}` });
    expect(expectCodes(program, ["CARVE023"])[0].message).toBe("import cycle: main.carve → main.carve");
  });

  test("a diamond loads the shared file once, depth-first in import order", () => {
    const { program } = checkFiles({
      "/r/main.carve": `ruleset t\nimport "left.carve"\nimport "right.carve"\n${RECORD}${TREE}`,
      "/r/left.carve": `import "shared.carve"\nrep l\n`,
      "/r/right.carve": `import "shared.carve"\nrep r\n`,
      "/r/shared.carve": ROSTER,
    });
    expect(program.diagnostics).toEqual([]);
    expect(program.files.map((f) => f.uri)).toEqual(["/r/main.carve", "/r/left.carve", "/r/shared.carve", "/r/right.carve"]);
  });

  test("an empty import path is CARVE037", () => {
    const { program, marks } = checkFiles({ "/r/main.carve": `ruleset t\nimport ⟦""⟧\n${RECORD}${ROSTER}${TREE}` });
    expect(expectCodes(program, ["CARVE037"])[0].range).toEqual(marks.get("/r/main.carve")![0]);
  });

  test("an unreadable entry is one diagnostic, and a throwing host does not throw", () => {
    const host: FileHost = {
      readFile: () => {
        throw new Error("EACCES");
      },
      resolve: () => {
        throw new Error("bad");
      },
    };
    const p = loadProgram("/r/x.carve", host);
    expect(p.diagnostics.map((d) => d.code)).toEqual(["CARVE022"]);
    expect(p.files).toHaveLength(1);
  });
});

describe("declarations a ruleset has exactly once", () => {
  test("no ruleset is CARVE020 at the top of the entry file", () => {
    const { program } = checkFiles({ "/r/main.carve": `${RECORD}${ROSTER}${TREE}` });
    expect(expectCodes(program, ["CARVE020"])[0].range).toEqual({ start: 0, end: 0 });
  });

  test("a second ruleset, or one in an imported file, is CARVE021", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": `ruleset t\nruleset ⟦u⟧\nimport "roster.carve"\n${RECORD}${TREE}`,
      "/r/roster.carve": `ruleset ⟦roster⟧\n${ROSTER}`,
    });
    const ds = expectCodes(program, ["CARVE021", "CARVE021"]);
    expect(ds.map((d) => d.range)).toEqual([marks.get("/r/main.carve")![0], marks.get("/r/roster.carve")![0]]);
    expect(ds[1].message).toBe("`roster.carve` is imported, so it cannot declare a `ruleset`");
    expect(ds[0].related?.[0].range).toEqual({ start: 8, end: 9 });
  });

  test("no record is CARVE026 at the ruleset's name; a second is CARVE027", () => {
    const none = checkFiles({ "/r/main.carve": `ruleset ⟦t⟧\n${ROSTER}${TREE}` });
    expect(expectCodes(none.program, ["CARVE026"])[0].range).toEqual(none.marks.get("/r/main.carve")![0]);
    const two = checkFiles({ "/r/main.carve": `ruleset t\n${RECORD}record ⟦Other⟧ { x: string }\n${ROSTER}${TREE}` });
    expect(expectCodes(two.program, ["CARVE027"])[0].range).toEqual(two.marks.get("/r/main.carve")![0]);
  });

  test("no territories is CARVE028; a second block is CARVE029; a second overlays block is CARVE030", () => {
    const none = checkFiles({ "/r/main.carve": `ruleset ⟦t⟧\n${RECORD}${ROSTER}` });
    expect(expectCodes(none.program, ["CARVE028"])[0].range).toEqual(none.marks.get("/r/main.carve")![0]);
    const two = checkFiles({ "/r/main.carve": `ruleset t\n${RECORD}${ROSTER}${TREE}⟦territories unique⟧ { }\n` });
    expect(expectCodes(two.program, ["CARVE029"])[0].range).toEqual(two.marks.get("/r/main.carve")![0]);
    const overlays = checkFiles({ "/r/main.carve": `ruleset t\n${RECORD}${ROSTER}${TREE}overlays { }\n⟦overlays⟧ { }\n` });
    expect(expectCodes(overlays.program, ["CARVE030"])[0].range).toEqual(overlays.marks.get("/r/main.carve")![0]);
  });
});

describe("override order", () => {
  test("declaration order, an imported file's overrides counting at its import line", () => {
    const { program } = checkFiles({
      "/r/main.carve": [
        "ruleset t", RECORD, ROSTER,
        'override first_one { when country == US  assign q }',
        'import "more.carve"',
        'override last_one { when country == CA  assign q }',
        'import "more.carve"', // imported again: its overrides already counted
        TREE,
      ].join("\n"),
      "/r/more.carve": 'override from_import { when country == GB  assign q }\nimport "deeper.carve"\noverride after_deeper { when country == FR assign q }\n',
      "/r/deeper.carve": "override deepest { when country == DE  assign q }\n",
    });
    expect(program.diagnostics).toEqual([]);
    expect(program.overrides.map((o) => o.name.text)).toEqual(["first_one", "from_import", "deepest", "after_deeper", "last_one"]);
  });
});

describe("diagnostics", () => {
  test("are sorted by file order, then offset, and carry the file they belong to", () => {
    const { program } = checkFiles({
      "/r/main.carve": `ruleset t\nimport "b.carve"\n${RECORD}${TREE}territories first { }\n`,
      "/r/b.carve": `${ROSTER}rep x { capacity 1.5 }\nrep x\n`,
    });
    expect(program.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ["/r/main.carve", "CARVE029"],
      ["/r/b.carve", "CARVE055"],
      ["/r/b.carve", "CARVE024"],
    ]);
  });
});
