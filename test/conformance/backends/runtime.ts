// The reference backend: @carve/runtime, fed the artifact through its JSON text exactly as a
// service would load it (so the JSON round trip and the load-time validation are exercised too).
import { artifactJson } from "@carve/compiler";
import { loadArtifact } from "@carve/runtime";
import type { Backend } from "../backend.js";

export const runtimeBackend: Backend = {
  name: "runtime",
  prepare(artifact) {
    const runtime = loadArtifact(artifactJson(artifact));
    return (record, asOf) => runtime.evaluate(record, { asOf });
  },
};
