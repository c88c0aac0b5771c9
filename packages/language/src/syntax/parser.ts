// The Carve grammar as a Chevrotain CstParser (SPEC 2.2–2.4, 2.8). Rules build a CST only; every
// meaning (AST, duplicate clauses, keyword-as-name) is derived afterwards in the build-* files,
// because Chevrotain records rules once with fake tokens and semantics inside rules would break it.
// grammar/carve.ebnf mirrors these rules: change both together.
import { CstParser, EOF, tokenMatcher, type CstNode, type IToken } from "chevrotain";
import * as T from "./tokens.js";
import { messageProvider } from "./messages.js";

/** Tokens that may follow a declaration name when a reserved word is (wrongly) used as one. */
const AFTER_NAME = [T.StringLit, T.LBrace, T.Equals, T.Colon, T.Dot, T.Comma, T.RParen];

export class CarveParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: messageProvider,
      // The grammar is LL(1) (with a few gates for contextual words); keep it that way.
      maxLookahead: 1,
    });
    this.performSelfAnalysis();
  }

  /** A reserved word is taken as a name only when what follows shows it is one (CARVE005 later). */
  private keywordAsName(): boolean {
    const next = this.LA(2);
    return AFTER_NAME.some((t) => tokenMatcher(next, t));
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
  declName = this.RULE("declName", () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Identifier) },
        { GATE: () => this.keywordAsName(), ALT: () => this.CONSUME(T.Keyword) },
      ],
      ERR_MSG: "a name",
    });
  });

  /** A reference: a name, a field (`account.owner`) or a territory path (`na.west`). */
  dottedName = this.RULE("dottedName", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });

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

  dateRange = this.RULE("dateRange", () => {
    this.CONSUME(T.DateLit);
    this.CONSUME(T.DotDot);
    this.CONSUME2(T.DateLit);
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

  // ---------- conditions (SPEC 2.4): or < and < not ----------

  condition = this.RULE("condition", () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  conjunction = this.RULE("conjunction", () => {
    this.SUBRULE(this.negation);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.negation);
    });
  });

  negation = this.RULE("negation", () => {
    this.OR({
      DEF: [
        { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.negation); } },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.condition);
            this.CONSUME(T.RParen);
          },
        },
        // A name alone is a segment reference; followed by an operator it is a field test.
        { ALT: () => { this.SUBRULE(this.dottedName); this.OPTION(() => this.SUBRULE(this.fieldTest)); } },
      ],
      ERR_MSG: "a condition",
    });
  });

  fieldTest = this.RULE("fieldTest", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.CompareOp); this.SUBRULE(this.scalar); } },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.Set);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Not));
          this.OR2({
            DEF: [
              { ALT: () => { this.CONSUME(T.In); this.SUBRULE(this.inValue); } },
              { ALT: () => { this.CONSUME(T.Starts); this.CONSUME(T.With); this.SUBRULE(this.stringValue); } },
              { ALT: () => { this.CONSUME(T.Ends); this.CONSUME2(T.With); this.SUBRULE2(this.stringValue); } },
              { ALT: () => { this.CONSUME(T.Contains); this.SUBRULE3(this.stringValue); } },
            ],
            ERR_MSG: "`in`, `starts with`, `ends with` or `contains`",
          });
        },
      },
    ]);
  });

  inValue = this.RULE("inValue", () => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.rangeOrScalar) },
      ],
      ERR_MSG: "a list, a range or a set name",
    });
  });

  stringValue = this.RULE("stringValue", () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.StringLit) },
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.CONSUME(T.Identifier) },
      ],
      ERR_MSG: "a string, a list or a set name",
    });
  });

  // ---------- literals ----------

  literal = this.RULE("literal", () => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.rangeOrScalar) },
      ],
      ERR_MSG: "a value",
    });
  });

  rangeOrScalar = this.RULE("rangeOrScalar", () => {
    this.SUBRULE(this.scalar);
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE2(this.scalar);
    });
  });

  list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.MANY(() => {
      this.SUBRULE(this.scalar);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });

  scalar = this.RULE("scalar", () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.StringLit) },
        { ALT: () => this.CONSUME(T.NumberLit) },
        { ALT: () => this.CONSUME(T.DateLit) },
        { ALT: () => this.CONSUME(T.CodeLit) },
        { ALT: () => this.CONSUME(T.True) },
        { ALT: () => this.CONSUME(T.False) },
        { ALT: () => this.CONSUME(T.Identifier) },
      ],
      ERR_MSG: "a value",
    });
  });

  // ---------- tests (SPEC 2.8) ----------

  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.testClause));
    this.CONSUME(T.RBrace);
  });

  testClause = this.RULE("testClause", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.As); this.CONSUME(T.Of); this.CONSUME(T.DateLit); } },
      { ALT: () => this.SUBRULE(this.givenBlock) },
      { ALT: () => this.SUBRULE(this.expectation) },
    ]);
  });

  givenBlock = this.RULE("givenBlock", () => {
    this.CONSUME(T.Given);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.givenEntry);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  givenEntry = this.RULE("givenEntry", () => {
    this.SUBRULE(this.dottedName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.literal);
  });

  expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Territory);
            this.SUBRULE(this.dottedName);
            this.OPTION(() => this.SUBRULE(this.via));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Owner);
            this.OPTION2(() => this.CONSUME(T.In));
            this.CONSUME(T.Identifier);
            this.OPTION3(() => this.SUBRULE2(this.via));
          },
        },
        { ALT: () => this.CONSUME(T.Unassigned) },
        { ALT: () => { this.CONSUME(T.Invalid); this.SUBRULE2(this.dottedName); } },
        { ALT: () => { this.CONSUME(T.Overlay); this.SUBRULE3(this.dottedName); } },
      ],
      ERR_MSG: "`territory`, `owner`, `unassigned`, `invalid` or `overlay`",
    });
  });

  via = this.RULE("via", () => {
    this.CONSUME(T.Via);
    this.OR({
      DEF: [
        { ALT: () => { this.CONSUME(T.Override); this.CONSUME(T.Identifier); } },
        { ALT: () => { this.CONSUME(T.Territory); this.SUBRULE(this.dottedName); } },
        { ALT: () => this.CONSUME(T.Otherwise) },
      ],
      ERR_MSG: "`override`, `territory` or `otherwise`",
    });
  });

  /** Parses a token vector from scratch; the instance is reused (construction is expensive). */
  parseTokens(tokens: IToken[]): CstNode {
    this.input = tokens;
    return this.file();
  }
}

let instance: CarveParser | undefined;
/** The one shared parser (built on first use: performSelfAnalysis takes tens of milliseconds). */
export function carveParser(): CarveParser {
  instance ??= new CarveParser();
  return instance;
}
