import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

/** Which engine the API tests run on: `TEST_DATABASE=postgres` for PostgreSQL, SQLite otherwise. */
export const testEngine: 'sqlite' | 'postgres' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** The server where throw-away test databases are created (trust auth on this machine kind). */
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one test server: a SQLite file in `dir`, or a PostgreSQL database dropped afterwards. */
export async function createTestDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testEngine === 'sqlite') return { url: `sqlite:${join(dir, 'test.db')}`, drop: () => Promise.resolve() };
  const name = `vaccins_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
