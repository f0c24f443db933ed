import type { Db } from '../db/schema';

/**
 * Counts one more hit for a key in a fixed window and returns the count. In the database so
 * that several server processes share the same counters.
 */
export async function hit(db: Db, key: string, now: string, windowStartedAfter: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row || row.window_start <= windowStartedAfter) {
      await trx
        .insertInto('rate_limits')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now, count: 1 }))
        .execute();
      return 1;
    }
    await trx.updateTable('rate_limits').set({ count: row.count + 1 }).where('key', '=', key).execute();
    return row.count + 1;
  });
}

export async function purgeRateLimits(db: Db, olderThan: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan).execute();
}
