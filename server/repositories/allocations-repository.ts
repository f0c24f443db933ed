import { SqliteAdapter, sql } from 'kysely';
import { fixedInsert } from '../db/fixed-query';
import type { Db } from '../db/schema';

export interface DemandOrder {
  id: number;
  officine_id: number;
  submitted_at: string;
  departement: string | null;
}

/** The submitted orders of a session, with what allocation needs of their officine. */
export function listDemandOrders(db: Db, sessionId: number): Promise<DemandOrder[]> {
  return db
    .selectFrom('orders as o')
    .innerJoin('officines as f', 'f.id', 'o.officine_id')
    .select(['o.id', 'o.officine_id', 'o.submitted_at', 'f.departement'])
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .execute();
}

/**
 * Every line of those orders, one array per column, index k of each array describing the
 * same line (in no particular order). Order fields are read once per order above, not once
 * per line.
 */
export interface DemandColumns {
  lineIds: number[];
  orderIds: number[];
  productIds: number[];
  vials: number[];
  effecteurTypes: string[];
}

function demandLinesQuery(db: Db, sessionId: number) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted');
}

/**
 * At national scale this is 420,000 lines. Building one row object per line cost most of
 * the read (about 1 s of 1.2 s on the bench machine): on SQLite, each column comes back as
 * one JSON array instead (json_group_array; every aggregate of the query sees the rows in
 * the same order, so the arrays line up), which SQLite builds and JSON.parse reads in about
 * a quarter of that. Elsewhere (PostgreSQL) the rows are read as usual and turned into columns.
 */
export async function listDemandLines(db: Db, sessionId: number): Promise<DemandColumns> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const row = await demandLinesQuery(db, sessionId)
      .select([
        sql<string>`json_group_array(l.id)`.as('line_ids'),
        sql<string>`json_group_array(l.order_id)`.as('order_ids'),
        sql<string>`json_group_array(l.product_id)`.as('product_ids'),
        sql<string>`json_group_array(l.vials)`.as('vials'),
        sql<string>`json_group_array(e.type)`.as('effecteur_types'),
      ])
      .executeTakeFirstOrThrow();
    return {
      lineIds: JSON.parse(row.line_ids) as number[],
      orderIds: JSON.parse(row.order_ids) as number[],
      productIds: JSON.parse(row.product_ids) as number[],
      vials: JSON.parse(row.vials) as number[],
      effecteurTypes: JSON.parse(row.effecteur_types) as string[],
    };
  }
  const rows = await demandLinesQuery(db, sessionId)
    .select(['l.id as line_id', 'l.order_id', 'l.product_id', 'l.vials', 'e.type as effecteur_type'])
    .execute();
  const columns: DemandColumns = { lineIds: [], orderIds: [], productIds: [], vials: [], effecteurTypes: [] };
  for (const row of rows) {
    columns.lineIds.push(row.line_id);
    columns.orderIds.push(row.order_id);
    columns.productIds.push(row.product_id);
    columns.vials.push(row.vials);
    columns.effecteurTypes.push(row.effecteur_type);
  }
  return columns;
}

export interface AllocationValues {
  lineId: number;
  confirmedVials: number;
  substituteProductId: number | null;
  substituteVials: number;
  reason: string;
}

const insertAllocationRows = fixedInsert('allocations', ['order_line_id', 'session_id', 'confirmed_vials', 'substitute_product_id', 'substitute_vials', 'reason']);
/** 6 parameters a row: far below SQLite's and PostgreSQL's parameter limits. */
const rowsPerInsert = 500;

/**
 * Writes the allocation rows in multi-row inserts compiled once per size (fixedInsert).
 *
 * Rows go in by line id, whatever order they come in: order_line_id is the primary key
 * (SQLite's rowid), so the table and the session index then only grow at their end. The
 * allocation's own order (by product, then line) interleaves five runs of ids, and inserting
 * it as is split pages all over the table: 420,000 rows took about twice as long to insert
 * and commit on SQLite.
 */
export async function insertAllocations(db: Db, sessionId: number, rows: readonly AllocationValues[]): Promise<void> {
  // Already sorted runs (one per product) make this a cheap merge for the built-in sort.
  const ordered = rows.slice().sort((a, b) => a.lineId - b.lineId);
  for (let start = 0; start < ordered.length; start += rowsPerInsert) {
    const chunk = ordered.slice(start, start + rowsPerInsert);
    await insertAllocationRows(
      db,
      chunk.map((r) => [r.lineId, sessionId, r.confirmedVials, r.substituteProductId, r.substituteVials, r.reason]),
    );
  }
}
