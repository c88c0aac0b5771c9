// SPEC 3: no source text can inject code into the emitted module. Labels, e-mails, string values
// and file names are free text; these carry quotes, backticks, `${`, backslashes, newlines,
// U+2028/U+2029, `</script>` and attempts to close a string and run code. The module must load,
// run nothing of them, decide like the runtime, and give every text back exactly.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { compileProgram, emitJsModule } from "@carve/compiler";
import { loadProgram, MemoryHost } from "@carve/language";
import { loadArtifact } from "@carve/runtime";
import { PRELUDE } from "../../packages/compiler/src/emit-js/prelude.generated.js";
import { loadModule } from "./load-module.js";

// Carve string escapes: \" \\ \n \t \u{…}. Every attempt sets globalThis.pwned if it runs.
const ROSTER = "ro\"ster `${globalThis.pwned = 1}` </script>.carve";
const MAIN = String.raw`ruleset hostile "R \"q\" 'a' ${"`"}b${"`"} ${"$"}{globalThis.pwned = 1} \\ d\ne\u{2028}f\u{2029}g </script><script>globalThis.pwned = 1</script> <!-- h -->"
import "${ROSTER.replace(/"/g, '\\"')}"

record Lead {
  id:   string key
  name: string?
  who:  rep?
}

override o1 "O \"); globalThis.pwned = 1; (\" ${"`"}${"$"}{globalThis.pwned = 1}${"`"} \u{2028}" {
  when name == "x\"); globalThis.pwned = 1; (\"" and who is set
  assign who
}

territories first {
  territory t1 "T \"</script>\" ${"`"}${"$"}{1}${"`"} \\u2028 \u{2028}\u{2029}\n" {
    when name == "</script><script>globalThis.pwned = 1</script>"
    assign alice
  }
  territory t2 "\\\"\\" {
    when name starts with ["${"`"}${"$"}{", "\\"] or name ends with "x\u{2028}y" or name contains "\"+"
    assign team_x
  }
  territory t3 { when name in ["a\nb", "c\td", "\u{1F600}", "*/ globalThis.pwned = 1; /*"] or zz assign q }
  otherwise q
}
`;
const ROSTER_TEXT = String.raw`rep alice "A \"lice\" </script> ${"`"}${"$"}{globalThis.pwned = 1}${"`"} \u{2028}" { email "alice+\"x\"@example.com" }
rep bob { email "bob@example.com" }
team team_x "X ${"$"}{'${"`"}'} </script>" { members alice, bob  strategy hash(name) }
queue q "Q \u{2029} <!-- -->"
segment zz = name contains "zz"
`;

const HOSTILE_NAMES = [
  "</script><script>globalThis.pwned = 1</script>",
  "`${x",
  "\\back",
  "a x\u2028y",
  "say \"+\" twice",
  "a\nb",
  "\u{1F600}",
  "*/ globalThis.pwned = 1; /*",
  "x\"); globalThis.pwned = 1; (\"",
];

describe("hostile text from the source", async () => {
  const host = new MemoryHost({ "/h/main.carve": MAIN, [`/h/${ROSTER}`]: ROSTER_TEXT });
  const result = compileProgram(loadProgram("/h/main.carve", host));
  const artifact = result.artifact!;
  const text = emitJsModule(artifact);
  const emitted = text.slice(text.indexOf(PRELUDE.trimEnd()) + PRELUDE.trimEnd().length);
  const mod = await loadModule(text);
  const runtime = loadArtifact(artifact);

  test("compiles cleanly", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("runs none of it when the module loads or decides", () => {
    for (const name of HOSTILE_NAMES) mod.decide({ id: "1", name, who: "bob" }, { asOf: "2027-03-01", explain: true });
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  test("leaves no line terminator, `</script>` or `<!--` in the module's text", () => {
    expect(emitted).not.toMatch(/[\u2028\u2029]|<\/script|<!--/i);
    expect(text).not.toMatch(/[\u2028\u2029]|<\/script|<!--/i);
  });

  test("gives back every text exactly, and decides like the runtime", () => {
    expect(artifact.ruleset.label).toContain("</script>");
    expect(artifact.conditions.map((c) => c.file)).toContain(ROSTER);
    for (const name of HOSTILE_NAMES) {
      for (const explain of [false, true]) {
        const options = { asOf: "2027-03-01", explain, sideEffects: false };
        const record = { id: name, name, who: "alice+\"x\"@example.com" };
        expect(isDeepStrictEqual(mod.decide(record, options), runtime.evaluate(record, options)), name).toBe(true);
      }
    }
    const d = mod.decide({ id: "1", name: " </SCRIPT><script>globalThis.pwned = 1</script> " }, { asOf: "2027-03-01" });
    expect(d.territory).toEqual({ id: "t1", label: "T \"</script>\" `${1}` \\u2028 \u2028\u2029\n", path: ["t1"] });
    expect(mod.decide({ id: "2", name: "a\nb" }, { asOf: "2027-03-01" }).territory?.id).toBe("t3");
    expect(mod.decide({ id: "3", name: "say \"+\" twice" }, { asOf: "2027-03-01" }).territory?.id).toBe("t2");
    expect(mod.decide({ id: "4", name: "x\u2028y" }, { asOf: "2027-03-01" }).territory?.id).toBe("t2");
    const trace = mod.decide({ id: "5", name: "plain" }, { asOf: "2027-03-01", explain: true }).trace!;
    expect(JSON.stringify(trace)).toContain(JSON.stringify(ROSTER).slice(1, -1));
  });
});
