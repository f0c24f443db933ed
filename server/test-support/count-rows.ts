import { sql } from 'kysely';
import type { Db } from '../db/schema';

/** Row count of a table, for tests that check nothing more or less was written. */
export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n);
}
