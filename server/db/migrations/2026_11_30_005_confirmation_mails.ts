import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * The confirmation e-mails of a session, one row per recipient: the unique key makes
 * enqueuing idempotent, and the status row is how any process claims a mail to send it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('confirmation_mails')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('effecteur_id', 'integer', (c) => c.references('effecteurs.id'))
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('confirmation_mails_once', ['session_id', 'officine_id', 'recipient_key'])
    .execute();
  await db.schema.createIndex('confirmation_mails_status').on('confirmation_mails').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('confirmation_mails').execute();
}
