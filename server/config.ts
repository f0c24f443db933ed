import { z } from 'zod';

const zBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const zEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** `sqlite:<path>` (the embedded default), `sqlite::memory:`, or `postgres://user@host:port/database`. */
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'attendu : sqlite:<chemin>, sqlite::memory: ou postgres://…')
    .default('sqlite:./data/vaccins.db'),
  /** PostgreSQL connections per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: zBool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  TOKEN_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(3_000_000),
  /** Origins allowed to call the API from a browser (pharmacy software, the demo host); comma-separated, `*` for any. */
  CORS_ORIGINS: z.string().default('*'),
  /** smtp://user:pass@host:port or smtps://…; without it, development keeps mail in memory. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'attendu : smtp://… ou smtps://…').optional(),
  MAIL_FROM: z.string().min(3).default('Commande de vaccins Covid-19 <ne-pas-repondre@commande-vaccins.example>'),
  /** The address users reach the server at; PSC redirects back to PUBLIC_URL/auth/psc/callback. */
  PUBLIC_URL: z.url().optional(),
  /** PSC's discovery document (…/.well-known/wallet-openid-configuration). */
  PSC_DISCOVERY_URL: z.url().optional(),
  PSC_CLIENT_ID: z.string().min(1).default('commande-vaccins-dev'),
  PSC_CLIENT_SECRET: z.string().min(8).default('dev-secret-not-for-production'),
  PSC_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  /** Start the local PSC stand-in (development only). */
  PSC_STAND_IN: zBool.optional(),
  PSC_STAND_IN_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  /** The demo page imitating pharmacy software, on its own port (another origin): on by default in development. */
  DEMO_HOST: zBool.optional(),
  DEMO_HOST_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** Where a login may return to (URL prefixes, comma-separated): the widget hosts, the extension's redirect URLs. */
  AUTH_RETURN_URLS: z.string().optional(),
  /** The e-mail + one-time password fallback: only while PSC is down (default), always, or never. */
  EMAIL_LOGIN: z.enum(['when_psc_down', 'always', 'never']).default('when_psc_down'),
  /** Behind a load balancer: the balancer's addresses (comma-separated) or a hop count, so rate limits see the client. */
  TRUST_PROXY: z.string().regex(/^(\d+|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/, 'attendu : un nombre de relais ou des adresses séparées par des virgules').optional(),
});

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  seedDemo: boolean;
  logLevel: z.infer<typeof zEnv>['LOG_LEVEL'];
  token: { idleMinutes: number; maxHours: number };
  bodyLimitBytes: number;
  corsOrigins: string[] | '*';
  mail: { smtpUrl: string | null; from: string };
  publicUrl: string;
  psc: {
    discoveryUrl: string | null;
    clientId: string;
    clientSecret: string;
    timeoutSeconds: number;
    standIn: { enabled: boolean; port: number };
  };
  /** Allowed login return URLs, as parsed prefixes. */
  returnUrls: URL[];
  /** The demo page imitating pharmacy software (development). */
  demoHost: { enabled: boolean; port: number; url: string };
  emailLogin: 'when_psc_down' | 'always' | 'never';
  trustProxy: number | string[] | false;
}

export class ConfigError extends Error {}

/** Reads the environment once at start; a wrong value stops the server with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = zEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const standIn = e.PSC_STAND_IN ?? e.NODE_ENV === 'development';
  if (e.NODE_ENV === 'production') {
    const missing = [
      !e.SMTP_URL && 'SMTP_URL: obligatoire en production (les e-mails ne doivent pas rester en mémoire)',
      standIn && 'PSC_STAND_IN: le simulateur de Pro Santé Connect est interdit en production',
      !e.PSC_DISCOVERY_URL && 'PSC_DISCOVERY_URL: obligatoire en production',
      !e.PUBLIC_URL?.startsWith('https://') && 'PUBLIC_URL: obligatoire en production, en https',
      !env.PSC_CLIENT_SECRET && 'PSC_CLIENT_SECRET: obligatoire en production',
    ].filter((line): line is string => typeof line === 'string');
    if (missing.length > 0) throw new ConfigError(`Configuration invalide :\n  ${missing.join('\n  ')}`);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, '');
  const demoHost = { enabled: e.DEMO_HOST ?? e.NODE_ENV === 'development', port: e.DEMO_HOST_PORT, url: `http://${e.HOST}:${e.DEMO_HOST_PORT}` };
  let returnUrls: URL[];
  try {
    // By default the service itself, and the demo host page when it runs, may receive a login.
    returnUrls = (e.AUTH_RETURN_URLS ?? [`${publicUrl}/`, ...(demoHost.enabled ? [`${demoHost.url}/`] : [])].join(',')).split(',').map((u) => u.trim()).filter(Boolean).map((u) => new URL(u));
  } catch {
    throw new ConfigError('Configuration invalide :\n  AUTH_RETURN_URLS: une liste d’URL séparées par des virgules est attendue');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL.startsWith('sqlite:')
      ? { kind: 'sqlite', path: e.DATABASE_URL.slice('sqlite:'.length) }
      : { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    token: { idleMinutes: e.TOKEN_IDLE_MINUTES, maxHours: e.TOKEN_MAX_HOURS },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    publicUrl,
    psc: {
      discoveryUrl: e.PSC_DISCOVERY_URL ?? null,
      clientId: e.PSC_CLIENT_ID,
      clientSecret: e.PSC_CLIENT_SECRET,
      timeoutSeconds: e.PSC_TIMEOUT_SECONDS,
      standIn: { enabled: standIn, port: e.PSC_STAND_IN_PORT },
    },
    returnUrls,
    demoHost,
    emailLogin: e.EMAIL_LOGIN,
    trustProxy: e.TRUST_PROXY === undefined ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.split(','),
  };
}

/** For process entry points: a wrong configuration prints its message and stops the process. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
