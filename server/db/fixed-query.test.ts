import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrateToLatest, openSqlite } from './connection';
import { fixedInsert, fixedQuery } from './fixed-query';
import type { Database } from './schema';

describe('fixedQuery', () => {
  test('binds the arguments where the SQL needs them, repeated or reordered, and compiles once per database', async () => {
    const { db, close } = openSqlite(':memory:');
    try {
      let builds = 0;
      const query = fixedQuery(2, (d, a: number, b: string) => {
        builds++;
        return d.selectNoFrom([sql<string>`${b} || ':' || cast(${a} as integer) || ':' || ${b}`.as('v')]);
      });
      assert.deepEqual(await query(db, 7, 'x'), [{ v: 'x:7:x' }]);
      assert.deepEqual(await query(db, 8, 'y'), [{ v: 'y:8:y' }]);
      assert.deepEqual(await db.transaction().execute((trx) => query(trx, 9, 'z')), [{ v: 'z:9:z' }]);
      assert.equal(builds, 1, 'a transaction shares its database adapter, so the compiled SQL');
    } finally {
      await close();
    }
  });

  test('refuses a query that inlines a value or binds one that is not an argument', async () => {
    const { db, close } = openSqlite(':memory:');
    try {
      const inlined = fixedQuery(1, (d, a: string) => d.selectNoFrom([sql.lit(a).as('v')]));
      await assert.rejects(inlined(db, 'x'), /every argument must be bound/);
      const constant = fixedQuery(1, (d, a: string) => d.selectNoFrom([sql<string>`${a} || ${'c'}`.as('v')]));
      await assert.rejects(constant(db, 'x'), /every argument must be bound/);
    } finally {
      await close();
    }
  });

  test('compiles for the dialect of the database it runs on', () => {
    const pg = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) });
    const seen: string[] = [];
    const query = fixedQuery(1, (d, id: number) => {
      const compiled = d.selectFrom('orders').select('id').where('id', '=', id);
      seen.push(compiled.compile().sql);
      return compiled;
    });
    // Only the compilation is looked at: the pool is never asked for a connection.
    void query(pg, 1).catch(() => undefined);
    assert.match(seen[0] ?? '', /\$1/);
  });
});

describe('fixedInsert', () => {
  test('inserts rows of any count, reusing the SQL of a count already seen', async () => {
    const { db, close } = openSqlite(':memory:');
    try {
      await migrateToLatest(db);
      const insert = fixedInsert('support_tickets', ['created_at', 'officine_id', 'motif', 'message', 'contact_email']);
      const row = (i: number) => ['2026-11-30T00:00:00.000Z', null, `motif ${i}`, `texte ${i}`, 'a@b.example'];
      await insert(db, [row(1), row(2)]);
      await insert(db, [row(3)]);
      await insert(db, [row(4), row(5)]);
      await insert(db, []);
      const rows = await db.selectFrom('support_tickets').select(['motif', 'message']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => `${r.motif}/${r.message}`),
        ['motif 1/texte 1', 'motif 2/texte 2', 'motif 3/texte 3', 'motif 4/texte 4', 'motif 5/texte 5'],
      );
      await assert.rejects(insert(db, [['x']]), /5 values a row/);
    } finally {
      await close();
    }
  });
});
