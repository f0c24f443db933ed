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
import { officineProcedure, router } from '../trpc';

export const ordersRouter = router({
  list: officineProcedure.output(z.array(zOrderSummary)).query(({ ctx }) => ctx.services.orders.list(ctx.actor)),
  get: officineProcedure.input(zOrderIdInput).output(zOrder).query(({ ctx, input }) => ctx.services.orders.get(ctx.actor, input.id)),
  create: officineProcedure.input(zOrderCreateInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.create(ctx.actor, input)),
  update: officineProcedure.input(zOrderUpdateInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.update(ctx.actor, input)),
  cancel: officineProcedure.input(zOrderCancelInput).output(zOrder).mutation(({ ctx, input }) => ctx.services.orders.cancel(ctx.actor, input)),
  history: officineProcedure
    .input(zOrderIdInput)
    .output(z.array(zAuditEvent))
    .query(({ ctx, input }) => ctx.services.orders.history(ctx.actor, input.id)),
});
