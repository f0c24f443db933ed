import { z } from 'zod';
import { zCurrentSession, zSession } from '../../../shared/schemas/sessions';
import { officineProcedure, router } from '../trpc';

export const sessionsRouter = router({
  current: officineProcedure.output(zCurrentSession).query(({ ctx }) => ctx.services.sessions.current(ctx.principal.officineId)),
  list: officineProcedure.output(z.array(zSession)).query(({ ctx }) => ctx.services.sessions.list()),
});
