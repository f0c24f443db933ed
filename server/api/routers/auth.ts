import { z } from 'zod';
import {
  zCibaPoll,
  zCibaPollInput,
  zCibaStart,
  zCibaStartInput,
  zEmailLoginInput,
  zExchangeCodeInput,
  zLoginResult,
  zMe,
  zRequestEmailPasswordInput,
} from '../../../shared/schemas/auth';
import { pharmacistProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  exchangeCode: publicProcedure
    .input(zExchangeCodeInput)
    .output(zLoginResult)
    .mutation(({ ctx, input }) => ctx.services.login.exchangeCode(input.code, input.officineId)),
  cibaStart: publicProcedure.input(zCibaStartInput).output(zCibaStart).mutation(({ ctx, input }) => ctx.services.login.cibaStart(input.idNat, ctx.ip)),
  requestEmailPassword: publicProcedure
    .input(zRequestEmailPasswordInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(({ ctx, input }) => ctx.services.emailLogin.requestPassword(input.email, ctx.ip)),
  emailLogin: publicProcedure
    .input(zEmailLoginInput)
    .output(zLoginResult)
    .mutation(({ ctx, input }) => ctx.services.emailLogin.login(input.email, input.password, ctx.ip)),
  cibaPoll: publicProcedure.input(zCibaPollInput).output(zCibaPoll).mutation(({ ctx, input }) => ctx.services.login.cibaPoll(input.requestId)),
  me: pharmacistProcedure.output(zMe).query(({ ctx }) => ctx.services.account.me(ctx.principal)),
  logout: pharmacistProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.services.auth.revoke(ctx.principal.tokenId);
    return { ok: true as const };
  }),
});
