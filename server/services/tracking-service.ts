import { isConfirmationPublished } from '../../shared/calendar/session-calendar';
import type { AllocationReason } from '../../shared/rules/allocation';
import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { ZTracking, ZTrackingLine, zTrackingListItem } from '../../shared/schemas/tracking';
import type { z } from 'zod';
import type { SessionRow } from '../db/schema';
import { AppError } from '../errors';
import { listDeliveriesOfOfficine, sumDeliveredBySession } from '../repositories/deliveries-repository';
import { findOrderOfOfficine, listOrdersOfOfficine } from '../repositories/orders-repository';
import { findSessionById, listSessions } from '../repositories/sessions-repository';
import { listTrackedLines, sumConfirmedBySession } from '../repositories/tracking-repository';
import type { ServiceDeps } from './deps';
import { toSession } from './mappers';

const published = (s: SessionRow, now: Date): boolean =>
  isConfirmationPublished({ confirmationAt: s.confirmation_at, allocatedAt: s.allocated_at }, now);

export class TrackingService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Ordered, confirmed (from the confirmation time only) and delivered, per line. */
  async get(officineId: number, sessionId: number): Promise<ZTracking> {
    const now = this.deps.clock.now();
    const session = await findSessionById(this.deps.db, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const order = await findOrderOfOfficine(this.deps.db, sessionId, officineId);
    const isPublished = published(session, now);
    const base = { session: toSession(session, now), confirmationPublished: isPublished };
    if (!order) return { ...base, order: null, lines: [] };
    const [lines, deliveries] = await Promise.all([
      listTrackedLines(this.deps.db, order.id),
      listDeliveriesOfOfficine(this.deps.db, sessionId, officineId),
    ]);
    const cancelled = order.status === 'cancelled';
    return {
      ...base,
      order: { id: order.id, status: order.status as 'submitted' | 'cancelled', version: order.version, submittedAt: order.submitted_at },
      lines: cancelled
        ? []
        : lines.map((l): ZTrackingLine => {
            const show = isPublished && l.confirmed_vials !== null;
            const mine = deliveries.filter(
              (d) => d.effecteur_id === l.effecteur_id && (d.product_id === l.product_id || (show && d.product_id === l.substitute_product_id)),
            );
            return {
              effecteurId: l.effecteur_id,
              effecteurName: l.effecteur_name,
              effecteurType: l.effecteur_type as EffecteurType,
              productId: l.product_id,
              productCode: l.product_code,
              productLabel: l.product_label,
              dosesPerVial: l.doses_per_vial,
              orderedVials: l.vials,
              confirmedVials: show ? l.confirmed_vials : null,
              substituteProductId: show ? l.substitute_product_id : null,
              substituteProductLabel: show ? l.substitute_label : null,
              substituteVials: show ? l.substitute_vials : null,
              reason: show ? (l.reason as AllocationReason) : null,
              deliveredVials: mine.reduce((sum, d) => sum + d.vials, 0),
              deliveries: mine.map((d) => ({ deliveredOn: d.delivered_on, vials: d.vials, wholesaler: d.wholesaler, lot: d.lot, productId: d.product_id })),
            };
          }),
    };
  }

  async list(officineId: number): Promise<z.infer<typeof zTrackingListItem>[]> {
    const now = this.deps.clock.now();
    const [orders, sessions, confirmed, delivered] = await Promise.all([
      listOrdersOfOfficine(this.deps.db, officineId),
      listSessions(this.deps.db),
      sumConfirmedBySession(this.deps.db, officineId),
      sumDeliveredBySession(this.deps.db, officineId),
    ]);
    const sessionById = new Map(sessions.map((s) => [s.id, s]));
    const confirmedBySession = new Map(confirmed.map((c) => [c.session_id, Number(c.vials)]));
    const deliveredBySession = new Map(delivered.map((d) => [d.session_id, Number(d.vials)]));
    return orders.flatMap((o) => {
      const session = sessionById.get(o.session_id);
      if (!session) return [];
      return [
        {
          session: toSession(session, now),
          orderId: o.id,
          orderStatus: o.status as 'submitted' | 'cancelled',
          orderedVials: Number(o.total_vials),
          confirmedVials: published(session, now) && o.status !== 'cancelled' ? (confirmedBySession.get(o.session_id) ?? 0) : null,
          deliveredVials: deliveredBySession.get(o.session_id) ?? 0,
        },
      ];
    });
  }
}
