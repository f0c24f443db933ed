import type { Db } from '../db/schema';

/**
 * Counts one more hit for a key in a fixed window and returns the count. One atomic upsert,
 * so concurrent hits from several server processes are all counted (SQLite and PostgreSQL).
 */
export async function hit(db: Db, key: string, now: string, windowStartedAfter: string): Promise<number> {
  const { count } = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const expired = eb('rate_limits.window_start', '<=', windowStartedAfter);
        return {
          count: eb.case().when(expired).then(1).else(eb('rate_limits.count', '+', 1)).end(),
          window_start: eb.case().when(expired).then(now).else(eb.ref('rate_limits.window_start')).end(),
        };
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return count;
}

export async function purgeRateLimits(db: Db, olderThan: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan).execute();
}
