import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../server/api/router';

/** The widget talks to the API with a bearer token, never cookies (embedded engines often block them). */
export function createApiClient(options: { url: string; token: () => string | null }) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url.replace(/\/$/, '')}/trpc`,
        headers: () => {
          const token = options.token();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}
