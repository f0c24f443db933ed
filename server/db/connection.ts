import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database, Db } from './schema';
import { migrationProvider } from './migrations/index';

/** Opens the configured engine; the same repositories and migrations serve both. */
export function openDatabase(config: DatabaseConfig): OpenedDatabase {
  return config.kind === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url, config.poolSize);
}

/**
 * PostgreSQL for several server processes. Counts and sums come back as strings (int8 and
 * numeric); repositories read them through Number(), so no global type parser is set.
 */
export function openPostgres(url: string, poolSize = 10): OpenedDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection ended by the server (restart, failover, pg_terminate_backend) must not
  // crash the process: the pool drops it and opens another on the next query.
  pool.on('error', (error) => {
    console.error(`PostgreSQL: connexion inactive perdue (${error.message}); elle sera rouverte.`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

export interface OpenedDatabase {
  db: Db;
  close: () => Promise<void>;
}

/**
 * Opens the embedded SQLite database. synchronous=FULL with WAL: an acknowledged order
 * survives a crash of the machine, not only of the process (one more fsync per commit).
 */
export function openSqlite(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query.
 * Statements are reused by SQL text (Kysely runs them one at a time on the single
 * connection, so a cached statement is never used twice at once). Bounded, oldest out.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error ?? failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
