// What running a ruleset's tests produces (SPEC 2.8): per test, every expectation with what was
// expected and what the decision had; and, on request, branch coverage. Plain data, so the CLI can
// print it and the language server can turn it into code lenses.
import type { Range } from "@carve/language";
import type { Decision } from "@carve/runtime";

export type ExpectationKind = "territory" | "owner" | "owner-in" | "via" | "unassigned" | "invalid" | "overlay";

export interface ExpectationResult {
  kind: ExpectationKind;
  /** what the test expects, e.g. "owner bob", "via override keep_owner", "invalid country" */
  expected: string;
  /** what the decision has, in the same words, e.g. "owner erin (team east_ae)" */
  actual: string;
  passed: boolean;
  /** the `expect …` clause in the test's file (both parts of `… via …` share it) */
  range: Range;
  /** 1-based line of the clause */
  line: number;
}

/** Where a test's date comes from: its own `as of`, the runner's option, or today (UTC). */
export type AsOfSource = "test" | "option" | "today";

export interface TestResult {
  name: string;
  /** the file the test is written in, as the program names it */
  file: string;
  /** the whole `test` block */
  range: Range;
  /** 1-based line of the `test` keyword */
  line: number;
  asOf: string;
  asOfSource: AsOfSource;
  /** the input record built from `given`, as the runtime received it */
  record: Record<string, unknown>;
  passed: boolean;
  /** one per expectation, `… via …` counting as two (the owner or territory, then the via) */
  expectations: ExpectationResult[];
  /** evaluated with `explain: true`, as a dry run (no round_robin counter moves) */
  decision: Decision;
}

export interface CoveredItem {
  /** territory id ("na.west") or override name */
  id: string;
  label?: string;
  file: string;
  line: number;
  /** names of the tests that reached it (matched and in effect), in test order */
  tests: string[];
}

export interface TerritoryCoverage extends CoveredItem {
  /** declared in the `overlays` block */
  overlay: boolean;
}

export interface ConditionCoverage {
  /** index into Artifact.conditions */
  condition: number;
  /** the test as written, e.g. "employees >= 1000" */
  text: string;
  file: string;
  line: number;
  seenTrue: boolean;
  seenFalse: boolean;
}

export interface Coverage {
  territories: TerritoryCoverage[];
  overrides: CoveredItem[];
  conditions: ConditionCoverage[];
  summary: {
    territories: { reached: number; total: number };
    overrides: { reached: number; total: number };
    /** each condition has two branches: seen true and seen false */
    branches: { covered: number; total: number };
  };
}

export interface TestReport {
  ruleset: string;
  /** the date used by tests without `as of` */
  asOf: string;
  tests: TestResult[];
  passed: number;
  failed: number;
  coverage?: Coverage;
}

export interface RunTestsOptions {
  /** the date for tests without their own `as of` (YYYY-MM-DD); default: today, UTC */
  asOf?: string;
  /** also compute coverage (evaluates each test's record once more) */
  coverage?: boolean;
  /** run only the tests this returns true for (e.g. the one under a code lens) */
  select?: (name: string, index: number) => boolean;
}
