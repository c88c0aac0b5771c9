// Syntax errors: clear messages (what, where, how to fix) and recovery that keeps the good parts.
import { describe, expect, it } from "vitest";
import { parse } from "../src/syntax/index.js";
import type { Diagnostic, Item, TerritoriesBlock } from "../src/index.js";

interface Shown { code: string; at: string; message: string; help?: string }
function errors(text: string): Shown[] {
  return parse("t.carve", text).diagnostics.map((d: Diagnostic) => {
    const s: Shown = { code: d.code, at: text.slice(d.range.start, d.range.end), message: d.message };
    if (d.help !== undefined) s.help = d.help;
    return s;
  });
}
const names = (items: Item[]) => items.map((i) => `${i.kind}${"name" in i && i.name && "text" in i.name ? ` ${i.name.text}` : ""}`);

describe("messages", () => {
  it("a missing `{` after a territory name or label", () => {
    expect(errors("territories first {\n  territory west when country == US assign bob }\n}")).toMatchObject([
      { code: "CARVE004", at: "when", message: "expected `{` after the territory name, found `when`" },
    ]);
    expect(errors('territories first { territory west "West" when x == 1 assign bob } }')[0].message).toBe(
      "expected `{` after the territory label, found `when`",
    );
  });

  it("a `when` without a condition", () => {
    expect(errors("territories first { territory west { when assign bob } }")).toMatchObject([
      { code: "CARVE004", at: "assign", message: "expected a condition after `when`, found `assign`" },
    ]);
    expect(errors("segment s = a and or b")[0].message).toBe("expected a condition after `and`, found `or`");
  });

  it("a `territories` block without its policy", () => {
    expect(errors("territories {\n  territory a { assign b }\n}")).toMatchObject([
      { code: "CARVE004", at: "{", message: "expected `first` or `unique` after `territories`, found `{`" },
    ]);
  });

  it("a keyword used as a declared name (CARVE005) keeps the declaration", () => {
    const text = 'rep territory "T"\nrecord R { set: string }\nset when = [a]';
    expect(errors(text)).toEqual([
      { code: "CARVE005", at: "territory", message: "`territory` is a keyword and cannot be used as a name", help: "rename it, e.g. `territory_1`" },
      { code: "CARVE005", at: "set", message: "`set` is a keyword and cannot be used as a name", help: "rename it, e.g. `set_1`" },
      { code: "CARVE005", at: "when", message: "`when` is a keyword and cannot be used as a name", help: "rename it, e.g. `when_1`" },
    ]);
    expect(names(parse("t", text).file.items)).toEqual(["Rep territory", "Record R", "Set when"]);
  });

  it("a keyword used as a reference", () => {
    expect(errors("override o { assign set }")[0]).toMatchObject({
      at: "set",
      message: "expected a name after `assign`, found the keyword `set`",
      help: "`set` is a keyword and cannot be used as a name; rename it, e.g. `set_1`",
    });
  });

  it("the end of the file is named as such, and an unclosed `{` is pointed at", () => {
    const text = "territories first {\n  territory a {\n    assign b\n  }\n";
    const { diagnostics } = parse("t", text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "CARVE004",
      message: "expected `}` to close the block, found the end of the file",
      help: "add `}` to close the block opened on line 1",
      range: { start: 52, end: 52 },
      related: [{ range: { start: 18, end: 19 }, message: "this `{` is never closed" }],
    });
    expect(errors("segment s = x ==")[0].message).toBe("expected a value after `==`, found the end of the file");
    expect(errors("rep")[0]).toMatchObject({ at: "", message: "expected a name after `rep`, found the end of the file" });
  });

  it("misspelt keywords get a \"did you mean\" with a fix", () => {
    const { diagnostics } = parse("t", "terittories first { }\nterritories first { territory a { asign b } }");
    expect(diagnostics.map((d) => [d.message, d.help, d.fixes?.[0]?.newText])).toEqual([
      ["expected a declaration (`rep`, `team`, `territories`, `test`, …), found `terittories`", "did you mean `territories`?", "territories"],
      ["expected `when`, `assign`, `from`, `until`, `territories` or `}` after `{`, found `asign`", "did you mean `assign`?", "assign"],
    ]);
  });

  it("an unknown field type gets a \"did you mean\"; the rest of the record survives", () => {
    const text = "record R {\n  id: strin key\n  n: int\n}";
    const { diagnostics, file } = parse("t", text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "CARVE004", message: "unknown field type `strin`", fixes: [{ newText: "string" }] });
    expect(diagnostics[0].help).toMatch(/^did you mean `string`\? Field types are `string`, `int`/);
    expect((file.items[0] as { fields: { name: { text: string } }[] }).fields.map((f) => f.name.text)).toEqual(["n"]);
  });

  it("a single `=` in a condition", () => {
    expect(errors("territories first { territory a { when country = US assign b } }")[0]).toMatchObject({
      at: "=",
      help: "to compare, write `==`; a single `=` only follows the name in `set` and `segment`",
    });
  });

  it("missing commas are reported one by one, and nothing is lost", () => {
    const text = 'team t { members alice bob carol }\nset s = [1 2]\ntest "x" { given { a: 1 b: 2 } expect unassigned }';
    expect(errors(text).map((e) => [e.at, e.message])).toEqual([
      ["bob", "expected `,` between team members, found `bob`"],
      ["carol", "expected `,` between team members, found `carol`"],
      ["2", "expected `,` between list items, found `2`"],
      ["b", "expected `,` between the given fields, found `b`"],
    ]);
    const items = parse("t", text).file.items;
    expect(items.map((i) => i.kind)).toEqual(["Team", "Set", "Test"]);
    expect(items[2]).toMatchObject({ given: [{ field: { text: "a" } }, { field: { text: "b" } }], expects: [{ kind: "ExpectUnassigned" }] });
  });

  it("a clause given twice (CARVE052) points at both", () => {
    const { diagnostics, file } = parse("t", "territories first { territory a { when x == 1 assign b when y == 2 } }");
    expect(diagnostics).toMatchObject([
      { code: "CARVE052", message: "`when` is given more than once in territory `a`", range: { start: 55, end: 59 },
        related: [{ range: { start: 34, end: 38 } }] },
    ]);
    expect((file.items[0] as TerritoriesBlock).territories[0].when).toMatchObject({ field: { text: "x" } });
  });

  it("a field with no test, and `in` with a single value", () => {
    expect(errors("segment s = account.status")[0].message).toBe(
      "expected a test such as `==` or `in` after the field `account.status`, found the end of the file",
    );
    expect(errors("segment s = n in 5")[0]).toMatchObject({ at: "5", message: "expected a list, a range or a set name after `in`, found a single value" });
  });

  it("stray tokens at the top level", () => {
    expect(errors("territory x { }")[0].message).toBe("a `territory` must be inside a `territories` or `overlays` block");
    expect(errors("rep a }\nrep b")[0]).toMatchObject({ at: "}", help: "this `}` closes nothing: remove it, or check for a missing `{` above" });
  });
});

