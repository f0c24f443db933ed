import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { authRouter } from './routers/auth';
import { healthProcedure } from './routers/health';
import { ordersRouter } from './routers/orders';
import { sessionsRouter } from './routers/sessions';
import { supportRouter } from './routers/support';
import { stockSurveyRouter } from './routers/stock-survey';
import { trackingRouter } from './routers/tracking';
import { router } from './trpc';

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
  account: accountRouter,
  sessions: sessionsRouter,
  orders: ordersRouter,
  tracking: trackingRouter,
  stockSurvey: stockSurveyRouter,
  support: supportRouter,
  admin: adminRouter,
});

/** The only server type the widget and the extension import. */
export type AppRouter = typeof appRouter;
