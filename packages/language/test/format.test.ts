// The formatter's rules, one behaviour at a time (the layout rules are listed in src/format/printer.ts).
import { describe, expect, it } from "vitest";
import { decodeString, format, formatText, parse, quoteString } from "@carve/language";
import { stripRanges } from "./format-helpers.js";

/** Formats text that must parse without errors. */
function fmt(text: string): string {
  const r = formatText("test.carve", text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.text;
}

describe("formatText", () => {
  it("formats a valid file", () => {
    expect(formatText("a.carve", "queue   triage")).toEqual({ ok: true, text: "queue triage\n" });
  });

  it("refuses a file with syntax errors and returns the parse diagnostics", () => {
    const text = 'territories first {\n  territory a { when country == }\n}\n';
    const r = formatText("bad.carve", text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual(parse("bad.carve", text).diagnostics);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.file === "bad.carve")).toBe(true);
  });

  it("refuses a file whose AST would drop something (a clause given twice)", () => {
    const r = formatText("dup.carve", "team t { members a  strategy round_robin  strategy least_loaded }");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain("CARVE052");
  });

  it("gives an empty file back empty, and a comment-only file as its comments", () => {
    expect(fmt("")).toBe("");
    expect(fmt("\n\n  \n")).toBe("");
    expect(fmt("  # hello   \n\n\n\n# world")).toBe("# hello\n\n# world\n");
  });
});

describe("layout", () => {
  it("uses one space around operators and keywords, and 2-space indentation", () => {
    expect(fmt("segment s=employees>=1000 and(a==1 or not b)")).toBe("segment s = employees >= 1000 and (a == 1 or not b)\n");
    expect(fmt("territories first{territory a{\nwhen x in[1,2]\nassign q}}")).toBe(
      "territories first {\n  territory a {\n    when x in [1, 2]\n    assign q\n  }\n}\n",
    );
  });

  it("writes `\\n` line ends, drops trailing blanks, ends with exactly one newline", () => {
    expect(fmt("queue a   \r\nqueue b\r\n\r\n\r\nqueue c\n\n\n")).toBe("queue a\nqueue b\n\nqueue c\n");
  });

  it("keeps at most one blank line where the source had some, and adds none", () => {
    expect(fmt("\n\nqueue a\nrep b\n\n\n\nset s = [1]\nsegment g = a\n")).toBe("queue a\nrep b\n\nset s = [1]\nsegment g = a\n");
  });

  it("drops blank lines at the start and the end of a block, keeps them between clauses", () => {
    const src = "override o {\n\n  when a\n\n\n  assign b\n\n}\n";
    expect(fmt(src)).toBe("override o {\n  when a\n\n  assign b\n}\n");
  });

  it("keeps numbers, dates and codes exactly as written", () => {
    const out = fmt("segment s = revenue >= 250M and n == 1_000 and x < 12.5K and d >= 2027-01-15 and region == US-CA");
    expect(out).toBe("segment s = revenue >= 250M and n == 1_000 and x < 12.5K and d >= 2027-01-15 and region == US-CA\n");
  });

  it("aligns record field types in one column, two past the longest name", () => {
    expect(fmt("record R { id: string key\n a.long_name: int? }")).toBe(
      "record R {\n  id:          string key\n  a.long_name: int?\n}\n",
    );
  });

  it("keeps clauses in source order and merges several `members` clauses", () => {
    expect(fmt("override o {\n assign b\n when a\n}")).toBe("override o {\n  assign b\n  when a\n}\n");
    expect(fmt("team t {\n members a\n strategy round_robin\n members b weight 2\n}")).toBe(
      "team t {\n  members a, b weight 2\n  strategy round_robin\n}\n",
    );
  });
});

