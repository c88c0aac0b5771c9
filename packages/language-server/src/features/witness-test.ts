// A `test` block (SPEC 2.8) from an analysis witness: the witness record as `given`, and as
// `expect`s what the compiled rules decide for it today, pinned with `as of` so the test does not
// change meaning as dates pass. Added from a finding, it records today's behaviour for the user to
// keep or to correct along with the rules.
import { CompilerCodes, todayUtc, witnessText } from "@carve/compiler";
import { formatText, givenRecord, parse, quoteString, type Diagnostic, type TestDecl } from "@carve/language";
import type { Decision } from "@carve/runtime";
import type { Compiled } from "../workspace.js";

const WHAT: Record<string, string> = {
  [CompilerCodes.Overlap.code]: "overlap",
  [CompilerCodes.Shadowed.code]: "shadowed territory",
  [CompilerCodes.ShadowedOverride.code]: "shadowed override",
  [CompilerCodes.Gap.code]: "gap",
  [CompilerCodes.NestedGap.code]: "nested gap",
};
const MAX_NAME = 100;

export interface WitnessTest {
  name: string;
  /** the block, formatted, ending with a newline */
  text: string;
}

/** The test for a finding's witness; undefined when there is no witness or no compiled rules to ask. */
export function witnessTest(compiled: Compiled, d: Diagnostic, asOf = todayUtc()): WitnessTest | undefined {
  const artifact = compiled.result.artifact;
  const runtime = compiled.runtime();
  if (!d.witness || !artifact || !runtime) return undefined;
  const given = witnessText(d.witness, artifact.schema);
  // The record in the name without its quotes: `gap: {id: x, country: AD, …}` reads better escaped.
  let name = `${WHAT[d.code] ?? d.code}: ${given.replace(/"/g, "")}`;
  if (name.length > MAX_NAME) name = `${name.slice(0, MAX_NAME - 1)}…`;
  const head = `test ${quoteString(name)} {\n  as of ${asOf}\n  given ${given}\n`;
  const test = parsedTest(`${head}}\n`);
  if (!test) return undefined;
  const decision = runtime.evaluate(givenRecord(test), { asOf, sideEffects: false });
  const text = `${head}${expectations(decision).map((e) => `  expect ${e}\n`).join("")}}\n`;
  const formatted = formatText("witness.carve", text);
  return { name, text: formatted.ok ? formatted.text : text };
}

function parsedTest(text: string): TestDecl | undefined {
  const { file, diagnostics } = parse("witness.carve", text);
  const test = file.items.find((i): i is TestDecl => i?.kind === "Test");
  return diagnostics.length === 0 ? test : undefined;
}

/** The decision in SPEC 2.8 expectations. */
function expectations(d: Decision): string[] {
  if (d.status === "invalid") return (d.errors ?? []).map((e) => `invalid ${e.field}`);
  const out: string[] = [];
  if (d.territory) out.push(`territory ${d.territory.id}`);
  if (d.status === "unassigned" || !d.owner) out.push("unassigned");
  else {
    const owner = d.owner.team ? `owner in ${d.owner.team}` : `owner ${d.owner.id}`;
    out.push(d.via?.startsWith("override ") ? `${owner} via ${d.via}` : owner);
  }
  return out;
}
