// Names and literals: the grammar's leaves, shared by declarations, conditions and tests.
// The parser is split by topic into a chain of classes (base → conditions → tests → files);
// only the last one runs performSelfAnalysis. grammar/carve.ebnf mirrors the rules.
import { CstParser, tokenMatcher } from "chevrotain";
import * as T from "./tokens.js";
import { messageProvider } from "./messages.js";

/** Tokens that may follow a declaration name when a reserved word is (wrongly) used as one. */
const AFTER_NAME = [T.StringLit, T.LBrace, T.Equals, T.Colon, T.Dot, T.Comma, T.RParen];

export class BaseParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: messageProvider,
      // The grammar is LL(1) (with a few gates for contextual words); keep it that way.
      maxLookahead: 1,
    });
  }

  /** A reserved word is taken as a name only when what follows shows it is one (CARVE005 later). */
  protected keywordAsName(): boolean {
    const next = this.LA(2);
    return AFTER_NAME.some((t) => tokenMatcher(next, t));
  }

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

  dateRange = this.RULE("dateRange", () => {
    this.CONSUME(T.DateLit);
    this.CONSUME(T.DotDot);
    this.CONSUME2(T.DateLit);
  });

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
    this.CONSUME(T.Scalar);
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.CONSUME2(T.Scalar);
    });
  });

  list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.MANY(() => {
      this.CONSUME(T.Scalar);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });
}
