import type { Db } from '../db/schema';

export interface AuditEntry {
  at: string;
  actorKind: 'pharmacist' | 'admin' | 'system';
  actorId: number | null;
  officineId: number | null;
  entity: 'order' | 'session' | 'product' | 'delivery_import' | 'officine' | 'effecteur' | 'stock_declaration';
  entityId: number;
  action: string;
  before: unknown;
  after: unknown;
}

export async function insertAuditEvent(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: e.at,
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      officine_id: e.officineId,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      before_json: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

export function listAuditEvents(db: Db, entity: AuditEntry['entity'], entityId: number) {
  return db
    .selectFrom('audit_events as a')
    .leftJoin('pharmacists as p', (join) => join.onRef('p.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'pharmacist'))
    .select(['a.id', 'a.at', 'a.actor_kind', 'a.actor_id', 'a.action', 'a.before_json', 'a.after_json', 'p.first_name', 'p.last_name'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.id')
    .execute();
}
