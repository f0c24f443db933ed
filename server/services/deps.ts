import type { AppConfig } from '../config';
import type { Clock } from '../clock';
import type { Db } from '../db/schema';
import type { Mailer } from '../mail/mailer';

/** What every service is built from; the composition root (server/app.ts) makes one. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
  mailer: Mailer;
}

/** Who performs an action, for authorization and the audit trail. */
export type Actor =
  | { kind: 'pharmacist'; pharmacistId: number; officineId: number }
  | { kind: 'admin'; tokenId: number | null }
  | { kind: 'system' };

export function actorId(actor: Actor): number | null {
  if (actor.kind === 'pharmacist') return actor.pharmacistId;
  if (actor.kind === 'admin') return actor.tokenId;
  return null;
}
