import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('officines')
    .addColumn('id', 'integer', id)
    .addColumn('finess', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address_line', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('departement', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pharmacists')
    .addColumn('id', 'integer', id)
    .addColumn('id_nat', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pharmacist_officines')
    .addColumn('pharmacist_id', 'integer', (c) => c.notNull().references('pharmacists.id'))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pharmacist_officines_pk', ['pharmacist_id', 'officine_id'])
    .execute();

  await db.schema
    .createTable('effecteurs')
    .addColumn('id', 'integer', id)
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rpps', 'text')
    .addColumn('finess', 'text')
    .addColumn('email', 'text')
    .addColumn('notify_by_email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('effecteurs_officine').on('effecteurs').column('officine_id').execute();
  await db.schema
    .createIndex('effecteurs_officine_rpps')
    .on('effecteurs')
    .columns(['officine_id', 'rpps'])
    .unique()
    .where(sql.ref('rpps'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('effecteurs_officine_finess')
    .on('effecteurs')
    .columns(['officine_id', 'finess'])
    .unique()
    .where(sql.ref('finess'), 'is not', null)
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('laboratory', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doses_per_vial', 'integer', (c) => c.notNull())
    .addColumn('vials_per_box', 'integer', (c) => c.notNull())
    .addColumn('min_vials', 'integer', (c) => c.notNull())
    .addColumn('box_only', 'integer', (c) => c.notNull())
    .addColumn('allowed_effecteur_types', 'text', (c) => c.notNull())
    .addColumn('substitute_product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', id)
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('confirmation_at', 'text', (c) => c.notNull())
    .addColumn('expected_delivery_dates', 'text', (c) => c.notNull())
    .addColumn('allocated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_opens_at').on('sessions').column('opens_at').execute();

  await db.schema
    .createTable('session_products')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('stock_vials', 'integer')
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('min_one_per_officine', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_products_pk', ['session_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('session_caps')
    .addColumn('session_id', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addColumn('effecteur_type', 'text', (c) => c.notNull())
    .addColumn('cap_vials', 'integer')
    .addPrimaryKeyConstraint('session_caps_pk', ['session_id', 'product_id', 'effecteur_type'])
    .addForeignKeyConstraint('session_caps_product_fk', ['session_id', 'product_id'], 'session_products', [
      'session_id',
      'product_id',
    ])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', id)
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('pharmacist_id', 'integer', (c) => c.references('pharmacists.id'))
    // One order per officine and session is a constraint, not only a check in code.
    .addUniqueConstraint('orders_one_per_session', ['session_id', 'officine_id'])
    .addUniqueConstraint('orders_idempotency', ['officine_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('effecteur_id', 'integer', (c) => c.notNull().references('effecteurs.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('vials', 'integer', (c) => c.notNull())
    .addUniqueConstraint('order_lines_unique', ['order_id', 'effecteur_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('allocations')
    .addColumn('order_line_id', 'integer', (c) => c.primaryKey().references('order_lines.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('confirmed_vials', 'integer', (c) => c.notNull())
    .addColumn('substitute_product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('substitute_vials', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('allocations_session').on('allocations').column('session_id').execute();

  await db.schema
    .createTable('delivery_imports')
    .addColumn('id', 'integer', id)
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', id)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('delivery_imports.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('officine_id', 'integer', (c) => c.notNull().references('officines.id'))
    .addColumn('effecteur_id', 'integer', (c) => c.notNull().references('effecteurs.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('vials', 'integer', (c) => c.notNull())
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('wholesaler', 'text', (c) => c.notNull())
    .addColumn('lot', 'text')
    .execute();
  await db.schema.createIndex('deliveries_session_officine').on('deliveries').columns(['session_id', 'officine_id']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('officine_id', 'integer')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pharmacist_id', 'integer', (c) => c.references('pharmacists.id'))
    .addColumn('officine_id', 'integer', (c) => c.references('officines.id'))
    .addColumn('label', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('support_tickets')
    .addColumn('id', 'integer', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('officine_id', 'integer', (c) => c.references('officines.id'))
    .addColumn('pharmacist_id', 'integer', (c) => c.references('pharmacists.id'))
    .addColumn('motif', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('diagnostics_json', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'support_tickets',
    'auth_tokens',
    'audit_events',
    'deliveries',
    'delivery_imports',
    'allocations',
    'order_lines',
    'orders',
    'session_caps',
    'session_products',
    'sessions',
    'products',
    'effecteurs',
    'pharmacist_officines',
    'pharmacists',
    'officines',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
