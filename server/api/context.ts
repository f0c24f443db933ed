import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { AppConfig } from '../config';
import type { Lang } from '../../shared/errors/catalogue';
import type { Services } from '../services/index';

export interface Context {
  services: Services;
  config: AppConfig;
  authorization: string | undefined;
  lang: Lang;
  requestId: string;
  /** The caller's address, for rate limits (behind a proxy, Fastify's trustProxy decides). */
  ip: string;
}

export function contextFactory(services: Services, config: AppConfig) {
  return ({ req }: CreateFastifyContextOptions): Context => ({
    services,
    config,
    authorization: req.headers.authorization,
    // French first; English only when the client asks for it before French.
    lang: /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'fr',
    requestId: req.id,
    ip: req.ip,
  });
}
