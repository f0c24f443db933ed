import { z } from 'zod';
import { zCurrentSession, zSession } from '../../../shared/schemas/sessions';
import { pharmacistProcedure, router } from '../trpc';

export const sessionsRouter = router({
  current: pharmacistProcedure.output(zCurrentSession).query(({ ctx }) => ctx.services.sessions.current(ctx.principal.officineId)),
  list: pharmacistProcedure.output(z.array(zSession)).query(({ ctx }) => ctx.services.sessions.list()),
});
