import { CompiledQuery, type Insertable } from 'kysely';
import type { Database, Db } from './schema';

/**
 * Inserts many rows in multi-row statements. The SQL of a full chunk is compiled by Kysely
 * once (so it is right for the dialect) and reused with new parameters: compiling a
 * 500-row statement hundreds of times cost more than running it. Rows must all have the
 * same keys in the same order.
 */
export async function bulkInsert<T extends keyof Database>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], chunkSize = 500): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first) as (keyof typeof first)[];
  let fullChunkSql: string | null = null;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    if (fullChunkSql !== null && chunk.length === chunkSize) {
      await db.executeQuery(CompiledQuery.raw(fullChunkSql, chunk.flatMap((row) => columns.map((c) => row[c]))));
      continue;
    }
    const compiled = db.insertInto(table).values(chunk).compile();
    if (chunk.length === chunkSize) fullChunkSql = compiled.sql;
    await db.executeQuery(compiled);
  }
}
