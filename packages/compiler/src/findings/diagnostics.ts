// Turns analysis findings (which speak of territory, group and override indexes) into diagnostics
// with source ranges, messages that name the fix, related locations and witness records.
import { makeDiagnostic, type Diagnostic, type Program, type Range } from "@carve/language";
import type { Artifact } from "@carve/runtime";
import type { Finding } from "../analysis/index.js";
import { CompilerCodes } from "../catalogue.js";
import type { SourceMap } from "../lower/plan.js";
import { periodText, witnessText } from "./witness-text.js";

type Body = Omit<Artifact, "hash">;

export function findingDiagnostics(findings: readonly Finding[], body: Body, map: SourceMap, program: Program): Diagnostic[] {
  const terr = (i: number) => map.territories[i];
  const name = (i: number) => `\`${body.territories[i].name}\``;
  const at = (i: number): [string, Range] => [terr(i).file, terr(i).decl.name.range];
  const related = (i: number, message: string) => ({ file: terr(i).file, range: terr(i).decl.name.range, message });
  const wt = (w: Record<string, unknown> | undefined) => (w ? witnessText(w, body.schema) : "");
  const out: Diagnostic[] = [];

  const groupRange = (g: number): [string, Range] => {
    const src = map.groups[g];
    if (src.block) return [src.file, { start: src.block.range.start, end: src.block.policyRange.end }];
    return [src.file, { start: 0, end: 0 }];
  };

  for (const f of findings) {
    switch (f.kind) {
      case "overlap": {
        const [file, range] = at(f.b);
        out.push(makeDiagnostic(CompilerCodes.Overlap, file, range,
          `${name(f.a)} and ${name(f.b)} both match e.g. ${wt(f.witness)}${periodText(f.period)}`, {
            help: "in a `unique` group exactly one territory may match: make their conditions exclusive, or use `territories first` if order should decide",
            related: [related(f.a, `${name(f.a)} is declared here`)],
            witness: f.witness,
          }));
        break;
      }
      case "shadowed": {
        const [file, range] = at(f.territory);
        const by = f.takenBy ?? f.by[0];
        const msg = f.by.length === 0
          ? `${name(f.territory)} can never match: no record that reaches its group satisfies its condition${periodText(f.period)}`
          : `${name(f.territory)} can never match: every record it matches is taken by ${f.by.map(name).join(", ")} above${f.witness ? `; e.g. ${wt(f.witness)} goes to ${name(by)}` : ""}${periodText(f.period)}`;
        out.push(makeDiagnostic(CompilerCodes.Shadowed, file, range, msg, {
          help: f.by.length === 0 ? "check its condition against its parent's, or remove it" : "move it above the territories that take its records, narrow theirs, or remove it",
          related: f.by.map((b) => related(b, `${name(b)} takes its records`)),
          ...(f.witness ? { witness: f.witness } : {}),
        }));
        break;
      }
      case "shadowed-override": {
        const o = map.overrides[f.override];
        const names = f.by.map((b) => `\`${body.overrides[b].name}\``);
        out.push(makeDiagnostic(CompilerCodes.ShadowedOverride, o.file, o.decl.name.range,
          `override \`${body.overrides[f.override].name}\` can never apply: every record it matches is taken by ${names.join(", ")} first${f.witness ? `; e.g. ${wt(f.witness)}` : ""}${periodText(f.period)}`, {
            help: "overrides apply in declaration order: move it earlier, narrow the earlier ones, or remove it",
            related: f.by.map((b) => ({ file: map.overrides[b].file, range: map.overrides[b].decl.name.range, message: `override \`${body.overrides[b].name}\` applies first` })),
            ...(f.witness ? { witness: f.witness } : {}),
          }));
        break;
      }
      case "gap": {
        const [file, range] = groupRange(f.group);
        if (!f.nested) {
          out.push(makeDiagnostic(CompilerCodes.Gap, file, range,
            `records like ${wt(f.witness)} match no territory and get no owner${periodText(f.period)}`, {
              help: "add `otherwise TARGET` to this block (e.g. a triage queue), or a territory that covers them",
              witness: f.witness,
            }));
        } else {
          const parent = body.groups[f.group].parent;
          const fallback = f.fallback !== undefined ? `they fall back to the assign of ${name(f.fallback)}` : "nothing up the path assigns them either";
          out.push(makeDiagnostic(CompilerCodes.NestedGap, file, range,
            `records like ${wt(f.witness)} reach ${parent !== undefined ? name(parent) : "this group"} but match none of its territories; ${fallback}${periodText(f.period)}`, {
              help: "if that is intended, nothing to do; otherwise add `otherwise TARGET` or a territory that covers them",
              witness: f.witness,
            }));
        }
        break;
      }
      case "unsatisfiable": {
        // One impossible alternative of the DNF may be an artefact of expanding `not`/`and`
        // rather than an `or` the user wrote; only a wholly unsatisfiable condition is reported.
        if (f.box !== undefined) break;
        const src = f.territory !== undefined ? terr(f.territory) : f.override !== undefined ? map.overrides[f.override] : undefined;
        if (!src) break;
        const when = src.decl.when;
        const what = f.territory !== undefined ? `territory ${name(f.territory)}` : `override \`${src.decl.name.text}\``;
        out.push(makeDiagnostic(CompilerCodes.Unsatisfiable, src.file, when ? when.range : src.decl.name.range,
          `no record can satisfy the condition of ${what}`, {
            help: "look for contradictory tests on the same field (e.g. `employees > 100 and employees < 50`)",
          }));
        break;
      }
      case "team-unavailable": {
        const sym = program.symbols.get(f.team);
        if (!sym) break;
        out.push(makeDiagnostic(CompilerCodes.TeamUnavailable, sym.file, sym.nameRange,
          `team \`${f.team}\` has no available member${periodText(f.period) || " at any time"}`, {
            help: "add a member for that period, or give the team an `overflow`",
          }));
        break;
      }
      case "unowned": {
        const [file, range] = at(f.territory);
        const target = f.target.kind === "field" ? `field \`${f.target.field}\`` : `${f.target.kind} \`${f.target.id}\``;
        out.push(makeDiagnostic(CompilerCodes.OwnerLeaves, file, range,
          `${name(f.territory)} has no available owner${periodText(f.period)}: ${target} and every fallback up the path are unavailable then`, {
            help: "assign someone for that period (a team, or a queue as `otherwise`)",
          }));
        break;
      }
      case "incomplete": {
        out.push(makeDiagnostic(CompilerCodes.AnalysisIncomplete, program.entry, { start: 0, end: 0 },
          `analysis incomplete: ${f.reason}`, { help: "the checks that finished are reported; split very large groups to let the analysis finish" }));
        break;
      }
    }
  }
  return out;
}
