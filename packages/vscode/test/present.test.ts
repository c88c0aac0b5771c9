import { describe, expect, it } from "vitest";
import { describe as describeResult, describeTests, errorMessage, parseRecord } from "../src/present.js";

describe("parseRecord", () => {
  it("takes a JSON object", () => {
    expect(parseRecord('{"country": "US", "employees": 50}')).toEqual({ record: { country: "US", employees: 50 } });
  });

  it("explains text that is not JSON", () => {
    const r = parseRecord("{country: US}");
    expect("error" in r && r.error).toMatch(/^Not JSON: /);
  });

  it("refuses JSON that is not an object", () => {
    for (const t of ["[1, 2]", "null", '"US"', "42"]) {
      expect(parseRecord(t)).toEqual({ error: 'A record is a JSON object, e.g. {"country": "US", "employees": 50}' });
    }
  });
});

describe("describe", () => {
  it("shows strings as they are and `{ text }` by its text", () => {
    expect(describeResult("owner bob")).toBe("owner bob");
    expect(describeResult({ text: "owner bob\nvia na.west", decision: {} })).toBe("owner bob\nvia na.west");
  });

  it("shows anything else as indented JSON", () => {
    expect(describeResult({ territories: [{ id: "na" }] })).toBe('{\n  "territories": [\n    {\n      "id": "na"\n    }\n  ]\n}');
    expect(describeResult(null)).toBe("null");
    expect(describeResult(undefined)).toBe("undefined");
  });
});

describe("describeTests", () => {
  const pass = { name: "west goes to bob", passed: true, expectations: [{ expected: "owner bob", actual: "owner bob", passed: true, line: 3 }] };
  const fail = {
    name: "healthcare to dana",
    passed: false,
    expectations: [
      { expected: "territory healthcare", actual: "territory healthcare", passed: true, line: 8 },
      { expected: "owner dana", actual: "owner erin (team east_ae)", passed: false, line: 9 },
    ],
  };

  it("lists each test, the failed expectations with their lines, and the counts", () => {
    expect(describeTests([pass, fail])).toBe(
      ["PASS west goes to bob", "FAIL healthcare to dana", "  expected owner dana, got owner erin (team east_ae) (line 9)", "1 passed, 1 failed"].join("\n"),
    );
  });

  it("reads one result, or a report holding them in `results` or `tests`", () => {
    expect(describeTests(pass)).toBe("PASS west goes to bob\n1 passed, 0 failed");
    expect(describeTests({ results: [fail] })).toContain("0 passed, 1 failed");
    expect(describeTests({ tests: [pass, pass] })).toContain("2 passed, 0 failed");
    expect(describeTests({ results: [] })).toBe("No tests.");
  });

  it("falls back to the general form for shapes it does not know", () => {
    expect(describeTests("3 tests passed")).toBe("3 tests passed");
    expect(describeTests({ summary: 1 })).toBe('{\n  "summary": 1\n}');
  });
});

describe("errorMessage", () => {
  it("takes the message of errors and error-like objects", () => {
    expect(errorMessage(new Error("no ruleset in file"))).toBe("no ruleset in file");
    expect(errorMessage({ code: -32603, message: "internal" })).toBe("internal");
    expect(errorMessage("plain")).toBe("plain");
  });
});
