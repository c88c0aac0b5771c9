// Definition, references and rename across the entry and the file it imports, for every kind of
// named thing; rename refuses names that would collide or are not names.
import { describe, expect, it } from "vitest";
import { ResponseError, type Location } from "vscode-languageserver";
import { definition, prepareRename, references, rename } from "../src/index.js";
import {
  ACME, ACME_URI, ROSTER, ROSTER_URI, acmeText, acmeWorkspace, applyEdits, editsFor, positionOf, rangeOf, rosterText,
} from "./helpers.js";

const ws = () => acmeWorkspace(acmeText, rosterText, [ACME, ROSTER]);
const key = (l: Location) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
const sorted = (ls: Location[]) => [...ls].sort((a, b) => key(a).localeCompare(key(b)));

describe("definition", () => {
  it("goes from a use to the declaration in the imported file", () => {
    expect(definition(ws(), ACME, positionOf(acmeText, "assign dana", "assign d".length)))
      .toEqual({ uri: ROSTER_URI, range: rangeOf(rosterText, "dana") });
  });

  it("goes to every kind of declaration", () => {
    const cases: [string, number, string, string, string][] = [
      ["when enterprise", "when ".length, ACME, "segment enterprise", "enterprise"],
      ["region in west_states", "region in ".length, ACME, "set west_states", "west_states"],
      ["via override keep_owner", "via override ".length, ACME, "override keep_owner", "keep_owner"],
      ["expect territory na.west.west_ent", "expect territory na.west.".length, ACME, 'territory west_ent "', "west_ent"],
      ["expect territory na.west.west_ent", "expect territory ".length, ACME, 'territory na "', "na"],
      ["when account.status", "when account.".length, ACME, "account.status:", "account.status"],
      ["assign west_ae", "assign ".length, ROSTER, 'team west_ae "', "west_ae"],
      ["otherwise triage", "otherwise ".length, ROSTER, "queue triage", "triage"],
    ];
    for (const [needle, delta, file, declaredIn, name] of cases) {
      const text = file === ACME ? acmeText : rosterText;
      const start = positionOf(text, declaredIn, declaredIn.indexOf(name));
      expect(definition(ws(), ACME, positionOf(acmeText, needle, delta)), needle).toEqual({
        uri: file === ACME ? ACME_URI : ROSTER_URI,
        range: { start, end: { line: start.line, character: start.character + name.length } },
      });
    }
  });

  it("goes from the imported file back to the entry's record fields", () => {
    const at = positionOf(rosterText, "hash(id)", "hash(".length);
    const id = positionOf(acmeText, "  id:", 2);
    expect(definition(ws(), ROSTER, at)).toEqual({ uri: ACME_URI, range: { start: id, end: { line: id.line, character: id.character + 2 } } });
  });
});

describe("references", () => {
  it("finds every use in both files, with or without the declaration", () => {
    const at = positionOf(acmeText, "assign na_queue", "assign ".length);
    const expected = [
      { uri: ACME_URI, range: rangeOf(acmeText, "na_queue") },
      { uri: ROSTER_URI, range: rangeOf(rosterText, "na_queue", 0) },
      { uri: ROSTER_URI, range: rangeOf(rosterText, "na_queue", 1) },
    ];
    expect(sorted(references(ws(), ACME, at, true))).toEqual(sorted(expected));
    expect(sorted(references(ws(), ACME, at, false))).toEqual(sorted(expected.filter((l) => l.range.start.line !== rangeOf(rosterText, "queue na_queue").start.line)));
  });

  it("finds a territory in the paths that name it", () => {
    const refs = references(ws(), ACME, positionOf(acmeText, 'territory west "West"', "territory ".length), false);
    const use = positionOf(acmeText, "na.west.west_ent", "na.".length);
    expect(refs.map((r) => r.range)).toEqual([{ start: use, end: { line: use.line, character: use.character + 4 } }]);
  });
});

