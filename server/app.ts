import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorCatalogue, errorMessage } from '../shared/errors/catalogue';
import { systemClock, type Clock } from './clock';
import type { AppConfig } from './config';
import type { Db } from './db/schema';
import { contextFactory } from './api/context';
import { appRouter, type AppRouter } from './api/router';
import { createServices, type Services } from './services/index';
import { registerPscRoutes } from './api/psc-routes';
import { registerProbeRoutes } from './api/probe-routes';
import { registerDevMailPage } from './dev/mail-page';
import type { PscClient } from './auth/psc/psc-client';

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
}

export interface BuildOptions {
  config: AppConfig;
  db: Db;
  clock?: Clock;
  /** Where log lines go; tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
  /** The Pro Santé Connect relying party; without it PSC logins answer PSC_UNAVAILABLE. */
  psc?: PscClient | null;
}

/** A hop count trusts that many proxies nearest to the server (proxy-addr's function form). */
function fastifyTrustProxy(trust: AppConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/** The composition root of the server: services over the database, the API over the services. */
export async function buildApp({ config, db, clock = systemClock, logStream, psc = null }: BuildOptions): Promise<BuiltApp> {
  const services = createServices({ db, clock, config, psc });
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Query strings carry PSC's authorization code and state, and query inputs: never logged.
            serializers: { req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }) },
            ...(logStream ? { stream: logStream } : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(cors, {
    origin: config.corsOrigins === '*' ? true : config.corsOrigins,
    credentials: false,
    allowedHeaders: ['authorization', 'content-type', 'accept-language', 'trpc-accept'],
    maxAge: 600,
  });

  // Errors raised before tRPC sees the request (an oversized body) still answer in tRPC's shape.
  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const appCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'INVALID_INPUT' : 'INTERNAL_ERROR';
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const entry = errorCatalogue[appCode];
    void reply.status(status).send({
      error: {
        message: errorMessage(appCode),
        code: -32600,
        data: { code: entry.transport, httpStatus: status, appCode, motif: entry.motif, contact: entry.contact, details: null, fieldErrors: null },
      },
    });
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(services, config),
      onError({ error, path, type, req }) {
        const appCode = error.cause && 'code' in error.cause ? String(error.cause.code) : error.code;
        // Never the input: it may hold personal data or, later, one-time passwords.
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path, type }, 'procedure failed');
        else req.log.info({ path, type, code: error.code, appCode }, 'procedure refused');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  registerPscRoutes(app, services, config);
  registerProbeRoutes(app);

  const widgetDir = resolve(import.meta.dirname, '../dist/widget');
  if (existsSync(widgetDir)) {
    await app.register(fastifyStatic, { root: widgetDir, prefix: '/widget/', decorateReply: false });
  }

  if (config.env !== 'production') registerDevMailPage(app, services);

  app.get('/', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send('Service de commande de vaccins Covid-19. API : /trpc, santé : /trpc/health'),
  );

  return { app, services };
}
