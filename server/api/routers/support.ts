import { z } from 'zod';
import { zIsoDateTime, zId } from '../../../shared/schemas/common';
import { zMotif, zTicketInput } from '../../../shared/schemas/support';
import { maybePharmacistProcedure, publicProcedure, router } from '../trpc';

export const supportRouter = router({
  motifs: publicProcedure.output(z.array(zMotif)).query(({ ctx }) => ctx.services.support.motifs(ctx.lang)),
  createTicket: maybePharmacistProcedure
    .input(zTicketInput)
    .output(z.object({ id: zId, createdAt: zIsoDateTime }))
    .mutation(({ ctx, input }) => ctx.services.support.createTicket(input, ctx.from, ctx.ip)),
});
