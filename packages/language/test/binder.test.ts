// Names: one namespace, duplicates, unknown names with "did you mean", wrong kinds, segment
// cycles, fields, territory paths, and the references the language server relies on.
import { describe, expect, test } from "vitest";
import { check, checkFiles, expectCodes, expectOne, rangeOf } from "./fixtures/semantics/helpers.js";

describe("duplicates", () => {
  test("a duplicate name is CARVE024 at the second declaration, pointing at the first", () => {
    const c = check("set ⟦bob⟧ = [US]\n");
    const d = expectOne(c, "CARVE024", c.marks[0]);
    expect(d.message).toBe("the name `bob` is already used by a rep");
    expect(d.related?.[0].range).toEqual(rangeOf(c.text, "bob"));
  });

  test("territory names share the namespace, across files", () => {
    const { program, marks } = checkFiles({
      "/r/main.carve": 'ruleset t\nimport "roster.carve"\nrecord R { id: string key }\nterritories first { territory ⟦west⟧ { assign q } }\n',
      "/r/roster.carve": "queue q\nqueue ⟦west⟧\n",
    });
    const [d] = expectCodes(program, ["CARVE024"]);
    expect(d.file).toBe("/r/roster.carve");
    expect(d.range).toEqual(marks.get("/r/roster.carve")![0]);
    expect(d.message).toBe("the name `west` is already used by a territory");
    expect(d.related?.[0]).toMatchObject({ file: "/r/main.carve", range: marks.get("/r/main.carve")![0] });
  });

  test("a duplicate record field is CARVE035", () => {
    const c = check("", { base: "ruleset t\nrecord R {\n  id: string\n  id: int\n}\nqueue triage\n" });
    const second = rangeOf(c.text, "id", 1);
    const d = expectOne(c, "CARVE035", second);
    expect(d.related?.[0].range).toEqual(rangeOf(c.text, "id"));
  });

  test("a field that is also the prefix of a dotted field is CARVE038", () => {
    const c = check("", { base: "ruleset t\nrecord R {\n  account: string?\n  account.id: string?\n}\nqueue triage\n" });
    expectOne(c, "CARVE038", rangeOf(c.text, "account.id"));
  });

  test("a duplicate test name is a CARVE036 warning", () => {
    const c = check('test "same" { given { id: "1", country: US, industry: software, employees: 1 } expect unassigned }\n' +
      'test ⟦"same"⟧ { given { id: "2", country: US, industry: software, employees: 1 } expect unassigned }\n');
    const d = expectOne(c, "CARVE036", c.marks[0]);
    expect(d.severity).toBe("warning");
  });
});

describe("unknown names", () => {
  test("CARVE025 with did-you-mean over names of the right kind, and a fix", () => {
    const c = check("territories first { territory x { assign ⟦alcie⟧ } }\n");
    const d = expectOne(c, "CARVE025", c.marks[0]);
    expect(d.message).toBe("unknown rep, team or queue `alcie`");
    expect(d.help).toBe("did you mean `alice`?");
    expect(d.fixes).toEqual([{ label: "replace with `alice`", file: c.file, range: c.marks[0], newText: "alice" }]);
  });

  test("suggestions only come from the right kind of declaration", () => {
    // `west_stats` is close to the set `west_states` and to the segment `west_stat`; only the set fits `in`.
    const c = check("set west_states = [US-CA]\nsegment west_stat = country == US\n" +
      "territories first { territory x { when region in ⟦west_stats⟧ assign triage } }\n");
    const d = expectOne(c, "CARVE025", c.marks[0]);
    expect(d.help).toBe("did you mean `west_states`?");
  });

  test("an unknown segment, with no near miss, says so", () => {
    const c = check("territories first { territory x { when ⟦zzz⟧ assign triage } }\n");
    expect(expectOne(c, "CARVE025", c.marks[0]).message).toBe("unknown segment `zzz`");
  });

  test("a value where a set belongs suggests a list", () => {
    const c = check("territories first { territory x { when industry in ⟦software⟧ assign triage } }\n");
    const d = expectOne(c, "CARVE025", c.marks[0]);
    expect(d.fixes?.[0].newText).toBe("[software]");
  });

  test("use before declaration is fine", () => {
    const c = check("territories first { territory x { when later assign late_q } }\nsegment later = employees > 5\nqueue late_q\n");
    expect(c.program.diagnostics).toEqual([]);
  });
});

