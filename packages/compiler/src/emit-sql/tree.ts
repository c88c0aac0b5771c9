// Steps 2, 3 and 5 of SPEC 2.6 as SQL, mirroring the runtime's evaluate.ts. Descent is a nested
// CASE whose value names where it ended: t + 1 for territory index t (the deepest match; the group
// where descent stopped follows from it), 0 for no top-level match. The owner is then a COALESCE
// of the overrides and of the chain of targets that outcome implies, each packed with its via.
import type { Artifact, Target } from "@carve/runtime";
import type { Fields } from "./columns.js";
import { boxesSql } from "./conditions.js";
import { type Bool, type Code, and, caseOf, caseWhen, codeSql, coalesce, NULL_INT, when } from "./expr.js";
import type { Owners } from "./owners.js";

interface ChainStep {
  target: Target;
  via: string;
}

export class Tree {
  constructor(
    private readonly a: Artifact,
    private readonly f: Fields,
    private readonly owners: Owners,
  ) {}

  private caseOf(subject: string, arms: { values: number[]; then: string }[], indent: string): string {
    return caseOf(subject, arms, indent, this.f.d.inList);
  }

  /** A territory's `when` and window. */
  private holds(t: number): Bool {
    const ter = this.a.territories[t];
    return and([boxesSql(ter.when, this.f), this.owners.inWindow(ter.window)]);
  }

  /** The outcome of descending from group `g`: the first child that holds (a `unique` group's too, as the runtime). */
  descent(g: number, stop: number, indent: string): string {
    const arms = this.a.groups[g].territories.map((t) => {
      const children = this.a.territories[t].children;
      return { when: this.holds(t), then: children === undefined ? String(t + 1) : this.descent(children, t + 1, `${indent}    `) };
    });
    return caseWhen(arms, String(stop), indent);
  }

  /** The territories a descent from group `g` can end on. */
  territoriesUnder(g: number): number[] {
    return this.a.groups[g].territories.flatMap((t) => {
      const children = this.a.territories[t].children;
      return [t, ...(children === undefined ? [] : this.territoriesUnder(children))];
    });
  }

  /**
   * The targets tried for an outcome, in order (evaluate.ts `resolveChain`): the `otherwise` of
   * the group where descent stopped, the assigns up the path (deepest first), then — for the main
   * tree, when descent went below the top — the top-level `otherwise`. Empty when neither that
   * `otherwise` nor any assign exists: the record is unassigned without trying the top level.
   */
  private chain(t: number, top: boolean): ChainStep[] {
    const path: number[] = [];
    for (let p: number | undefined = t < 0 ? undefined : t; p !== undefined; p = this.a.territories[p].parent) path.unshift(p);
    const stop = t < 0 ? 0 : (this.a.territories[t].children ?? -1);
    const steps: ChainStep[] = [];
    const otherwise = stop >= 0 ? this.a.groups[stop].otherwise : undefined;
    if (otherwise) steps.push({ target: otherwise, via: "otherwise" });
    for (let i = path.length - 1; i >= 0; i--) {
      const assign = this.a.territories[path[i]].assign;
      if (assign) steps.push({ target: assign, via: `territory ${this.a.territories[path[i]].id}` });
    }
    if (steps.length === 0) return steps;
    const topOtherwise = this.a.groups[0].otherwise;
    if (top && topOtherwise && stop !== 0) steps.push({ target: topOtherwise, via: "otherwise" });
    return steps;
  }

  /** owner + via × owners, NULL when unassigned: the overrides first, then the outcome's chain. */
  decisionCode(outcome: string, indent: string): Code {
    const overrides = this.a.overrides.map((o) =>
      when(and([boxesSql(o.when, this.f), this.owners.inWindow(o.window)]), this.owners.pack(this.owners.resolve(o.target), `override ${o.name}`)),
    );
    const outcomes = [-1, ...this.territoriesUnder(0)];
    const byOutcome = outcomes.map((t) => ({
      value: t + 1,
      code: coalesce(this.chain(t, true).map((s) => this.owners.pack(this.owners.resolve(s.target), s.via))),
    }));
    return coalesce([...overrides, sqlOrNull(this.caseOf(outcome, group(byOutcome), indent))]);
  }

  /** Step 5: per overlay territory, its outcome (NULL when it does not hold) and its owner code. */
  overlays(indent: string): { outcome: string; code: (column: string) => Code }[] {
    if (this.a.overlays === undefined) return [];
    return this.a.groups[this.a.overlays].territories.map((t) => {
      const children = this.a.territories[t].children;
      const then = children === undefined ? String(t + 1) : this.descent(children, t + 1, `${indent}    `);
      const reach = [t, ...(children === undefined ? [] : this.territoriesUnder(children))];
      const code = (column: string) => {
        const byOutcome = reach.map((x) => ({ value: x + 1, code: coalesce(this.chain(x, false).map((s) => this.owners.resolve(s.target))) }));
        return sqlOrNull(this.caseOf(column, group(byOutcome), indent));
      };
      return { outcome: caseWhen([{ when: this.holds(t), then }], NULL_INT, indent), code };
    });
  }
}

/** Outcomes with the same code share one CASE arm. */
function group(xs: readonly { value: number; code: Code }[]): { values: number[]; then: string }[] {
  const arms = new Map<string, number[]>();
  for (const x of xs) {
    const sql = codeSql(x.code);
    const vs = arms.get(sql);
    if (vs) vs.push(x.value);
    else arms.set(sql, [x.value]);
  }
  return [...arms].map(([then, values]) => ({ values, then }));
}

function sqlOrNull(sql: string): Code {
  return sql === NULL_INT ? null : { sql };
}