describe("one-line blocks", () => {
  it("keeps a block on one line when it was written so, fits and has no comment", () => {
    const src = 'territories first {\n  territory w "W" {when e   assign ae}\n}\n';
    expect(fmt(src)).toBe('territories first {\n  territory w "W" { when e  assign ae }\n}\n');
    expect(fmt('rep a "A" {email "a@x.com" capacity 3}')).toBe('rep a "A" { email "a@x.com"  capacity 3 }\n');
  });

  it("expands a block written on several lines", () => {
    expect(fmt("override o { when a\n assign b }")).toBe("override o {\n  when a\n  assign b\n}\n");
  });

  it("expands a one-line block that holds a comment", () => {
    expect(fmt("override o { when a  # why\n assign b }")).toBe("override o {\n  when a  # why\n  assign b\n}\n");
  });

  it("expands a one-line block at 101 columns but not at 100", () => {
    const head = "override o { when x == ";
    const tail = "  assign b }";
    const at = (n: number) => `${head}"${"a".repeat(n - head.length - tail.length - 2)}"${tail}`;
    expect(at(100).length).toBe(100);
    expect(fmt(at(100))).toBe(at(100) + "\n");
    expect(fmt(at(101)).split("\n")).toHaveLength(5);
  });

  it("always expands a territory with nested territories, and records, tests and groups", () => {
    expect(fmt("territories first { territory a { territories first { territory b { assign c } } } }")).toBe(
      "territories first {\n  territory a {\n    territories first {\n      territory b { assign c }\n    }\n  }\n}\n",
    );
    expect(fmt('record R { a: int }  test "t" { expect unassigned }')).toBe(
      'record R {\n  a: int\n}\ntest "t" {\n  expect unassigned\n}\n',
    );
  });

  it("prints empty blocks as `{}` and a rep without attributes without braces", () => {
    expect(fmt("team t {\n}\nrep r {   }\nterritories first { territory a { } }")).toBe(
      "team t {}\nrep r\nterritories first {\n  territory a {}\n}\n",
    );
  });
});

describe("lists", () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
  it("stays on one line when it fits in 100 columns", () => {
    // "set s = [" is 9 columns, each item "aNN, " is 5: 18 items and "]" end at column 97.
    const items = list(18).map((x) => x.padEnd(3, "x"));
    const src = `set s = [${items.join(", ")}]`;
    expect(src.length).toBeLessThanOrEqual(100);
    expect(fmt(src)).toBe(src + "\n");
  });

  it("otherwise puts one item per line with a trailing comma", () => {
    const items = list(30);
    expect(fmt(`set s = [${items.join(",")}]`)).toBe(`set s = [\n${items.map((x) => `  ${x},\n`).join("")}]\n`);
  });

  it("breaks a long `given` one entry per line, and keeps a short one on a line", () => {
    const long = `test "t" { given { ${list(20).map((x) => `${x}: "value"`).join(", ")} } }`;
    expect(fmt(long)).toContain('  given {\n    a0: "value",\n    a1: "value",\n');
    expect(fmt('test "t" { given {a: 1,b: [x,y],} }')).toBe('test "t" {\n  given { a: 1, b: [x, y] }\n}\n');
  });
});

describe("conditions", () => {
  it("breaks a long condition before `or`, then before `and` one level deeper", () => {
    const a = "employees >= 1000 and annual_revenue >= 250M and industry == healthcare";
    const b = "country in [US, CA, GB, DE, FR] and source == partner and region != US-CA";
    expect(fmt(`segment s = ${a} or ${b}`)).toBe(
      "segment s = employees >= 1000 and annual_revenue >= 250M and industry == healthcare\n" +
        "  or country in [US, CA, GB, DE, FR] and source == partner and region != US-CA\n",
    );
    expect(fmt(`territories first { territory t {\n when ${a} and ${b} or x == 1\n} }`)).toBe(
      "territories first {\n  territory t {\n" +
        "    when employees >= 1000\n        and annual_revenue >= 250M\n        and industry == healthcare\n" +
        "        and country in [US, CA, GB, DE, FR]\n        and source == partner\n        and region != US-CA\n" +
        "      or x == 1\n  }\n}\n",
    );
  });

  it("keeps parentheses and breaks inside them when they do not fit", () => {
    const inner = Array.from({ length: 8 }, (_, i) => `field_${i} == value_${i}`).join(" or ");
    expect(fmt(`segment s = not (${inner})`)).toBe(
      `segment s = not (\n${Array.from({ length: 8 }, (_, i) => `  ${i ? "or " : ""}field_${i} == value_${i}\n`).join("")})\n`,
    );
  });

  it("prints every kind of test", () => {
    const src =
      "segment s = a is set and b is not set and c not in [1] and d starts with \"x\" and e not ends with s and f contains [\"y\"]";
    expect(fmt(src)).toBe(
      'segment s = a is set\n  and b is not set\n  and c not in [1]\n  and d starts with "x"\n  and e not ends with s\n  and f contains ["y"]\n',
    );
  });
});

