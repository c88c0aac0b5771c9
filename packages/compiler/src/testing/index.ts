// Running a ruleset's tests and measuring their coverage (SPEC 2.8); shared by the CLI and the language server.
export { runTests, runTest, todayUtc } from "./run-tests.js";
export { CoverageCollector } from "./coverage.js";
export { checkExpect, ownerLabel } from "./expectations.js";
export type * from "./types.js";
