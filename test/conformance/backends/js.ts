// The ahead-of-time JS backend: `carve compile --target js` for the case's artifact, imported as
// a service would import it (a fresh module, so fresh state, per case). Each record is also
// decided by @carve/runtime, and the whole decision — and, in a dry run, the whole explanation —
// must be the runtime's, not only the parts the case compares.
import { isDeepStrictEqual } from "node:util";
import { artifactJson, emitJsModule } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import { loadModule } from "../../emit-js/load-module.js";
import type { Backend } from "../backend.js";

export const jsBackend: Backend = {
  name: "js",
  async prepare(artifact) {
    const mod = await loadModule(emitJsModule(artifact));
    const runtime = loadArtifact(artifactJson(artifact));
    return (record, asOf) => {
      const explained = mod.decide(record, { asOf, explain: true, sideEffects: false });
      const reference = runtime.evaluate(record, { asOf, explain: true, sideEffects: false });
      if (!isDeepStrictEqual(explained, reference)) throw new Error(differs("explanation", record, explained, reference));
      const decision = mod.decide(record, { asOf });
      const expected = runtime.evaluate(record, { asOf });
      if (!isDeepStrictEqual(decision, expected)) throw new Error(differs("decision", record, decision, expected));
      return decision;
    };
  },
};

function differs(what: string, record: unknown, js: unknown, runtime: unknown): string {
  return `the module's ${what} differs from the runtime's for ${JSON.stringify(record)}:\n  js:      ${JSON.stringify(js)}\n  runtime: ${JSON.stringify(runtime)}`;
}
