import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * Login state lives in the database, not in a process's memory, so any server process can
 * finish a login another one started.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);

  // PSC may identify an activity by SIRET when its FINESS is empty.
  await db.schema.alterTable('officines').addColumn('siret', 'text').execute();
  await db.schema.createIndex('officines_siret').on('officines').column('siret').unique().where(sql.ref('siret'), 'is not', null).execute();

  await db.schema
    .createTable('auth_flows')
    .addColumn('id', 'integer', id)
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('login_codes')
    .addColumn('id', 'integer', id)
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('pharmacist_id', 'integer', (c) => c.notNull().references('pharmacists.id'))
    .addColumn('officine_ids', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('ciba_requests')
    .addColumn('id', 'integer', id)
    .addColumn('request_hash', 'text', (c) => c.notNull().unique())
    .addColumn('auth_req_id', 'text', (c) => c.notNull())
    .addColumn('id_nat', 'text', (c) => c.notNull())
    .addColumn('binding_message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ciba_requests').execute();
  await db.schema.dropTable('login_codes').execute();
  await db.schema.dropTable('auth_flows').execute();
  await db.schema.dropIndex('officines_siret').execute();
  await db.schema.alterTable('officines').dropColumn('siret').execute();
}
