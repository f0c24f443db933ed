import type { Insertable } from 'kysely';
import type { Db, SupportTicketsTable } from '../db/schema';

export async function insertTicket(db: Db, row: Insertable<SupportTicketsTable>): Promise<number> {
  const { id } = await db.insertInto('support_tickets').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function listTickets(db: Db, limit: number) {
  return db.selectFrom('support_tickets').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
