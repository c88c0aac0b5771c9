// The manifest and the code agree: VS Code only shows the commands package.json contributes and
// only activates on the events it lists, while the code registers by the names in src/ids.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientCommands, serverCommands } from "../src/ids.js";

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));

describe("package.json", () => {
  it("contributes exactly the palette commands the extension registers", () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(contributed).toEqual(Object.values(clientCommands).sort());
  });

  it("gives no palette command a server command's name (the language client registers those)", () => {
    const server = new Set<string>(Object.values(serverCommands));
    expect(Object.values(clientCommands).filter((c) => server.has(c))).toEqual([]);
  });

  it("activates on Carve files and points at the bundled entry", () => {
    expect(manifest.activationEvents).toEqual(["onLanguage:carve"]);
    expect(manifest.main).toBe("./dist/extension.cjs");
    expect(manifest.contributes.languages).toEqual([
      expect.objectContaining({ id: "carve", extensions: [".carve"], configuration: "./language-configuration.json" }),
    ]);
    expect(manifest.contributes.grammars).toEqual([
      { language: "carve", scopeName: "source.carve", path: "./syntaxes/carve.tmLanguage.json" },
    ]);
  });

  it("declares the same VS Code version the API types describe", () => {
    // vsce refuses @types/vscode newer than engines.vscode; older would let newer APIs slip in.
    const types = manifest.devDependencies["@types/vscode"].replace(/^[~^]/, "");
    expect(manifest.engines.vscode.replace(/^[~^]/, "")).toBe(types);
  });
});
