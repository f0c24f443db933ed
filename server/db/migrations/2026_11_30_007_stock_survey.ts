import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/** A session may ask officines how many doses they hold, per product. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('stock_survey', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('stock_declarations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('doses', 'integer', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addColumn('pharmacist_id', 'integer', (c) => c.references('pharmacists.id'))
    .addUniqueConstraint('stock_declarations_once', ['session_id', 'officine_id', 'product_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stock_declarations').execute();
  await db.schema.alterTable('sessions').dropColumn('stock_survey').execute();
}