describe("rename", () => {
  it("renames a rep's declaration and uses in both files", () => {
    const edit = rename(ws(), ACME, positionOf(acmeText, "assign carol", "assign ".length), "caroline");
    expect(applyEdits(acmeText, editsFor(edit, ACME_URI))).toBe(acmeText.replace("assign carol", "assign caroline"));
    expect(applyEdits(rosterText, editsFor(edit, ROSTER_URI))).toBe(
      rosterText.replace('rep carol "Carol Singh"', 'rep caroline "Carol Singh"').replace("members erin, carol", "members erin, caroline"),
    );
  });

  it("renames a territory in its declaration and in every path", () => {
    const edit = rename(ws(), ACME, positionOf(acmeText, "na.east", "na.".length), "eastern");
    const out = applyEdits(acmeText, editsFor(edit, ACME_URI));
    expect(out).toContain('territory eastern "East"');
    expect(out).toContain("expect territory na.eastern");
    expect(editsFor(edit, ROSTER_URI)).toEqual([]);
  });

  it("renames a dotted field everywhere it is used", () => {
    const edit = rename(ws(), ACME, positionOf(acmeText, "account.owner is set", 1), "account.manager");
    const out = applyEdits(acmeText, editsFor(edit, ACME_URI));
    expect(out).not.toContain("account.owner");
    expect(out.match(/account\.manager/g)).toHaveLength(4); // declaration, condition, assign, given
  });

  it("renames sets, segments and overrides at their uses and declarations", () => {
    const cases: [string, number, string, string][] = [
      ["region in west_states", "region in ".length, "west_states", "western_states"],
      ["when enterprise", "when ".length, "enterprise", "large_accounts"],
      ["via override keep_owner", "via override ".length, "keep_owner", "account_owner_keeps"],
    ];
    for (const [needle, delta, old, name] of cases) {
      const edit = rename(ws(), ACME, positionOf(acmeText, needle, delta), name);
      const out = applyEdits(acmeText, editsFor(edit, ACME_URI));
      expect(out, old).toBe(acmeText.replace(new RegExp(`\\b${old}\\b`, "g"), name));
    }
  });

  it("renames a team from its declaration in the imported file", () => {
    const edit = rename(ws(), ROSTER, positionOf(rosterText, "team east_ae", "team ".length), "east_team");
    expect(applyEdits(acmeText, editsFor(edit, ACME_URI))).toBe(acmeText.replace("assign east_ae", "assign east_team"));
    expect(applyEdits(rosterText, editsFor(edit, ROSTER_URI))).toBe(rosterText.replace("team east_ae", "team east_team"));
  });

  it("prepares a rename on a name and refuses one elsewhere", () => {
    expect(prepareRename(ws(), ACME, positionOf(acmeText, "assign dana", "assign ".length)))
      .toEqual({ range: rangeOf(acmeText, "dana"), placeholder: "dana" });
    expect(prepareRename(ws(), ACME, positionOf(acmeText, "territories first"))).toBeNull();
  });

  it("refuses a name that is taken, a keyword, or not a name, with a clear message", () => {
    const at = positionOf(acmeText, "assign carol", "assign ".length);
    const refused = (name: string, pattern: RegExp, file = ACME, position = at) => {
      let error: unknown;
      try {
        rename(ws(), file, position, name);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(ResponseError);
      expect((error as ResponseError<void>).message).toMatch(pattern);
    };
    refused("bob", /`bob` is already the name of a rep/);
    refused("west_ae", /`west_ae` is already the name of a team/);
    refused("enterprise", /already the name of a segment/);
    refused("territory", /`territory` is a keyword/);
    refused("2carol", /not a valid name/);
    refused("carol smith", /not a valid name/);
    refused("account", /`account` would clash with the field `account\./, ACME, positionOf(acmeText, "email_domain:"));
    refused("employees", /already the name of a field/, ACME, positionOf(acmeText, "email_domain:"));
  });
});
