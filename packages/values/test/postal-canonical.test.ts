// isCanonicalPostal is the runtime's shortcut past normalizePostal: it must accept exactly the
// codes normalizePostal leaves as they are (else a record would be normalised differently), and
// canonicalPostalDigits must be postalDigits on them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalPostalDigits, isCanonicalPostal, normalizePostal, postalDigits, postalRule, trimmedCanonicalPostal } from "../src/index.js";

const COUNTRIES = [undefined, "US", "PR", "CA", "GB", "DE", "FR", "NL", "JP", "BR"];
// Characters postal codes are made of, plus the ones normalisation changes or rejects.
const CHARS = "0123456789ABCEGHJKLMNPRSTVWXYZDFIOQU abcz-\t.".split("");
const code = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 13 }).map((a) => a.join("")),
  // shapes near the real ones, so the property reaches the accepting branches often
  fc.tuple(fc.stringMatching(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/), fc.constantFrom(" ", "", "  "), fc.stringMatching(/^[0-9][A-Z]{2}$/)).map(([a, b, c]) => a + b + c),
  fc.tuple(fc.stringMatching(/^[A-Z][0-9][A-Z]$/), fc.constantFrom(" ", ""), fc.stringMatching(/^[0-9][A-Z][0-9]$/)).map(([a, b, c]) => a + b + c),
  fc.tuple(fc.stringMatching(/^[0-9]{5}$/), fc.constantFrom("", "-", " "), fc.stringMatching(/^[0-9]{0,4}$/)).map(([a, b, c]) => a + b + c),
);

describe("isCanonicalPostal", () => {
  it("accepts a code exactly when normalizePostal leaves it unchanged, for every rule", () => {
    let accepted = 0;
    fc.assert(
      fc.property(code, fc.constantFrom(...COUNTRIES), (s, country) => {
        const r = normalizePostal(s, country);
        const unchanged = r.ok && r.value === s;
        expect(isCanonicalPostal(s, postalRule(country)), `${JSON.stringify(s)} in ${country}`).toBe(unchanged);
        if (unchanged) {
          accepted++;
          expect(canonicalPostalDigits(s)).toBe(postalDigits(s));
        }
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(1000); // the property must reach the accepting side too
  });

  it("trimmedCanonicalPostal, when it answers, answers as normalizePostal does", () => {
    let answered = 0;
    const padded = fc.tuple(fc.constantFrom("", " ", "\t"), code, fc.constantFrom("", " ", " \n")).map(([a, b, c]) => a + b.toLowerCase() + c);
    fc.assert(
      fc.property(fc.oneof(code, padded), fc.constantFrom(...COUNTRIES), (s, country) => {
        const quick = trimmedCanonicalPostal(s, postalRule(country));
        if (quick === undefined) return;
        answered++;
        expect(normalizePostal(s, country), `${JSON.stringify(s)} in ${country}`).toEqual({ ok: true, value: quick });
      }),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
    expect(trimmedCanonicalPostal(" m5v 2t6 ", postalRule("CA"))).toBe("M5V 2T6");
    expect(trimmedCanonicalPostal("m5v2t6", postalRule("CA"))).toBe("M5V 2T6");
    expect(trimmedCanonicalPostal("cb29ud", postalRule("GB"))).toBe("CB2 9UD");
    expect(trimmedCanonicalPostal("941051234", postalRule("US"))).toBe("94105-1234");
    expect(trimmedCanonicalPostal(" 94105 1234", postalRule("US"))).toBe("94105-1234");
    expect(trimmedCanonicalPostal("M5V  2T6", postalRule("CA"))).toBeUndefined(); // two spaces: the general rule collapses them
  });

  it("knows the canonical forms of each rule", () => {
    expect(isCanonicalPostal("94105-1234", postalRule("US"))).toBe(true);
    expect(isCanonicalPostal("941051234", postalRule("US"))).toBe(false);
    expect(isCanonicalPostal("M5V 2T6", postalRule("CA"))).toBe(true);
    expect(isCanonicalPostal("M5V2T6", postalRule("CA"))).toBe(false);
    expect(isCanonicalPostal("SW1A 1AA", postalRule("GB"))).toBe(true);
    expect(isCanonicalPostal("GIR 0AA", postalRule("GB"))).toBe(true);
    expect(isCanonicalPostal("10115", postalRule("DE"))).toBe(true);
    expect(isCanonicalPostal("1011 AB", postalRule("NL"))).toBe(true);
    expect(isCanonicalPostal("1011  AB", postalRule("NL"))).toBe(false);
    expect(canonicalPostalDigits("1011 A-B")).toBe("1011AB");
  });
});
