import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/api/router';
import type { Lang } from '../i18n/lang';

export type ApiClient = ReturnType<typeof createApiClient>;

export interface ApiClientOptions {
  url: string;
  token: () => string | null;
  lang: () => Lang;
  /** Defaults to the page's fetch; tests and hosts may pass their own. */
  fetch?: typeof fetch;
  /** Called when the server answers 401: the token expired or was revoked. */
  onUnauthorized?: () => void;
}

/**
 * The widget talks to the API with a bearer token, never cookies: embedded engines often
 * block them. `credentials: 'omit'` keeps any cookie of the API's origin out of the way.
 */
export function createApiClient(options: ApiClientOptions) {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url.replace(/\/$/, '')}/trpc`,
        fetch: async (input, init) => {
          const response = await baseFetch(input, { ...(init as RequestInit), credentials: 'omit' });
          if (response.status === 401 && options.token()) options.onUnauthorized?.();
          return response;
        },
        headers: () => {
          const token = options.token();
          return {
            'accept-language': options.lang(),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          };
        },
      }),
    ],
  });
}
