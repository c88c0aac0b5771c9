// `test` blocks (SPEC 2.8).
import { ConditionParser } from "./parser-conditions.js";
import * as T from "./tokens.js";

export class TestParser extends ConditionParser {
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
}
