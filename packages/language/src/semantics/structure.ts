// The declarations a ruleset has a fixed number of: `ruleset` (once, in the entry file), `record`
// (once), a top-level `territories` block (once) and `overlays` (at most once).
import type { OverlaysBlock, RecordDecl, RulesetDecl, SourceFile, TerritoriesBlock } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import { Codes } from "../diagnostics/catalogue.js";
import { report, type Sema } from "./context.js";
import { baseName } from "./load.js";

export interface Structure {
  ruleset?: RulesetDecl;
  record?: { decl: RecordDecl; file: string };
  territories?: TerritoriesBlock;
  overlays?: OverlaysBlock;
}

const keywordRange = (r: Range, keyword: string): Range => ({ start: r.start, end: Math.min(r.end, r.start + keyword.length) });

export function checkStructure(s: Sema, files: SourceFile[], entryReadable: boolean): Structure {
  const out: Structure = {};
  const entry = files[0];
  let firstRecord: { file: string; range: Range } | undefined;
  let firstTerritories: { file: string; range: Range } | undefined;
  let firstOverlays: { file: string; range: Range } | undefined;
  let firstRuleset: Range | undefined;

  for (const file of files) {
    for (const item of file.items ?? []) {
      if (!item) continue;
      switch (item.kind) {
        case "Ruleset": {
          const at = item.name?.range ?? keywordRange(item.range, "ruleset");
          if (file !== entry) {
            report(s, Codes.ExtraRuleset, file.uri, at,
              `\`${baseName(file.uri)}\` is imported, so it cannot declare a \`ruleset\``, {
                help: `remove this line: the ruleset is declared in the entry file \`${baseName(entry.uri)}\``,
              });
          } else if (firstRuleset) {
            report(s, Codes.ExtraRuleset, file.uri, at, "a second `ruleset` declaration", {
              help: "keep one `ruleset` line per entry file",
              related: [{ file: file.uri, range: firstRuleset, message: "the first `ruleset` is here" }],
            });
          } else {
            firstRuleset = at;
            out.ruleset = item;
          }
          break;
        }
        case "Record": {
          const at = item.name?.range ?? keywordRange(item.range, "record");
          if (firstRecord) {
            report(s, Codes.ExtraRecord, file.uri, at, "a second `record` declaration: a ruleset has exactly one record", {
              help: "merge the fields into the first record",
              related: [{ ...firstRecord, message: "the first `record` is here" }],
            });
          } else {
            firstRecord = { file: file.uri, range: at };
            out.record = { decl: item, file: file.uri };
          }
          break;
        }
        case "Territories": {
          const at = { start: item.range.start, end: item.policyRange?.end ?? item.range.start + "territories".length };
          if (firstTerritories) {
            report(s, Codes.ExtraTerritories, file.uri, at, "a second top-level `territories` block", {
              help: "put every top-level territory in one `territories` block",
              related: [{ ...firstTerritories, message: "the first `territories` block is here" }],
            });
          } else {
            firstTerritories = { file: file.uri, range: at };
            out.territories = item;
          }
          break;
        }
        case "Overlays": {
          const at = keywordRange(item.range, "overlays");
          if (firstOverlays) {
            report(s, Codes.ExtraOverlays, file.uri, at, "a second `overlays` block", {
              help: "put every overlay territory in one `overlays` block",
              related: [{ ...firstOverlays, message: "the first `overlays` block is here" }],
            });
          } else {
            firstOverlays = { file: file.uri, range: at };
            out.overlays = item;
          }
          break;
        }
        default:
          break;
      }
    }
  }

  // Missing declarations: only when the entry file could be read (else that is the one error).
  if (entryReadable && entry) {
    const top: Range = { start: 0, end: 0 };
    const where = out.ruleset?.name?.range ?? top;
    const named = out.ruleset?.name?.text ? `ruleset \`${out.ruleset.name.text}\`` : "this ruleset";
    if (!out.ruleset) {
      report(s, Codes.MissingRuleset, entry.uri, top, `\`${baseName(entry.uri)}\` declares no \`ruleset\``, {
        help: "start the entry file with `ruleset NAME \"label\"`, e.g. `ruleset acme \"Acme territory plan\"`",
      });
    }
    if (!out.record) {
      report(s, Codes.MissingRecord, entry.uri, where, `${named} declares no \`record\``, {
        help: "declare the fields records have, e.g. `record Lead { id: string key  country: country }`",
      });
    }
    if (!out.territories) {
      report(s, Codes.MissingTerritories, entry.uri, where, `${named} has no top-level \`territories\` block`, {
        help: "add `territories first { territory NAME { when … assign … }  otherwise TARGET }`",
      });
    }
  }
  return out;
}
