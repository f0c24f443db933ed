import type { Db } from '../db/schema';

/** Sessions whose confirmation was published since `since`: their mails are (re)enqueued. */
export function listRecentlyPublishedSessions(db: Db, now: string, since: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'label', 'expected_delivery_dates'])
    .where('allocated_at', 'is not', null)
    .where('confirmation_at', '<=', now)
    .where('confirmation_at', '>', since)
    .execute();
}

/** Who is told: each ordering officine with an e-mail, and each of its effecteurs that has one and did not opt out. */
export async function listRecipients(db: Db, sessionId: number) {
  const officines = await db
    .selectFrom('orders as o')
    .innerJoin('officines as f', 'f.id', 'o.officine_id')
    .select(['o.officine_id', 'f.email'])
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .where('f.email', 'is not', null)
    .execute();
  const effecteurs = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .select(['o.officine_id', 'e.id as effecteur_id', 'e.email'])
    .distinct()
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .where('e.type', '!=', 'officine')
    .where('e.email', 'is not', null)
    .where('e.notify_by_email', '=', 1)
    .execute();
  return { officines, effecteurs };
}

export async function enqueueMails(
  db: Db,
  rows: { sessionId: number; officineId: number; effecteurId: number | null; recipientKey: string; toEmail: string; at: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('confirmation_mails')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          session_id: r.sessionId,
          officine_id: r.officineId,
          effecteur_id: r.effecteurId,
          recipient_key: r.recipientKey,
          to_email: r.toEmail,
          status: 'pending',
          next_attempt_at: r.at,
        })),
      )
      // Enqueuing again (another sweep, another process) changes nothing.
      .onConflict((oc) => oc.columns(['session_id', 'officine_id', 'recipient_key']).doNothing())
      .execute();
  }
}

export function listClaimable(db: Db, now: string, limit: number) {
  return db
    .selectFrom('confirmation_mails')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        // A process that claimed a mail and died: the claim lapses and another process sends it.
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Claims one mail; only one process can win the conditional update. */
export async function claimMail(db: Db, id: number, now: string, until: string): Promise<boolean> {
  const claimed = await db
    .updateTable('confirmation_mails')
    .set({ status: 'sending', claimed_until: until })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export function findMail(db: Db, id: number) {
  return db.selectFrom('confirmation_mails').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markSent(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('confirmation_mails').set({ status: 'sent', sent_at: at, claimed_until: null, last_error: null }).where('id', '=', id).execute();
}

export async function markAttemptFailed(db: Db, id: number, change: { attempts: number; error: string; nextAttemptAt: string; final: boolean }): Promise<void> {
  await db
    .updateTable('confirmation_mails')
    .set({
      status: change.final ? 'failed' : 'pending',
      attempts: change.attempts,
      last_error: change.error.slice(0, 500),
      next_attempt_at: change.nextAttemptAt,
      claimed_until: null,
    })
    .where('id', '=', id)
    .execute();
}

export function findOfficineMail(db: Db, sessionId: number, officineId: number) {
  return db
    .selectFrom('confirmation_mails')
    .select(['status', 'sent_at', 'attempts'])
    .where('session_id', '=', sessionId)
    .where('officine_id', '=', officineId)
    .where('recipient_key', '=', 'officine')
    .executeTakeFirst();
}
