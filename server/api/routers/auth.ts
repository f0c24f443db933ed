import { z } from 'zod';
import { zMe } from '../../../shared/schemas/auth';
import { pharmacistProcedure, router } from '../trpc';

export const authRouter = router({
  me: pharmacistProcedure.output(zMe).query(({ ctx }) => ctx.services.account.me(ctx.principal)),
  logout: pharmacistProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.services.auth.revoke(ctx.principal.tokenId);
    return { ok: true as const };
  }),
});
