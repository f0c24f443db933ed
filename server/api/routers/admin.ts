import { z } from 'zod';
import {
  zAllocationSummary,
  zCloseAndAllocateInput,
  zCsvExport,
  zDeliveryImportInput,
  zDeliveryImportResult,
  zOfficineCreateInput,
  zProductUpsertInput,
  zSessionCreateInput,
  zSessionIdInput,
  zSessionProductSetInput,
  zSessionShiftInput,
} from '../../../shared/schemas/admin';
import { zId } from '../../../shared/schemas/common';
import { zOfficine, zProduct } from '../../../shared/schemas/reference-data';
import { zSession, zSessionProductRules } from '../../../shared/schemas/sessions';
import { zTicket } from '../../../shared/schemas/support';
import { adminProcedure, router } from '../trpc';

const zSessionDetail = zSession.extend({ products: z.array(zSessionProductRules) });

export const adminRouter = router({
  sessions: router({
    list: adminProcedure.output(z.array(zSession)).query(({ ctx }) => ctx.services.sessions.list()),
    get: adminProcedure.input(zSessionIdInput).output(zSessionDetail).query(({ ctx, input }) => ctx.services.sessions.get(input.sessionId)),
    create: adminProcedure.input(zSessionCreateInput).output(zSessionDetail).mutation(({ ctx, input }) => ctx.services.sessions.create(input, ctx.actor)),
    shift: adminProcedure.input(zSessionShiftInput).output(zSessionDetail).mutation(({ ctx, input }) => ctx.services.sessions.shift(input, ctx.actor)),
    setProductRules: adminProcedure
      .input(zSessionProductSetInput)
      .output(zSessionDetail)
      .mutation(({ ctx, input }) => ctx.services.sessions.setProductRules(input.sessionId, input, ctx.actor)),
    closeAndAllocate: adminProcedure
      .input(zCloseAndAllocateInput)
      .output(zAllocationSummary)
      .mutation(({ ctx, input }) => ctx.services.allocation.closeAndAllocate(input.sessionId, { closeNow: input.closeNow }, ctx.actor)),
    setStockSurvey: adminProcedure
      .input(z.object({ sessionId: zId, open: z.boolean() }))
      .output(z.object({ sessionId: zId, open: z.boolean() }))
      .mutation(({ ctx, input }) => ctx.services.stockSurvey.setOpen(input.sessionId, input.open, ctx.actor)),
    exportStockSurvey: adminProcedure
      .input(zSessionIdInput)
      .output(zCsvExport)
      .query(({ ctx, input }) => ctx.services.stockSurvey.exportByDepartement(input.sessionId)),
    exportOrders: adminProcedure.input(zSessionIdInput).output(zCsvExport).query(({ ctx, input }) => ctx.services.exports.sessionOrdersCsv(input.sessionId)),
  }),
  officines: router({
    list: adminProcedure.output(z.array(zOfficine)).query(({ ctx }) => ctx.services.officines.list()),
    create: adminProcedure.input(zOfficineCreateInput).output(zOfficine).mutation(({ ctx, input }) => ctx.services.officines.create(input, ctx.actor)),
  }),
  products: router({
    list: adminProcedure.output(z.array(zProduct)).query(({ ctx }) => ctx.services.products.list()),
    upsert: adminProcedure.input(zProductUpsertInput).output(zProduct).mutation(({ ctx, input }) => ctx.services.products.upsert(input, ctx.actor)),
  }),
  deliveries: router({
    import: adminProcedure
      .input(zDeliveryImportInput)
      .output(zDeliveryImportResult)
      .mutation(({ ctx, input }) => ctx.services.deliveries.importCsv(input.sessionId, input.csv, ctx.actor)),
  }),
  tickets: router({
    list: adminProcedure.output(z.array(zTicket)).query(({ ctx }) => ctx.services.support.list()),
  }),
});
