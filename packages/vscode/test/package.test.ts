// The extension as CI builds it (SPEC 4: "the client starting the bundled server, packaged as a
// .vsix"): packaging succeeds without prompts, the .vsix holds what VS Code loads and nothing else,
// the extension bundle needs nothing but `vscode`, and the bundled server speaks LSP with the whole
// compiler and its reference data inside.
import AdmZip from "adm-zip";
import { execFile } from "node:child_process";
import Module, { builtinModules, createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { decisionText } from "../src/decision-text.js";
import { serverCommands } from "../src/ids.js";
import { describe as describeResult, describeTests, errorMessage } from "../src/present.js";
import { misspeltCountry, rulesWithTests } from "./fixtures.js";
import { startLspChild, type LspChild } from "./lsp-child.js";

const pkgDir = join(import.meta.dirname, "..");
const vsixPath = join(pkgDir, "carve-vscode.vsix");
const extensionPath = join(pkgDir, "dist", "extension.cjs");
const serverPath = join(pkgDir, "dist", "server.cjs");

beforeAll(async () => {
  // The same script as `pnpm vsix`, in its own process as CI would run it (no standard input).
  await promisify(execFile)(process.execPath, [join(pkgDir, "scripts", "package.mjs")], { cwd: pkgDir, timeout: 170_000 });
}, 180_000);

describe("carve-vscode.vsix", () => {
  it("holds the bundles, the grammar, the language configuration and the manifest, and no sources", () => {
    const entries = new AdmZip(vsixPath).getEntries().map((e) => e.entryName).sort();
    expect(entries).toEqual([
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/dist/extension.cjs",
      "extension/dist/server.cjs",
      "extension/language-configuration.json",
      "extension/package.json",
      "extension/readme.md",
      "extension/syntaxes/carve.tmLanguage.json",
    ]);
  });

  it("ships a manifest whose entry points and contributions name files inside the package", () => {
    const zip = new AdmZip(vsixPath);
    const manifest = JSON.parse(zip.readAsText("extension/package.json"));
    const inside = (p: string) => zip.getEntry(join("extension", p)) !== null;
    expect(inside(manifest.main)).toBe(true);
    for (const g of manifest.contributes.grammars) expect(inside(g.path), g.path).toBe(true);
    for (const l of manifest.contributes.languages) expect(inside(l.configuration), l.configuration).toBe(true);
    const grammar = JSON.parse(zip.readAsText("extension/syntaxes/carve.tmLanguage.json"));
    expect(grammar.scopeName).toBe(manifest.contributes.grammars[0].scopeName);
  });
});

describe("dist/extension.cjs", () => {
  it("loads with only `vscode` and Node's own modules outside the bundle, and exports activate and deactivate", () => {
    // Each `vscode` member the language client touches while loading (it subclasses a few
    // classes) is a bare class: enough to load, and loading is all this checks.
    const classes = new Map<string, unknown>();
    const vscodeStub = new Proxy({}, {
      get: (_, key) => {
        if (typeof key !== "string") return undefined;
        if (!classes.has(key)) classes.set(key, class {});
        return classes.get(key);
      },
    });
    const loader = Module as unknown as { _load: (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown };
    const original = loader._load;
    const external = new Set<string>();
    loader._load = function (request, parent, isMain) {
      if (parent?.filename === extensionPath) external.add(request);
      if (request === "vscode") return vscodeStub;
      return original.call(this, request, parent, isMain);
    };
    try {
      const ext = createRequire(import.meta.url)(extensionPath);
      expect(typeof ext.activate).toBe("function");
      expect(typeof ext.deactivate).toBe("function");
    } finally {
      loader._load = original;
    }
    const builtin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...external].filter((m) => !builtin.has(m))).toEqual(["vscode"]);
  });
});

