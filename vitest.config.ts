import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Tests import workspace packages from source so a test run never depends on a stale build;
// the CLI end-to-end tests spawn the built binary instead (the root `test` script builds first).
const src = (p: string) => fileURLToPath(new URL(`./packages/${p}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@carve/values": src("values"),
      "@carve/language": src("language"),
      "@carve/runtime": src("runtime"),
      "@carve/compiler": src("compiler"),
      "@carve/language-server": src("language-server"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "grammar/**/*.test.ts"],
    testTimeout: 30000,
  },
});
