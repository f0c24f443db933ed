import type { Insertable, Updateable } from 'kysely';
import type { Db, ProductRow, ProductsTable } from '../db/schema';

export function listProducts(db: Db): Promise<ProductRow[]> {
  return db.selectFrom('products').selectAll().orderBy('id').execute();
}

export function findProductById(db: Db, id: number): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProductByCode(db: Db, code: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertProduct(db: Db, row: Insertable<ProductsTable>): Promise<number> {
  const { id } = await db.insertInto('products').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateProduct(db: Db, id: number, row: Updateable<ProductsTable>): Promise<void> {
  await db.updateTable('products').set(row).where('id', '=', id).execute();
}
