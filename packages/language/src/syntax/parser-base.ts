// Names and literals: the grammar's leaves, shared by declarations, conditions and tests.
// The parser is split by topic into a chain of classes (base → conditions → tests → files);
// only the last one runs performSelfAnalysis. grammar/carve.ebnf mirrors the rules.
import { CstParser, tokenMatcher, type CstNodeLocation, type IToken } from "chevrotain";
import * as T from "./tokens.js";
import { messageProvider } from "./messages.js";

/** Tokens that may follow a declaration name when a reserved word is (wrongly) used as one. */
const AFTER_NAME = [T.StringLit, T.LBrace, T.Equals, T.Colon, T.Dot, T.Comma, T.RParen];

/**
 * Chevrotain's `setNodeLocationOnlyOffset` with the token's inclusive end computed, not read: the
 * first real token sets both ends, later ones only move the end; tokens inserted by recovery
 * (NaN offset, empty image) change nothing.
 */
function extendByToken(loc: CstNodeLocation, t: IToken): void {
  const end = t.startOffset + t.image.length - 1;
  if (Number.isNaN(loc.startOffset)) {
    loc.startOffset = t.startOffset;
    loc.endOffset = end;
  } else if ((loc.endOffset as number) < end) {
    loc.endOffset = end;
  }
}

export class BaseParser extends CstParser {
  /**
   * `validate`: run Chevrotain's grammar checks (ambiguities, left recursion, …). They cost a
   * quarter of the parser's construction, paid by every process that parses; the grammar is
   * fixed, so only a test (syntax-grammar.test.ts) runs them.
   */
  constructor(validate = false) {
    super(T.allTokens, {
      skipValidations: !validate,
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: messageProvider,
      // The grammar is LL(1) (with a few gates for contextual words); keep it that way.
      maxLookahead: 1,
    });
    // Tokens carry no `endOffset` (tokens.ts: lexing with "onlyOffset" positions is three times
    // faster than "full"), so the CST node locations Chevrotain keeps while recovery is enabled
    // take a token's end from its image instead. Chevrotain 11 assigns this hook per instance in
    // its constructor; every AST range comes from these locations, so the tests see any change.
    const self = this as unknown as { setNodeLocationFromToken: (loc: CstNodeLocation, t: IToken) => void };
    if (typeof self.setNodeLocationFromToken !== "function") throw new Error("chevrotain: no setNodeLocationFromToken to replace");
    self.setNodeLocationFromToken = extendByToken;
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
