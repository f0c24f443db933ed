import { z } from 'zod';
import { zEffecteur, zOfficine } from '../../../shared/schemas/reference-data';
import { pharmacistProcedure, router } from '../trpc';

const zAccount = z.object({
  officine: zOfficine,
  pharmacists: z.array(z.object({ id: z.number(), firstName: z.string(), lastName: z.string(), role: z.string() })),
});

export const accountRouter = router({
  get: pharmacistProcedure.output(zAccount).query(({ ctx }) => ctx.services.account.get(ctx.principal.officineId)),
  listEffecteurs: pharmacistProcedure.output(z.array(zEffecteur)).query(({ ctx }) => ctx.services.account.listEffecteurs(ctx.principal.officineId)),
});
