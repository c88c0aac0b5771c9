// The client side of the language-server benchmark: the real `carve lsp --stdio` (the built CLI)
// in its own process, spoken to with vscode-languageserver-protocol's connection, as an editor
// does. Every publishDiagnostics is stamped with the client's clock on arrival.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createMessageConnection, LogMessageNotification, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { mainThreadTimes } from "./sched.mjs";

export const cliPath = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));

export function startServer(cwd) {
  if (!existsSync(cliPath)) throw new Error("packages/cli/dist is missing: run `pnpm exec tsc -b` (or `pnpm bench:lsp`, which builds first)");
  const child = spawn(process.execPath, [cliPath, "lsp", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b) => (stderr += b));
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  /** The server's main thread so far: { cpu, wait } ms (see sched.mjs). */
  const sched = () => mainThreadTimes(child.pid);

  /** { at (ms, performance.now()), sched (sched() on arrival), uri, version, diagnostics } in order of arrival */
  const published = [];
  const waiters = new Set();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push({ at: performance.now(), sched: sched(), ...p });
    for (const w of [...waiters]) w();
  });
  connection.onNotification(LogMessageNotification.type, (p) => {
    if (p.type === 1) process.stderr.write(`server error: ${p.message.split("\n")[0]}\n`);
  });
  // Registrations and refresh requests: answered as an editor would, with nothing to add.
  connection.onRequest(() => null);
  connection.listen();

  /** The first publish for `uri` at or after index `since` satisfying `accept`. */
  const waitFor = (uri, accept, since, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      let next = since;
      const check = () => {
        for (; next < published.length; next++) {
          if (published[next].uri === uri && accept(published[next])) {
            done();
            resolve(published[next]);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  /** Resolves once `ms` pass without any publish (the server has finished with the last edit). */
  const quiet = (ms) =>
    new Promise((resolve) => {
      let count = published.length;
      const tick = () => {
        if (published.length === count) return resolve();
        count = published.length;
        setTimeout(tick, ms);
      };
      setTimeout(tick, ms);
    });

  /** Peak resident set of the server process, MB (Linux /proc; undefined elsewhere). */
  const peakRssMB = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  };

  return { connection, child, published, waitFor, quiet, sched, peakRssMB, exited, stderr: () => stderr };
}
