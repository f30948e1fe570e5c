import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';

/**
 * A PostgreSQL database of its own for one test file.
 *
 * Where a server answers — PBXMOD_TEST_DATABASE_URL names one (a URL whose user may create
 * databases), or one listens on 127.0.0.1:5432 as on the development machines (trust
 * authentication) — a database with a unique name is created there and dropped after. Where none
 * does, a throwaway server is started from npm packages: PGlite (PostgreSQL compiled to WASM)
 * served over the wire protocol by @electric-sql/pglite-socket, so the tests pass on a fresh
 * machine with nothing installed. PBXMOD_TEST_POSTGRES_PROBE=host:port changes where the
 * local server is looked for (a closed port forces the throwaway one).
 */
export interface TestDatabase {
  url: string;
  /** "server": a real PostgreSQL; "pglite": the throwaway one. */
  kind: 'server' | 'pglite';
  drop(): Promise<void>;
}

function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The admin URL of a server to use, or null when none answers. */
async function findServer(env: NodeJS.ProcessEnv): Promise<string | null> {
  const given = env.PBXMOD_TEST_DATABASE_URL?.trim();
  if (given) return given;
  const [host = '127.0.0.1', port = '5432'] = (env.PBXMOD_TEST_POSTGRES_PROBE ?? '127.0.0.1:5432').split(':');
  if (!(await answers(host, Number(port)))) return null;
  const url = `postgres://postgres@${host}:${port}/postgres`;
  // Something listens: is it a PostgreSQL that lets us in?
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const server = await findServer(env);
  if (server) {
    const name = `pbxmod_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'server',
      async drop() {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const socketServer = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await socketServer.start();
  const address = socketServer.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    kind: 'pglite',
    async drop() {
      await socketServer.stop();
      await db.close();
    },
  };
}
