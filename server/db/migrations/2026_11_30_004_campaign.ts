import type { Kysely } from 'kysely';

/** Territorial priority per session product, and planned (not yet delivered) delivery parts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session_products').addColumn('priority_departements', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('session_products').addColumn('min_one_before_surplus', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('deliveries').addColumn('planned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('planned').execute();
  await db.schema.alterTable('session_products').dropColumn('min_one_before_surplus').execute();
  await db.schema.alterTable('session_products').dropColumn('priority_departements').execute();
}
