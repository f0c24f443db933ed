import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

const repoRoot = join(import.meta.dirname, '..');

/** Databases created by this run and not dropped yet, by name, with the admin URL to drop them from. */
const leftovers = new Map<string, string>();

/*
 * An interrupted run (run.ts turns Ctrl-C into an exit) still leaves no database behind. An exit
 * handler cannot wait for a promise, so a short-lived node process drops them, synchronously.
 */
const dropScript = `
const pg = require('pg');
const [url, name] = process.argv.slice(1);
const client = new pg.Client({ connectionString: url });
client.connect()
  .then(() => client.query('drop database if exists "' + name + '" with (force)'))
  .catch((error) => console.error('bench: could not drop ' + name + ': ' + error.message))
  .finally(() => client.end());
`;
process.once('exit', () => {
  for (const [name, adminUrl] of leftovers) {
    spawnSync(process.execPath, ['-e', dropScript, adminUrl, name], { cwd: repoRoot, stdio: 'inherit', timeout: 15_000 });
  }
});

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, empty database on the server of `adminUrl`, as server/test-support/test-database.ts makes them for tests. */
export async function createBenchDatabase(adminUrl: string, label: string): Promise<BenchDatabase> {
  const name = `vaccins_bench_${randomBytes(4).toString('hex')}_${label.replace(/[^a-z0-9]/g, '')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  leftovers.set(name, adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, async (c) => {
        /*
         * pg-pool's end() resolves before its sockets are closed; a forced drop would then terminate
         * backends that are still saying goodbye, and the error lands on a pool without a listener,
         * which kills the process. So: a plain drop, retried while the last sessions close, forced only at the end.
         */
        for (let attempt = 0; attempt < 20; attempt++) {
          try {
            await c.query(`drop database if exists ${name}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006') throw error; // 55006: object_in_use
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        await c.query(`drop database if exists ${name} with (force)`);
      });
      leftovers.delete(name);
    },
  };
}

/** The settings that decide what a commit costs, recorded with the figures. */
export interface PostgresSettings {
  version: string;
  synchronousCommit: string;
  fsync: string;
  walSyncMethod: string;
  sharedBuffers: string;
  maxConnections: string;
}

export function readPostgresSettings(adminUrl: string): Promise<PostgresSettings> {
  return withAdmin(adminUrl, async (c) => {
    const show = async (name: string): Promise<string> => {
      const { rows } = await c.query<Record<string, string>>(`show ${name}`);
      return Object.values(rows[0] ?? {})[0] ?? '?';
    };
    return {
      version: await show('server_version'),
      synchronousCommit: await show('synchronous_commit'),
      fsync: await show('fsync'),
      walSyncMethod: await show('wal_sync_method'),
      sharedBuffers: await show('shared_buffers'),
      maxConnections: await show('max_connections'),
    };
  });
}
