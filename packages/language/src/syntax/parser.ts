// The Carve grammar as a Chevrotain CstParser (SPEC 2.2–2.4, 2.8). Rules build a CST only; every
// meaning (AST, duplicate clauses, keyword-as-name) is derived afterwards in the build-* files
// (for each territory as soon as it is parsed, early-build.ts), because Chevrotain records rules
// once with fake tokens and semantics inside rules would break it.
// grammar/carve.ebnf mirrors these rules: change both together.
import { EOF, tokenMatcher, type CstNode, type IToken } from "chevrotain";
import type { CompletedRule } from "./early-build.js";
import { TestParser } from "./parser-tests.js";
import * as T from "./tokens.js";

/** Files and declarations (SPEC 2.2, 2.3); the rules it builds on are in parser-*.ts. */
export class CarveParser extends TestParser {
  /**
   * Called with each territory and each top-level declaration the moment its CST node is complete
   * and attached to its parent (early-build.ts); parse() sets it for the length of one parse.
   */
  onComplete: ((node: CstNode, rule: CompletedRule) => void) | undefined = undefined;

  constructor(validate = false) {
    super(validate);
    // Chevrotain attaches every finished sub-rule's node to its parent here (also a partial node
    // left by an error); it is a method of its tree builder, not public API, hence the cast.
    const self = this as unknown as { cstPostNonTerminal: (node: CstNode, ruleName: string) => void };
    const attach = self.cstPostNonTerminal;
    if (typeof attach !== "function") throw new Error("chevrotain: no cstPostNonTerminal to extend");
    self.cstPostNonTerminal = function (this: CarveParser, node: CstNode, ruleName: string): void {
      attach.call(this, node, ruleName);
      if (this.onComplete !== undefined && (ruleName === "territoryDecl" || ruleName === "declaration")) this.onComplete(node, ruleName);
    };
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.declaration));
    this.CONSUME(EOF);
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.rulesetDecl) },
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.repDecl) },
      { ALT: () => this.SUBRULE(this.queueDecl) },
      { ALT: () => this.SUBRULE(this.teamDecl) },
      { ALT: () => this.SUBRULE(this.setDecl) },
      { ALT: () => this.SUBRULE(this.segmentDecl) },
      { ALT: () => this.SUBRULE(this.overrideDecl) },
      { ALT: () => this.SUBRULE(this.territoriesBlock) },
      { ALT: () => this.SUBRULE(this.overlaysBlock) },
      { ALT: () => this.SUBRULE(this.testDecl) },
    ]);
  });

  /** The name a declaration introduces. */
  rulesetDecl = this.RULE("rulesetDecl", () => {
    this.CONSUME(T.Ruleset);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLit);
  });

  recordDecl = this.RULE("recordDecl", () => {
    this.CONSUME(T.Record);
    this.SUBRULE(this.declName);
    this.CONSUME(T.LBrace);
    this.MANY({
      GATE: () => tokenMatcher(this.LA(1), T.Identifier) || this.keywordAsName(),
      DEF: () => this.SUBRULE(this.fieldDecl),
    });
    this.CONSUME(T.RBrace);
  });

  fieldDecl = this.RULE("fieldDecl", () => {
    this.SUBRULE(this.declName);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME(T.Identifier);
    });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.fieldType);
    this.OPTION(() => this.CONSUME(T.Question));
    // `key` is contextual: followed by `:` or `.` it is the next field's name.
    this.OPTION2({
      GATE: () => !tokenMatcher(this.LA(2), T.Colon) && !tokenMatcher(this.LA(2), T.Dot),
      DEF: () => this.CONSUME(T.Key),
    });
  });

  fieldType = this.RULE("fieldType", () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.TypeName) },
        {
          ALT: () => {
            this.CONSUME(T.Enum);
            this.CONSUME(T.LParen);
            // Commas are checked when the AST is built: a missing one is reported, not fatal.
            this.MANY(() => {
              this.SUBRULE(this.declName);
              this.OPTION(() => this.CONSUME(T.Comma));
            });
            this.CONSUME(T.RParen);
          },
        },
        // Any other name is an unknown type, reported with "did you mean" when the AST is built;
        // taking it here keeps the rest of the field (`?`, `key`) and the record parsing.
        { ALT: () => this.CONSUME(T.Identifier), IGNORE_AMBIGUITIES: true },
      ],
      ERR_MSG: "a field type",
    });
  });

  repDecl = this.RULE("repDecl", () => {
    this.CONSUME(T.Rep);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.repAttribute));
      this.CONSUME(T.RBrace);
    });
  });

  repAttribute = this.RULE("repAttribute", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Email); this.CONSUME(T.StringLit); } },
      { ALT: () => { this.CONSUME(T.Capacity); this.CONSUME(T.NumberLit); } },
      { ALT: () => { this.CONSUME(T.Away); this.SUBRULE(this.dateRange); } },
      { ALT: () => { this.CONSUME(T.From); this.CONSUME(T.DateLit); } },
      { ALT: () => { this.CONSUME(T.Until); this.CONSUME2(T.DateLit); } },
    ]);
  });

  queueDecl = this.RULE("queueDecl", () => {
    this.CONSUME(T.Queue);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  teamDecl = this.RULE("teamDecl", () => {
    this.CONSUME(T.Team);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.teamClause));
    this.CONSUME(T.RBrace);
  });

  teamClause = this.RULE("teamClause", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Members);
          this.SUBRULE(this.teamMember);
          // `members alice bob` parses (the missing comma is reported later); only a plain name
          // continues the list, so `strategy` after the last member still starts a clause.
          this.MANY({
            GATE: () => tokenMatcher(this.LA(1), T.Comma) || this.LA(1).tokenType === T.Identifier,
            DEF: () => {
              this.OPTION(() => this.CONSUME(T.Comma));
              this.SUBRULE2(this.teamMember);
            },
          });
        },
      },
      { ALT: () => { this.CONSUME(T.Strategy); this.SUBRULE(this.strategy); } },
      { ALT: () => { this.CONSUME(T.Overflow); this.SUBRULE(this.dottedName); } },
    ]);
  });

  teamMember = this.RULE("teamMember", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.Weight); this.CONSUME(T.NumberLit); } },
        { ALT: () => { this.CONSUME(T.From); this.CONSUME(T.DateLit); } },
        { ALT: () => { this.CONSUME(T.Until); this.CONSUME2(T.DateLit); } },
      ]);
    });
  });

  strategy = this.RULE("strategy", () => {
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Hash);
            this.CONSUME(T.LParen);
            this.SUBRULE(this.dottedName);
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.CONSUME(T.RoundRobin) },
        { ALT: () => this.CONSUME(T.LeastLoaded) },
      ],
      ERR_MSG: "a strategy (`hash(FIELD)`, `round_robin` or `least_loaded`)",
    });
  });

  setDecl = this.RULE("setDecl", () => {
    this.CONSUME(T.Set);
    this.SUBRULE(this.declName);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.list);
  });

  segmentDecl = this.RULE("segmentDecl", () => {
    this.CONSUME(T.Segment);
    this.SUBRULE(this.declName);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.condition);
  });

  overrideDecl = this.RULE("overrideDecl", () => {
    this.CONSUME(T.Override);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.ruleClause));
    this.CONSUME(T.RBrace);
  });

  /** The clauses shared by overrides and territories (a territory may also nest `territories`). */
  ruleClause = this.RULE("ruleClause", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.When); this.SUBRULE(this.condition); } },
      { ALT: () => { this.CONSUME(T.Assign); this.SUBRULE(this.dottedName); } },
      { ALT: () => { this.CONSUME(T.From); this.CONSUME(T.DateLit); } },
      { ALT: () => { this.CONSUME(T.Until); this.CONSUME2(T.DateLit); } },
    ]);
  });

  territoriesBlock = this.RULE("territoriesBlock", () => {
    this.CONSUME(T.Territories);
    this.OR([
      { ALT: () => this.CONSUME(T.First) },
      { ALT: () => this.CONSUME(T.Unique) },
    ]);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.territoryDecl));
    this.OPTION(() => {
      this.CONSUME(T.Otherwise);
      this.SUBRULE(this.dottedName);
    });
    this.CONSUME(T.RBrace);
  });

  overlaysBlock = this.RULE("overlaysBlock", () => {
    this.CONSUME(T.Overlays);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.territoryDecl));
    this.CONSUME(T.RBrace);
  });

  territoryDecl = this.RULE("territoryDecl", () => {
    this.CONSUME(T.Territory);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.ruleClause) },
        { ALT: () => this.SUBRULE(this.territoriesBlock) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  /** Parses a token vector from scratch; the instance is reused (construction is expensive). */
  parseTokens(tokens: IToken[]): CstNode {
    this.input = tokens;
    return this.file();
  }

  /**
   * Parses one territory or one top-level declaration on its own (reparse.ts): `tokens` are its
   * tokens and the two that follow it in the file, so every lookahead sees what it would in the
   * whole file; stopping before those two shows up as one NotAllInputParsedException.
   */
  parseUnit(tokens: IToken[], unit: "territory" | "declaration"): CstNode {
    this.input = tokens;
    return unit === "territory" ? this.territoryDecl() : this.declaration();
  }
}

let instance: CarveParser | undefined;
/** The one shared parser (built on first use: performSelfAnalysis takes tens of milliseconds). */
export function carveParser(): CarveParser {
  instance ??= new CarveParser();
  return instance;
}
