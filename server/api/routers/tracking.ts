import { z } from 'zod';
import { zId } from '../../../shared/schemas/common';
import { zTracking, zTrackingListItem } from '../../../shared/schemas/tracking';
import { officineProcedure, router } from '../trpc';

export const trackingRouter = router({
  list: officineProcedure.output(z.array(zTrackingListItem)).query(({ ctx }) => ctx.services.tracking.list(ctx.principal.officineId)),
  get: officineProcedure
    .input(z.object({ sessionId: zId }))
    .output(zTracking)
    .query(({ ctx, input }) => ctx.services.tracking.get(ctx.principal.officineId, input.sessionId)),
});
