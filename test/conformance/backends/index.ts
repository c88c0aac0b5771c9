// The backends every case runs against. Add a backend here (see README.md).
import type { Backend } from "../backend.js";
import { runtimeBackend } from "./runtime.js";

export const backends: readonly Backend[] = [runtimeBackend];