describe("recovery", () => {
  it("declarations after a broken one are still in the AST", () => {
    const text = `rep alice { email alice@acme.com }
team t { members alice strategy }
rep bob
segment s = (a or b
queue q
override o { when x == assign y }
set west = [US-CA]`;
    const { file, diagnostics } = parse("t", text);
    expect(names(file.items)).toEqual(["Rep alice", "Team t", "Rep bob", "Segment s", "Queue q", "Override o", "Set west"]);
    expect(diagnostics.length).toBeGreaterThanOrEqual(4);
    for (const d of diagnostics) {
      expect(d.range.start).toBeGreaterThanOrEqual(0);
      expect(d.range.end).toBeLessThanOrEqual(text.length);
    }
  });

  it("several errors in one territory tree; the good territories survive", () => {
    const text = `territories first {
  territory a { when x == assign bob }
  territory b "B" when y == 2 assign carol }
  territory c { when z in [1, 2 assign dave }
  territory d { assign erin }
  otherwise triage
}`;
    const { file, diagnostics } = parse("t", text);
    expect(diagnostics.map((d) => d.code)).toEqual(["CARVE004", "CARVE004", "CARVE004"]);
    const top = file.items[0] as TerritoriesBlock;
    expect(top.territories.map((t) => [t.name.text, t.assign?.text])).toEqual([
      ["a", "bob"], ["b", "carol"], ["c", "dave"], ["d", "erin"],
    ]);
    expect(top.otherwise?.target.text).toBe("triage");
  });

  it("junk at the top level is skipped up to the next declaration", () => {
    const { file, diagnostics } = parse("t", "foo bar 42 { }\nrep a\n!!\nrep b");
    expect(names(file.items)).toEqual(["Rep a", "Rep b"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["CARVE004", "CARVE001"]);
  });

  it("diagnostics come sorted by position", () => {
    const { diagnostics } = parse("t", 'rep a @\nrep "x"\nrep territory\nset s = [1 2]');
    const starts = diagnostics.map((d) => d.range.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
