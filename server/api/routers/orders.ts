import { z } from 'zod';
import {
  zAuditEvent,
  zOrder,
  zOrderCancelInput,
  zOrderCreateInput,
  zOrderIdInput,
  zOrderSummary,
  zOrderUpdateInput,
} from '../../../shared/schemas/orders';
import { pharmacistProcedure, router } from '../trpc';

export const ordersRouter = router({
  list: pharmacistProcedure.output(z.array(zOrderSummary)).query(({ ctx }) => ctx.services.orders.list(ctx.actor)),
  get: pharmacistProcedure.input(zOrderIdInput).output(zOrder).query(({ ctx, input }) => ctx.services.orders.get(ctx.actor, input.id)),
  create: pharmacistProcedure.input(zOrderCreateInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.create(ctx.actor, input)),
  update: pharmacistProcedure.input(zOrderUpdateInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.update(ctx.actor, input)),
  cancel: pharmacistProcedure.input(zOrderCancelInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.cancel(ctx.actor, input)),
  history: pharmacistProcedure
    .input(zOrderIdInput)
    .output(z.array(zAuditEvent))
    .query(({ ctx, input }) => ctx.services.orders.history(ctx.actor, input.id)),
});
