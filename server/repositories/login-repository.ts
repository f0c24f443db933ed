import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AuthFlowsTable, CibaRequestsTable, Db, LoginCodesTable } from '../db/schema';

export async function insertAuthFlow(db: Db, row: Insertable<AuthFlowsTable>): Promise<void> {
  await db.insertInto('auth_flows').values(row).execute();
}

/** Takes a pending flow once: the conditional update is what makes a replayed state fail. */
export async function takeAuthFlow(db: Db, stateHash: string, now: string): Promise<Selectable<AuthFlowsTable> | undefined> {
  const taken = await db
    .updateTable('auth_flows')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('auth_flows').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
}

export async function insertLoginCode(db: Db, row: Insertable<LoginCodesTable>): Promise<void> {
  await db.insertInto('login_codes').values(row).execute();
}

export function findLoginCode(db: Db, codeHash: string): Promise<Selectable<LoginCodesTable> | undefined> {
  return db.selectFrom('login_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

export async function useLoginCode(db: Db, id: number, now: string): Promise<boolean> {
  const used = await db.updateTable('login_codes').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function insertCibaRequest(db: Db, row: Insertable<CibaRequestsTable>): Promise<void> {
  await db.insertInto('ciba_requests').values(row).execute();
}

export function findCibaRequest(db: Db, requestHash: string): Promise<Selectable<CibaRequestsTable> | undefined> {
  return db.selectFrom('ciba_requests').selectAll().where('request_hash', '=', requestHash).executeTakeFirst();
}

/** Updates a request only from the status it was read in, so two pollers cannot both finish it. */
export async function moveCibaRequest(db: Db, id: number, fromStatus: string, changes: Updateable<CibaRequestsTable>): Promise<boolean> {
  const moved = await db.updateTable('ciba_requests').set(changes).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** Removes login state past its expiry; called from the periodic sweep. */
export async function purgeExpiredLoginState(db: Db, now: string): Promise<void> {
  await db.deleteFrom('auth_flows').where('expires_at', '<', now).execute();
  await db.deleteFrom('login_codes').where('expires_at', '<', now).execute();
  await db.deleteFrom('ciba_requests').where('expires_at', '<', now).execute();
}
