// `carve lsp --stdio` as a child process, driven through vscode-languageserver-protocol's own
// connection, as an editor drives it. Keeps every byte the server writes to stdout and stderr, so
// a test can check that stdout carried nothing but protocol messages.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import {
  createMessageConnection, LogMessageNotification, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
  type LogMessageParams, type MessageConnection, type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

const repoRoot = join(import.meta.dirname, "..", "..");
export const cliPath = join(repoRoot, "packages", "cli", "dist", "main.js");

export interface ServerProcess {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  /** every publishDiagnostics notification, in order of arrival */
  published: PublishDiagnosticsParams[];
  /** window/logMessage notifications (where the server's own log goes) */
  logs: LogMessageParams[];
  /** requests the server sent to the client (answered with null) */
  serverRequests: string[];
  /** errors the protocol reader reported (garbage on stdout ends up here) */
  readerErrors: Error[];
  stdout(): Buffer;
  stderr(): string;
  /** resolves with the exit code once the process has ended */
  exited: Promise<number | null>;
  /**
   * The first publishDiagnostics for `uri`, at or after index `since` of `published`, that
   * satisfies `accept`. The server debounces edits and may publish a file more than once per
   * version (front-end diagnostics first, the analysis' findings later), so tests wait for the
   * publish they mean instead of taking the next one.
   */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, since?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
}

export function startServer(cwd: string): ServerProcess {
  const child = spawn(process.execPath, [cliPath, "lsp", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let err = "";
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => (err += b.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  // A message connection (not the protocol connection) for its catch-all request handler below;
  // the protocol's typed requests and notifications go through it all the same.
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const logs: LogMessageParams[] = [];
  const serverRequests: string[] = [];
  const readerErrors: Error[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  connection.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p);
  });
  // Whatever the server asks of the client (registrations, refreshes), an editor would answer.
  connection.onRequest((method: string) => {
    serverRequests.push(method);
    return null;
  });
  connection.onError(([e]) => readerErrors.push(e));
  connection.listen();

  const diagnostics: ServerProcess["diagnostics"] = (uri, accept, since = 0, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      let next = since;
      const check = () => {
        for (; next < published.length; next++) {
          const p = published[next];
          if (p.uri === uri && accept(p)) {
            done();
            resolve(p);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = published.slice(since).filter((p) => p.uri === uri)
          .map((p) => `v${p.version}: [${p.diagnostics.map((d) => d.code).join(", ")}]`);
        reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms; published since: ${seen.join("; ") || "nothing"}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    connection, child, published, logs, serverRequests, readerErrors, exited, diagnostics,
    stdout: () => Buffer.concat(out),
    stderr: () => err,
  };
}

/**
 * Splits what the server wrote to stdout into base-protocol frames (`Content-Length: N` header,
 * blank line, N bytes of JSON). Throws on anything else: a stray `console.log` would show up here.
 */
export function protocolFrames(bytes: Buffer): unknown[] {
  const messages: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf("\r\n\r\n", at);
    if (headerEnd < 0) throw new Error(`stdout has ${bytes.length - at} bytes after the last message that are not a message: ${JSON.stringify(bytes.subarray(at, at + 80).toString())}`);
    const headers = bytes.subarray(at, headerEnd).toString("ascii").split("\r\n");
    let length: number | undefined;
    for (const h of headers) {
      const m = /^([A-Za-z-]+): *(.*)$/.exec(h);
      if (!m) throw new Error(`not a protocol header on stdout at byte ${at}: ${JSON.stringify(h.slice(0, 80))}`);
      if (m[1].toLowerCase() === "content-length") length = Number(m[2]);
    }
    if (length === undefined || !Number.isInteger(length)) throw new Error(`a message without Content-Length at byte ${at}`);
    const body = bytes.subarray(headerEnd + 4, headerEnd + 4 + length);
    if (body.length !== length) throw new Error(`stdout ends inside a message at byte ${at}`);
    const message = JSON.parse(body.toString("utf8")) as { jsonrpc?: string };
    if (message.jsonrpc !== "2.0") throw new Error(`not a JSON-RPC 2.0 message: ${body.toString("utf8").slice(0, 80)}`);
    messages.push(message);
    at = headerEnd + 4 + length;
  }
  return messages;
}
