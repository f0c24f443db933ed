import type { Db } from '../db/schema';

export async function setStockSurvey(db: Db, sessionId: number, open: boolean, at: string): Promise<void> {
  await db.updateTable('sessions').set({ stock_survey: open ? 1 : 0, updated_at: at }).where('id', '=', sessionId).execute();
}

export function listDeclarations(db: Db, sessionId: number, officineId: number) {
  return db
    .selectFrom('stock_declarations')
    .select(['product_id', 'doses', 'declared_at'])
    .where('session_id', '=', sessionId)
    .where('officine_id', '=', officineId)
    .orderBy('product_id')
    .execute();
}

export async function upsertDeclaration(
  db: Db,
  row: { sessionId: number; officineId: number; productId: number; doses: number; at: string; pharmacistId: number },
): Promise<void> {
  await db
    .insertInto('stock_declarations')
    .values({
      session_id: row.sessionId,
      officine_id: row.officineId,
      product_id: row.productId,
      doses: row.doses,
      declared_at: row.at,
      pharmacist_id: row.pharmacistId,
    })
    .onConflict((oc) =>
      oc.columns(['session_id', 'officine_id', 'product_id']).doUpdateSet({ doses: row.doses, declared_at: row.at, pharmacist_id: row.pharmacistId }),
    )
    .execute();
}

/** Answers summed per département and product, for SpF's export. */
export function sumDeclarationsByDepartement(db: Db, sessionId: number) {
  return db
    .selectFrom('stock_declarations as d')
    .innerJoin('officines as f', 'f.id', 'd.officine_id')
    .innerJoin('products as p', 'p.id', 'd.product_id')
    .select((eb) => [
      'f.departement',
      'p.code as product_code',
      eb.fn.count<number | string>('d.officine_id').as('officines'),
      eb.fn.sum<number | string>('d.doses').as('doses'),
    ])
    .where('d.session_id', '=', sessionId)
    .groupBy(['f.departement', 'p.code'])
    .orderBy('f.departement')
    .orderBy('p.code')
    .execute();
}
