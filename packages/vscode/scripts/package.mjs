// Builds the extension and packages it as carve-vscode.vsix (`pnpm vsix` from the root). The
// bundles hold every dependency, so vsce packs no node_modules; the flags keep it from prompting
// (CI has no standard input) about the absent LICENSE file and repository field.
import { createVSIX } from "@vscode/vsce";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildExtension } from "./build.mjs";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
export const vsixPath = join(pkgDir, "carve-vscode.vsix");

export async function packageExtension() {
  await buildExtension();
  await createVSIX({
    cwd: pkgDir,
    packagePath: vsixPath,
    dependencies: false,
    skipLicense: true,
    allowMissingRepository: true,
  });
  return vsixPath;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await packageExtension();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
