// A PostgreSQL server for the SQL backend's tests. With CARVE_PG_URL set (a server the caller
// runs), a fresh database on it; otherwise a throwaway cluster: initdb into a temporary folder,
// started on a free loopback port, stopped and deleted by stop(). The binaries come from PATH or
// Debian's /usr/lib/postgresql/<version>/bin (`apt-get install postgresql`; .ci/run installs it).
// PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import pg from "pg";

export interface PgServer {
  /** connection string of a database that is this caller's alone */
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PgServer> {
  const shared = process.env.CARVE_PG_URL;
  return shared ? freshDatabase(shared) : startCluster();
}

async function freshDatabase(url: string): Promise<PgServer> {
  const name = `carve_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async stop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function binDir(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(debian, v, "bin", "initdb"))) return join(debian, v, "bin");
  throw new Error(
    "PostgreSQL is not installed: the SQL backend's tests need initdb and pg_ctl (Debian: `apt-get install -y postgresql`, which .ci/run does), or CARVE_PG_URL naming a server to use",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startCluster(): Promise<PgServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "carve-pg-"));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]] : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  };
  const data = join(dir, "data");
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const port = await freePort();
    // Throwaway data: no durability work.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a PostgreSQL cluster from ${bin}: ${err.stderr?.toString().trim() || err.message}`);
  }
}
