import { z } from 'zod';
import { zCibaPoll, zCibaPollInput, zCibaStart, zCibaStartInput, zExchangeCodeInput, zLoginResult, zMe } from '../../../shared/schemas/auth';
import { pharmacistProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  exchangeCode: publicProcedure
    .input(zExchangeCodeInput)
    .output(zLoginResult)
    .mutation(({ ctx, input }) => ctx.services.login.exchangeCode(input.code, input.officineId)),
  cibaStart: publicProcedure.input(zCibaStartInput).output(zCibaStart).mutation(({ ctx, input }) => ctx.services.login.cibaStart(input.idNat)),
  cibaPoll: publicProcedure.input(zCibaPollInput).output(zCibaPoll).mutation(({ ctx, input }) => ctx.services.login.cibaPoll(input.requestId)),
  me: pharmacistProcedure.output(zMe).query(({ ctx }) => ctx.services.account.me(ctx.principal)),
  logout: pharmacistProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.services.auth.revoke(ctx.principal.tokenId);
    return { ok: true as const };
  }),
});
