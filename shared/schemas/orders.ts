import { z } from 'zod';
import { zId, zIdempotencyKey, zIsoDateTime, zVials } from './common';

export const orderStatuses = ['submitted', 'cancelled'] as const;
export const zOrderStatus = z.enum(orderStatuses);

export const zOrderLineInput = z.object({ effecteurId: zId, productId: zId, vials: zVials });
export type ZOrderLineInput = z.infer<typeof zOrderLineInput>;

/** 300+ effecteurs times a handful of products; beyond this a body is not a real order. */
export const maxOrderLines = 5000;
const zLines = z.array(zOrderLineInput).max(maxOrderLines);

export const zOrderCreateInput = z.object({ sessionId: zId, lines: zLines, idempotencyKey: zIdempotencyKey });
export const zOrderUpdateInput = z.object({ id: zId, version: z.number().int().min(1).max(1_000_000), lines: zLines });
export const zOrderCancelInput = z.object({ id: zId, version: z.number().int().min(1).max(1_000_000) });
export const zOrderIdInput = z.object({ id: zId });

export const zOrderLine = z.object({ effecteurId: zId, productId: zId, vials: zVials });

export const zOrder = z.object({
  id: zId,
  sessionId: zId,
  officineId: zId,
  status: zOrderStatus,
  version: z.number().int(),
  submittedAt: zIsoDateTime,
  updatedAt: zIsoDateTime,
  lines: z.array(zOrderLine),
});
export type ZOrder = z.infer<typeof zOrder>;

export const zOrderSummary = zOrder.omit({ lines: true }).extend({
  lineCount: z.number().int(),
  totalVials: z.number().int(),
});
export type ZOrderSummary = z.infer<typeof zOrderSummary>;

export const zAuditEvent = z.object({
  id: zId,
  at: zIsoDateTime,
  action: z.string(),
  actor: z.object({ kind: z.enum(['pharmacist', 'admin', 'system']), id: zId.nullable(), name: z.string().nullable() }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type ZAuditEvent = z.infer<typeof zAuditEvent>;
