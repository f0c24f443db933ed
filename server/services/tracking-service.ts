import { isConfirmationPublished } from '../../shared/calendar/session-calendar';
import type { AllocationReason } from '../../shared/rules/allocation';
import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { ZTracking, ZTrackingLine, zTrackingListItem } from '../../shared/schemas/tracking';
import type { z } from 'zod';
import type { SessionRow } from '../db/schema';
import { AppError } from '../errors';
import { findOfficineMail } from '../repositories/confirmation-mails-repository';
import { listDeliveriesOfOfficine, sumDeliveredBySession } from '../repositories/deliveries-repository';
import { findOrderOfOfficine, listOrdersOfOfficine } from '../repositories/orders-repository';
import { findSessionById, listSessions } from '../repositories/sessions-repository';
import { listTrackedLines, sumConfirmedBySession } from '../repositories/tracking-repository';
import type { ServiceDeps } from './deps';
import { toSession } from './mappers';

const published = (s: SessionRow, now: Date): boolean =>
  isConfirmationPublished({ confirmationAt: s.confirmation_at, allocatedAt: s.allocated_at }, now);

/** Delivered so far, what remains, and when the rest is expected (split deliveries). */
function remaining(
  confirmed: number | null,
  deliveries: { vials: number; delivered_on: string; planned: number }[],
  expectedDates: string[],
  now: Date,
): { deliveredVials: number; remainingVials: number | null; nextDeliveryDate: string | null } {
  const delivered = deliveries.filter((d) => d.planned === 0);
  const deliveredVials = delivered.reduce((sum, d) => sum + d.vials, 0);
  if (confirmed === null) return { deliveredVials, remainingVials: null, nextDeliveryDate: null };
  const remainingVials = Math.max(0, confirmed - deliveredVials);
  if (remainingVials === 0) return { deliveredVials, remainingVials, nextDeliveryDate: null };
  const lastDelivered = delivered.reduce((last, d) => (d.delivered_on > last ? d.delivered_on : last), '');
  const today = now.toISOString().slice(0, 10);
  const after = (date: string) => date > lastDelivered && date >= today;
  const announced = deliveries.filter((d) => d.planned === 1 && after(d.delivered_on)).map((d) => d.delivered_on).sort();
  return { deliveredVials, remainingVials, nextDeliveryDate: announced[0] ?? expectedDates.filter(after).sort()[0] ?? null };
}

export class TrackingService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Ordered, confirmed (from the confirmation time only) and delivered, per line. */
  async get(officineId: number, sessionId: number): Promise<ZTracking> {
    const now = this.deps.clock.now();
    const session = await findSessionById(this.deps.db, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const order = await findOrderOfOfficine(this.deps.db, sessionId, officineId);
    const isPublished = published(session, now);
    const mail = isPublished ? await findOfficineMail(this.deps.db, sessionId, officineId) : undefined;
    const base = {
      session: toSession(session, now),
      confirmationPublished: isPublished,
      confirmationMail: mail ? { status: mail.status as 'pending' | 'sending' | 'sent' | 'failed', sentAt: mail.sent_at } : null,
    };
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
              ...remaining(show ? (l.confirmed_vials ?? 0) + (l.substitute_vials ?? 0) : null, mine, base.session.expectedDeliveryDates, now),
              deliveries: mine.map((d) => ({
                deliveredOn: d.delivered_on,
                vials: d.vials,
                wholesaler: d.wholesaler,
                lot: d.lot,
                productId: d.product_id,
                planned: d.planned === 1,
              })),
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
