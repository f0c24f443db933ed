import { z } from 'zod';
import { zId, zIsoDateTime } from './common';

export const zStockSurvey = z.object({
  sessionId: zId,
  /** Declarations are taken while the session is open and asks for them. */
  open: z.boolean(),
  items: z.array(z.object({ productId: zId, productLabel: z.string(), doses: z.number().int().nullable(), declaredAt: zIsoDateTime.nullable() })),
});
export type ZStockSurvey = z.infer<typeof zStockSurvey>;

export const zStockDeclareInput = z.object({
  sessionId: zId,
  items: z.array(z.object({ productId: zId, doses: z.number().int().min(0).max(1_000_000) })).min(1).max(50),
});
export type ZStockDeclareInput = z.infer<typeof zStockDeclareInput>;
