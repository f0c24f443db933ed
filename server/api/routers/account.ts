import { z } from 'zod';
import { zAccount } from '../../../shared/schemas/account';
import { zEmail } from '../../../shared/schemas/common';
import {
  zEffecteur,
  zEffecteurIdInput,
  zEffecteurInput,
  zEffecteurRemoved,
  zEffecteurSaved,
  zEffecteurUpdateInput,
  zOfficine,
} from '../../../shared/schemas/reference-data';
import { officineProcedure, pharmacistProcedure, router } from '../trpc';

export const accountRouter = router({
  get: pharmacistProcedure.output(zAccount).query(({ ctx }) => ctx.services.account.get(ctx.principal.officineId)),
  setEmail: pharmacistProcedure
    .input(z.object({ email: zEmail }))
    .output(z.object({ officine: zOfficine, notified: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.services.account.setEmail(ctx.actor, input.email)),
  listEffecteurs: officineProcedure.output(z.array(zEffecteur)).query(({ ctx }) => ctx.services.account.listEffecteurs(ctx.principal.officineId)),
  addEffecteur: officineProcedure.input(zEffecteurInput).output(zEffecteurSaved).mutation(({ ctx, input }) => ctx.services.effecteurs.add(ctx.actor, input)),
  updateEffecteur: officineProcedure
    .input(zEffecteurUpdateInput)
    .output(zEffecteurSaved)
    .mutation(({ ctx, input }) => ctx.services.effecteurs.update(ctx.actor, input)),
  removeEffecteur: officineProcedure
    .input(zEffecteurIdInput)
    .output(zEffecteurRemoved)
    .mutation(({ ctx, input }) => ctx.services.effecteurs.remove(ctx.actor, input.id)),
});
