import { z } from 'zod';
import { zId } from '../../../shared/schemas/common';
import { zStockDeclareInput, zStockSurvey } from '../../../shared/schemas/stock-survey';
import { officineProcedure, router } from '../trpc';

export const stockSurveyRouter = router({
  get: officineProcedure
    .input(z.object({ sessionId: zId }))
    .output(zStockSurvey)
    .query(({ ctx, input }) => ctx.services.stockSurvey.get(ctx.principal.officineId, input.sessionId)),
  declare: officineProcedure.input(zStockDeclareInput).output(zStockSurvey).mutation(({ ctx, input }) => ctx.services.stockSurvey.declare(ctx.actor, input)),
});
