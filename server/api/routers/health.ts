import { zHealth } from '../../../shared/schemas/auth';
import { publicProcedure } from '../trpc';

export const healthProcedure = publicProcedure.output(zHealth).query(({ ctx }) => ctx.services.health.check());
