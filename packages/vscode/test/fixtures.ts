// Carve documents the tests open in the bundled server.

// `country in [Germny, AT]`: the bundled server must parse and check the file, and the "did you
// mean" needs the country names the values package imports as JSON.
export const misspeltCountry = [
  "ruleset t",
  "record Lead {",
  "  id:      string key",
  "  country: country",
  "}",
  'rep bob "Bob Smith"',
  "territories first {",
  '  territory dach "DACH" {',
  "    when country in [Germny, AT]",
  "    assign bob",
  "  }",
  "}",
].join("\n");

// Two tests, one passing and one failing (its expectation is on line 22), and a territory that
// only large German or Austrian leads match.
export const rulesWithTests = [
  "ruleset t",
  "record Lead {",
  "  id:        string key",
  "  country:   country",
  "  employees: int",
  "}",
  'rep bob "Bob Smith"',
  "queue triage",
  "territories first {",
  '  territory dach "DACH" {',
  "    when country in [DE, AT] and employees >= 100",
  "    assign bob",
  "  }",
  "  otherwise triage",
  "}",
  'test "big german lead goes to bob" {',
  '  given { id: "L-1", country: DE, employees: 500 }',
  "  expect owner bob",
  "}",
  'test "small lead" {',
  '  given { id: "L-2", country: DE, employees: 5 }',
  "  expect owner bob",
  "}",
].join("\n");
