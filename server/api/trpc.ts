/**
 * The one place tRPC is initialised. Routers build on the named base procedures below,
 * never on `t` itself, so every procedure gets error mapping and the right access check.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { AppError } from '../errors';
import type { Context } from './context';
import { describeError, toTrpcError } from './error-mapping';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const described = describeError(error, ctx?.lang ?? 'fr');
    return {
      message: described.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: described.appCode,
        motif: described.motif,
        contact: described.contact,
        details: described.details,
        fieldErrors: described.fieldErrors,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
  return result;
});

/** Anyone, logged in or not. */
export const publicProcedure = t.procedure.use(mapAppErrors);

/** A pharmacist's bearer token; ctx.principal says who and for which officine. Only for the account itself: see officineProcedure. */
export const pharmacistProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const principal = await ctx.services.auth.authenticate(ctx.authorization);
  if (principal.kind !== 'pharmacist') throw new AppError('ROLE_FORBIDDEN');
  return next({
    ctx: { principal, actor: { kind: 'pharmacist' as const, pharmacistId: principal.pharmacistId, officineId: principal.officineId } },
  });
});

/**
 * A pharmacist acting for an officine that has given its e-mail: until then (first login)
 * everything but the account answers EMAIL_REQUIRED, and the clients ask for it.
 */
export const officineProcedure = pharmacistProcedure.use(({ ctx, next }) => {
  if (!ctx.principal.officineHasEmail) throw new AppError('EMAIL_REQUIRED');
  return next();
});

/** An SpF operator's admin credential. */
export const adminProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const principal = await ctx.services.auth.authenticate(ctx.authorization);
  if (principal.kind !== 'admin') throw new AppError('ROLE_FORBIDDEN');
  return next({ ctx: { principal, actor: { kind: 'admin' as const, tokenId: principal.tokenId } } });
});

/** Public, but a valid pharmacist token (when sent) ties the call to its officine. */
export const maybePharmacistProcedure = publicProcedure.use(async ({ ctx, next }) => {
  let from: { officineId: number; pharmacistId: number } | null = null;
  if (ctx.authorization) {
    try {
      const principal = await ctx.services.auth.authenticate(ctx.authorization);
      if (principal.kind === 'pharmacist') from = { officineId: principal.officineId, pharmacistId: principal.pharmacistId };
    } catch (error) {
      // An expired session must not stop someone from asking for help.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return next({ ctx: { from } });
});

export { TRPCError };
