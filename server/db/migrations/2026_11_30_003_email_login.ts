import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/** The e-mail fallback's one-time passwords, and rate-limit counters shared by every process. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('email_passwords')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('email_passwords_officine').on('email_passwords').column('officine_id').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('email_passwords').execute();
}