describe("dist/server.cjs", () => {
  let server: LspChild | undefined;
  afterEach(async () => {
    await server?.kill();
    server = undefined;
  });

  for (const transport of ["ipc", "stdio"] as const) {
    it(`answers initialize over ${transport}, reports diagnostics and shuts down`, async () => {
      const lsp = startLspChild(serverPath, transport);
      server = lsp;
      const init = await lsp.request("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
      expect(init.serverInfo.name).toBe("carve-language-server");
      expect(init.capabilities).toMatchObject({
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: expect.any(Object),
        documentFormattingProvider: true,
      });
      lsp.notify("initialized", {});

      const uri = "file:///carve-vscode-test/t.carve";
      lsp.notify("textDocument/didOpen", { textDocument: { uri, languageId: "carve", version: 1, text: misspeltCountry } });
      const published = await lsp.notification("textDocument/publishDiagnostics", (p) => p.uri === uri);
      expect(published.diagnostics).toHaveLength(1);
      const [d] = published.diagnostics;
      expect(d.code).toBe("CARVE042");
      expect(d.range.start).toEqual({ line: 8, character: 21 });
      expect(d.message).toContain("did you mean `Germany`?");

      expect(await lsp.request("shutdown", null)).toBeNull();
      lsp.notify("exit", null);
      expect(await lsp.exited).toBe(0);
    });
  }
});

describe("the server commands the extension calls, through dist/server.cjs", () => {
  let server: LspChild | undefined;
  afterEach(async () => {
    await server?.kill();
    server = undefined;
  });

  async function started(docs: Record<string, string>) {
    const lsp = startLspChild(serverPath, "ipc");
    server = lsp;
    const init = await lsp.request("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    lsp.notify("initialized", {});
    for (const [uri, text] of Object.entries(docs)) {
      lsp.notify("textDocument/didOpen", { textDocument: { uri, languageId: "carve", version: 1, text } });
    }
    const execute = (command: string, args: unknown[]) => lsp.request("workspace/executeCommand", { command, arguments: args });
    return { lsp, init, execute };
  }

  it("advertises the commands src/ids.ts names, and the test lenses run the one the client watches", async () => {
    const uri = "file:///carve-vscode-test/rules.carve";
    const { lsp, init } = await started({ [uri]: rulesWithTests });
    expect([...init.capabilities.executeCommandProvider.commands].sort()).toEqual(Object.values(serverCommands).sort());
    const lenses = await lsp.request("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses.map((l: any) => l.command.command)).toEqual([serverCommands.runTest, serverCommands.runTest]);
    expect(lenses.map((l: any) => l.command.arguments)).toEqual([[uri, "big german lead goes to bob"], [uri, "small lead"]]);
  });

  it("answers in shapes the client presents: test results, a decision, the compiled table", async () => {
    const uri = "file:///carve-vscode-test/rules.carve";
    const { execute } = await started({ [uri]: rulesWithTests });

    const tests = describeTests(await execute(serverCommands.runTest, [uri]));
    expect(tests.split("\n")).toEqual([
      "PASS big german lead goes to bob",
      "FAIL small lead",
      "  expected owner bob, got owner triage (queue) (line 22)",
      "1 passed, 1 failed",
    ]);

    const explained = decisionText(await execute(serverCommands.explain, [{ uri, record: { id: "L-2", country: "Germany", employees: 5 } }]));
    expect(explained).toContain("owner      triage (queue)");
    expect(explained).toMatch(/^1\. territory `dach` did not match: .*employees >= 100/m);

    const table = JSON.parse(describeResult(await execute(serverCommands.showCompiled, [{ uri }])));
    expect(table.territories.map((t: { id: string }) => t.id)).toEqual(["dach"]);
  });

  it("refuses to run a ruleset with errors, with a message the client can show", async () => {
    const uri = "file:///carve-vscode-test/broken.carve";
    const { execute } = await started({ [uri]: misspeltCountry });
    const failure = await execute(serverCommands.showCompiled, [{ uri }]).then(() => undefined, (e: unknown) => e);
    expect(errorMessage(failure)).toMatch(/fix them first: CARVE042 `Germny` is not a country/);
  });
});
