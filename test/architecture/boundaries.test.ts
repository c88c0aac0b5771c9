// The package boundaries of DEVELOPERS.md: a package imports only what it declares, the
// dependency direction holds, and `language` touches neither the file system nor LSP types.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const packagesDir = join(root, "packages");

/** Which workspace packages each package may depend on (DEVELOPERS.md). */
const allowed: Record<string, string[]> = {
  "@carve/values": [],
  "@carve/runtime": ["@carve/values"],
  "@carve/language": ["@carve/values"],
  "@carve/compiler": ["@carve/values", "@carve/language", "@carve/runtime"],
  // `carve lsp --stdio` starts the language server (SPEC 4), so the CLI may depend on it.
  "@carve/cli": ["@carve/values", "@carve/language", "@carve/compiler", "@carve/runtime", "@carve/language-server"],
  "@carve/language-server": ["@carve/values", "@carve/language", "@carve/compiler", "@carve/runtime"],
  "carve-vscode": ["@carve/language-server"],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

const packages = readdirSync(packagesDir).filter((d) => statSync(join(packagesDir, d, "package.json"), { throwIfNoEntry: false }));

describe("package boundaries", () => {
  for (const dir of packages) {
    const pkg = JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8"));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
    const files = sourceFiles(join(packagesDir, dir, "src"));

    it(`${pkg.name} imports only what it declares`, () => {
      const bad: string[] = [];
      for (const f of files) {
        for (const spec of importsOf(readFileSync(f, "utf8"))) {
          // `vscode` is the editor's own API (versioned by the manifest's `engines.vscode`), not a dependency.
          if (spec.startsWith(".") || spec.startsWith("node:") || (spec === "vscode" && pkg.engines?.vscode)) continue;
          const name = packageOf(spec);
          if (!declared.has(name)) bad.push(`${f.slice(root.length + 1)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it(`${pkg.name} depends only in the allowed direction`, () => {
      const workspaceDeps = [...declared].filter((d) => d.startsWith("@carve/") || d === "carve-vscode");
      const permitted = allowed[pkg.name];
      expect(permitted, `${pkg.name} is not in the dependency map`).toBeDefined();
      expect(workspaceDeps.filter((d) => !permitted.includes(d))).toEqual([]);
    });
  }

  for (const name of ["language", "values", "runtime"]) {
    const dir = join(packagesDir, name, "src");
    if (!statSync(dir, { throwIfNoEntry: false })) continue;
    it(`@carve/${name} uses no file system, process or LSP types`, () => {
      const bad: string[] = [];
      for (const f of sourceFiles(dir)) {
        for (const spec of importsOf(readFileSync(f, "utf8"))) {
          if (/^(node:)?(fs|fs\/promises|child_process|path)$/.test(spec) || /vscode/.test(spec)) {
            bad.push(`${f.slice(root.length + 1)} imports ${spec}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
