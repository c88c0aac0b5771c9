// Bundles the extension and the language server into dist/ as CommonJS (what VS Code's extension
// host loads) and copies the grammar files the manifest points at from grammar/, their one source.
// The workspace packages are bundled from their TypeScript sources, so no `tsc -b` is needed first.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const rootDir = join(pkgDir, "..", "..");

/** [source under the repository root, destination under the package]. */
const copies = [
  ["grammar/carve.tmLanguage.json", "syntaxes/carve.tmLanguage.json"],
  ["grammar/language-configuration.json", "language-configuration.json"],
];

/** `@carve/<name>` → packages/<name>/src/index.ts (their package.json `main` is tsc's dist/). */
const workspaceSources = {
  name: "carve-workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@carve\/[a-z-]+$/ }, (args) => {
      const path = join(rootDir, "packages", args.path.slice("@carve/".length), "src", "index.ts");
      if (!existsSync(path)) return { errors: [{ text: `no workspace package source for ${args.path} at ${relative(rootDir, path)}` }] };
      return { path };
    });
  },
};

export async function buildExtension() {
  const missing = copies.filter(([from]) => !existsSync(join(rootDir, from))).map(([from]) => from);
  if (missing.length > 0) {
    throw new Error(`carve-vscode: missing ${missing.join(" and ")}: the extension's syntax highlighting and language configuration are copied from grammar/, so those files must exist before the extension can be built`);
  }

  rmSync(join(pkgDir, "dist"), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: pkgDir,
    entryPoints: { extension: "src/extension.ts", server: "src/server.ts" },
    outdir: "dist",
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    // The editor provides `vscode` at run time; it is not an npm package.
    external: ["vscode"],
    plugins: [workspaceSources],
    logLevel: "silent",
  });
  // A warning here is a bundle that may misbehave only at run time (say, `import.meta` left
  // undefined in CommonJS), so it stops the build like an error does.
  if (result.warnings.length > 0) {
    throw new Error(`carve-vscode: esbuild warnings:\n${result.warnings.map((w) => `  ${w.location?.file ?? ""}:${w.location?.line ?? ""} ${w.text}`).join("\n")}`);
  }

  for (const [from, to] of copies) {
    mkdirSync(dirname(join(pkgDir, to)), { recursive: true });
    copyFileSync(join(rootDir, from), join(pkgDir, to));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildExtension();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
