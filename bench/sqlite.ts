import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { loadConfig, type AppConfig } from '../server/config';
import type { Database, Db } from '../server/db/schema';

const leftovers = new Set<string>();
// An interrupted run (run.ts turns Ctrl-C into an exit) still leaves no database behind.
process.once('exit', () => {
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
});

export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'vaccine-bench-'));
  leftovers.add(dir);
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      leftovers.delete(dir);
    },
  };
}

/**
 * The server's configuration for a bench database, logging off so logs do not weigh on the figures.
 * NODE_ENV=test: production would demand an SMTP server, and the environment changes nothing on the measured paths.
 */
export function benchConfig(path: string): AppConfig {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${path}`, SEED_DEMO: 'false' });
}

/**
 * A raw better-sqlite3 handle with the pragmas of server/db/connection.ts (which keeps its
 * handle private): the bare route and bulk setup need prepared statements, and the bare
 * route must pay the same durability price (WAL + synchronous=FULL) as the full stack.
 */
export function openRaw(path: string): SQLite.Database {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Kysely over a raw handle, so migrations and services can run on the bare server's file too. */
export function kyselyOver(sqlite: SQLite.Database): Db {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
