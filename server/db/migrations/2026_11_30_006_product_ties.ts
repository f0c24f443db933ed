import type { Kysely } from 'kysely';

/** An associated product (solvent, syringes) tied to a vaccine of the same session. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session_products').addColumn('tie_vaccine_product_id', 'integer').execute();
  await db.schema.alterTable('session_products').addColumn('tie_per', 'text').execute();
  await db.schema.alterTable('session_products').addColumn('tie_ratio', 'integer').execute();
  await db.schema.alterTable('session_products').addColumn('tie_rule', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['tie_rule', 'tie_ratio', 'tie_per', 'tie_vaccine_product_id']) {
    await db.schema.alterTable('session_products').dropColumn(column).execute();
  }
}
