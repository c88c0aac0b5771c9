// A minimal LSP client for a server in a child process, over Node IPC (how VS Code's language
// client forks the server) or over stdio with Content-Length framing (how other editors run it).
import { spawn } from "node:child_process";

// JSON-RPC messages are untyped here: the tests check their fields.
type Message = { id?: number | string; method?: string; params?: any; result?: any; error?: { message: string } };

export interface LspChild {
  request(method: string, params: unknown): Promise<any>;
  notify(method: string, params: unknown): void;
  /**
   * The first notification of `method` (already received or still to come) that `accept` takes;
   * after `timeoutMs` it fails with what the server logged, which usually says why.
   */
  notification(method: string, accept?: (params: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves with the exit code when the server process ends. */
  exited: Promise<number | null>;
  /** Ends the process if it is still running (cleanup after a failed test). */
  kill(): Promise<void>;
}

export function startLspChild(serverPath: string, transport: "ipc" | "stdio"): LspChild {
  const child = spawn(process.execPath, [serverPath, transport === "ipc" ? "--node-ipc" : "--stdio"], {
    stdio: transport === "ipc" ? ["pipe", "pipe", "pipe", "ipc"] : ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));

  let nextId = 1;
  const pending = new Map<number | string, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const received: Message[] = [];
  const waiters: { method: string; accept: (p: any) => boolean; resolve: (p: any) => void }[] = [];

  const send = (m: Message) => {
    const msg = { jsonrpc: "2.0", ...m };
    if (transport === "ipc") child.send(msg);
    else {
      const body = JSON.stringify(msg);
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
  };

  const handle = (m: Message) => {
    if (m.method === undefined && m.id !== undefined) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
    } else if (m.method !== undefined && m.id !== undefined) {
      // A request from the server (registrations, configuration): this client accepts them all.
      send({ id: m.id, result: null });
    } else if (m.method !== undefined) {
      received.push(m);
      for (const w of [...waiters]) {
        if (w.method === m.method && w.accept(m.params)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m.params);
        }
      }
    }
  };

  if (transport === "ipc") child.on("message", (m) => handle(m as Message));
  else {
    let buf = Buffer.alloc(0);
    child.stdout.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, headerEnd).toString())?.[1]);
        if (buf.length < headerEnd + 4 + length) return;
        handle(JSON.parse(buf.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8")));
        buf = buf.subarray(headerEnd + 4 + length);
      }
    });
  }

  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      for (const p of pending.values()) p.reject(new Error(`server exited (${code}) before answering: ${stderr}`));
      pending.clear();
      resolve(code);
    });
  });

  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ id, method, params });
      });
    },
    notify(method, params) {
      send({ method, params });
    },
    notification(method, accept = () => true, timeoutMs = 10_000) {
      const seen = received.find((m) => m.method === method && accept(m.params));
      if (seen) return Promise.resolve(seen.params);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const logged = received.filter((m) => m.method === "window/logMessage").map((m) => m.params.message);
          reject(new Error(`no ${method} within ${timeoutMs} ms; the server logged:\n${logged.join("\n")}\n${stderr}`));
        }, timeoutMs);
        waiters.push({ method, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
