// The backends every case runs against. Add a backend here (see README.md).
import type { Backend } from "../backend.js";
import { jsBackend } from "./js.js";
import { runtimeBackend } from "./runtime.js";
import { sqlDuckdbBackend, sqlPostgresBackend } from "./sql.js";

export const backends: readonly Backend[] = [runtimeBackend, jsBackend, sqlDuckdbBackend, sqlPostgresBackend];