describe("wrong kinds", () => {
  test("`assign` of a set is CARVE032 with the SPEC's wording", () => {
    const c = check("set west_states = [US-CA]\nterritories first { territory x { assign ⟦west_states⟧ } }\n");
    const d = expectOne(c, "CARVE032", c.marks[0]);
    expect(d.message).toBe("`west_states` is a set, but `assign` needs a rep, team, queue or a field of type `rep`");
    expect(d.related?.[0].range).toEqual(rangeOf(c.text, "west_states"));
  });

  test("a field used as a condition is CARVE032 with a fix that compares it", () => {
    const c = check("territories first { territory x { when ⟦active⟧ assign triage } }\n");
    const d = expectOne(c, "CARVE032", c.marks[0]);
    expect(d.fixes?.[0].newText).toBe("active == true");
  });

  test("`expect owner` of a team suggests `expect owner in`", () => {
    const c = check('test "t" { given { id: "1", country: US, industry: software, employees: 1 } expect owner ⟦ae⟧ }\n');
    const d = expectOne(c, "CARVE032", c.marks[0]);
    expect(d.help).toBe("an owner is one of the team's reps: write `expect owner in ae`");
  });
});

describe("segments", () => {
  test("a cycle is CARVE031, naming the cycle, reported once", () => {
    const c = check("segment a = b and employees > 1\nsegment b = c\nsegment c = ⟦a⟧\nsegment d = a\n");
    const d = expectOne(c, "CARVE031", c.marks[0]);
    expect(d.message).toBe("segments use each other in a cycle: a → b → c → a");
    expect(c.program.segmentOrder).toEqual([]); // d uses the cycle, so it cannot be expanded either
  });

  test("a segment using itself", () => {
    const c = check("segment a = employees > 1 or ⟦a⟧\n");
    expect(expectOne(c, "CARVE031", c.marks[0]).message).toBe("segment `a` uses itself");
  });

  test("segmentOrder puts every segment after the segments it uses", () => {
    const c = check("segment top = mid or big\nsegment mid = big and employees < 5000\nsegment big = employees >= 1000\n");
    expect(c.program.diagnostics).toEqual([]);
    expect(c.program.segmentOrder.map((s) => s.name.text)).toEqual(["big", "mid", "top"]);
  });
});

describe("fields and territory paths", () => {
  test("an unknown field is CARVE033 with did-you-mean over the record's fields", () => {
    const c = check("territories first { territory x { when ⟦emplyees⟧ > 5 assign triage } }\n");
    const d = expectOne(c, "CARVE033", c.marks[0]);
    expect(d.message).toBe("`Lead` has no field `emplyees`");
    expect(d.fixes?.[0].newText).toBe("employees");
  });

  test("an unknown field causes no further errors on its test", () => {
    const c = check("set s = [1]\nterritories first { territory x { when ⟦nope⟧ < \"text\" or nope in s assign triage } }\n");
    expect(c.program.diagnostics.map((d) => d.code)).toEqual(["CARVE033", "CARVE033"]);
  });

  test("`hash(FIELD)` must name a field", () => {
    const c = check("team h { members alice  strategy hash(⟦idd⟧) }\n");
    expect(expectOne(c, "CARVE033", c.marks[0]).help).toBe("did you mean `id`?");
  });

  test("an unknown territory path is CARVE034; a bare name suggests its full path", () => {
    const tree = "territories first { territory na { when country == US  territories first { territory west { assign alice } } } otherwise triage }\n";
    const given = 'given { id: "1", country: US, industry: software, employees: 1 }';
    const c = check(`${tree}test "t" { ${given} expect territory ⟦west⟧ }\ntest "u" { ${given} expect territory ⟦na.wset⟧ }\n`);
    const ds = expectCodes(c.program, ["CARVE034", "CARVE034"]);
    expect(ds.map((d) => d.range)).toEqual(c.marks);
    expect(ds[0].fixes?.[0].newText).toBe("na.west");
    expect(ds[1].help).toBe("did you mean `na.west`?");
  });

  test("overlay paths are checked against the overlays block", () => {
    const c = check('overlays { territory partners { when industry == fintech assign bob } }\n' +
      'test "t" { given { id: "1", country: US, industry: fintech, employees: 1 } expect overlay partners  expect territory ⟦partners⟧ }\n');
    const d = expectOne(c, "CARVE034", c.marks[0]);
    expect(d.message).toBe("`partners` is an overlay, not a territory");
  });
});

describe("references", () => {
  test("every use of a name, field and territory path is recorded", () => {
    const c = check(
      "segment big = employees >= 1000\n" +
      "territories first { territory na { when big territories first { territory west { assign ae } } } otherwise triage }\n" +
      'test "t" { given { id: "1", country: US, industry: software, employees: 5000 } expect territory na.west  expect owner in ae }\n',
    );
    expect(c.program.diagnostics).toEqual([]);
    const uses = (name: string) => c.program.references.filter((r) => r.symbol.name === name).map((r) => c.text.slice(r.range.start, r.range.end));
    expect(uses("big")).toEqual(["big"]);
    expect(uses("ae")).toEqual(["ae", "ae"]);
    expect(uses("na")).toEqual(["na"]);
    expect(uses("west")).toEqual(["west"]);
    expect(uses("alice")).toHaveLength(1); // the team's members
    const employees = c.program.references.filter((r) => r.symbol.kind === "field" && r.symbol.name === "employees");
    expect(employees).toHaveLength(2); // in the segment and in the given
  });
});
