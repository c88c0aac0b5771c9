// Command names on both sides. The palette commands get names of their own because the language
// client registers every command the server advertises under the server's name, and VS Code
// refuses a second registration of the same name.

/** The palette commands this extension contributes (package.json `contributes.commands`). */
export const clientCommands = {
  runTests: "carve.runTests",
  explainRecord: "carve.explainRecord",
  showCompiledTable: "carve.showCompiledTable",
} as const;

/** The language server's `workspace/executeCommand` commands. */
export const serverCommands = {
  runTest: "carve.runTest",
  explain: "carve.explain",
  showCompiled: "carve.showCompiled",
} as const;