describe("strings", () => {
  it("re-escapes canonically", () => {
    expect(quoteString('say "hi" \\ now')).toBe('"say \\"hi\\" \\\\ now"');
    expect(quoteString("a\nb\tc\rd")).toBe('"a\\nb\\tc\\u{D}d"');
    expect(quoteString("\u0000\u0007\u007f\u0085")).toBe('"\\u{0}\\u{7}\\u{7F}\\u{85}"');
    expect(quoteString("\u2028\u2029\u202e\u2066\ufeff")).toBe('"\\u{2028}\\u{2029}\\u{202E}\\u{2066}\\u{FEFF}"');
    expect(quoteString("Zoë — 東京 😀 \u00a0")).toBe('"Zoë — 東京 😀 \u00a0"');
  });

  it("decodes back to the same value", () => {
    const values = ["", "plain", '"\\', "\n\t\r", "\u0001\u001f\u007f\u009f", "\u2028\u2029\u202a\u2069\ufeff", "😀 \u{10FFFF}"];
    for (const v of values) expect(decodeString(quoteString(v)).value).toBe(v);
  });

  it("writes escapes the same way whatever the source used", () => {
    expect(fmt('ruleset r "tab:\t, \\u{9}, \\t; e: \\u{e9}; bell: \\u{0007}"')).toBe('ruleset r "tab:\\t, \\t, \\t; e: é; bell: \\u{7}"\n');
  });
});

describe("comments", () => {
  it("keeps a trailing comment at the end of its line, two spaces after the code", () => {
    expect(fmt("queue a     # the queue\nqueue b # b")).toBe("queue a  # the queue\nqueue b  # b\n");
  });

  it("keeps own-line comments on their own lines, at the indentation of what follows", () => {
    expect(fmt("override o {\n        # why\n  when a\n# and\n      assign b\n    # end\n}\n# eof")).toBe(
      "override o {\n  # why\n  when a\n  # and\n  assign b\n  # end\n}\n# eof\n",
    );
  });

  it("breaks a list or a condition that holds a comment", () => {
    expect(fmt("set s = [a, # first\n b]")).toBe("set s = [\n  a,  # first\n  b,\n]\n");
    expect(fmt("segment s = a # first\n or b")).toBe("segment s = a  # first\n  or b\n");
  });

  it("moves a comment from inside a one-line construct to the end of its line, never dropping it", () => {
    expect(fmt("rep # who\n  r \"R\"\nqueue q")).toBe('rep r "R"  # who\nqueue q\n');
  });

  it("keeps two comments that end up after the same code as two lines", () => {
    const out = fmt("segment s = (a # one\n) # two\n and b");
    expect(out).toBe("segment s = (a)  # one\n  # two\n  and b\n");
    expect(parse("x", out).file.comments.map((c) => c.text)).toEqual(["# one", "# two"]);
  });
});

describe("stripRanges (the test helper)", () => {
  const ast = (text: string) => stripRanges(parse("x", text).file);
  it("ignores layout but sees structure", () => {
    expect(ast("segment s = a or b")).toEqual(ast("segment   s =\n a\n or b # c"));
    expect(ast("segment s = a or b")).not.toEqual(ast("segment s = (a or b)"));
    expect(ast("record R { a: int key }")).not.toEqual(ast("record R { a: int }"));
    expect(ast('test "t" { given {} }')).not.toEqual(ast('test "t" { }'));
    expect(ast("set s = [250M]")).not.toEqual(ast("set s = [250000000]"));
  });
});

describe("performance", () => {
  it("formats a 5,000-line file in well under a second", () => {
    const territory = (i: number) =>
      `  territory t${i} "T ${i}" {  # territory ${i}\n    when country == US and employees >= ${i} or region in [US-CA, US-OR]\n    assign q${i}\n  }\n`;
    const src = `territories first {\n${Array.from({ length: 1250 }, (_, i) => territory(i)).join("")}}\n`;
    expect(src.split("\n").length).toBeGreaterThan(5000);
    const { file } = parse("big.carve", src);
    for (let i = 0; i < 3; i++) format(file); // warm up: the language server formats warm code
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const out = format(file);
      ms = Math.min(ms, performance.now() - t0);
      expect(out).toBe(src);
    }
    // Measured at 20-30 ms on a busy 2-core machine; the bound only catches quadratic behaviour.
    expect(ms).toBeLessThan(500);
  });
});
