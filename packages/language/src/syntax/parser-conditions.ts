// Conditions (SPEC 2.4): or < and < not, parentheses, segment references and field tests.
import { BaseParser } from "./parser-base.js";
import * as T from "./tokens.js";

export class ConditionParser extends BaseParser {
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
        // A name alone is a segment reference; followed by an operator it is a field test. The
        // field's dotted name is spelled out (not a dottedName sub-rule): fewer CST nodes, faster.
        {
          ALT: () => {
            this.CONSUME(T.Identifier);
            this.MANY(() => {
              this.CONSUME(T.Dot);
              this.CONSUME2(T.Identifier);
            });
            this.OPTION(() => this.SUBRULE(this.fieldTest));
          },
        },
      ],
      ERR_MSG: "a condition",
    });
  });

  fieldTest = this.RULE("fieldTest", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.CompareOp); this.CONSUME(T.Scalar); } },
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
}
