import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../server/api/router';

/** The extension's API client; the background will own it and its token. */
export function createApiClient(options: { url: string; token?: string }) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url}/trpc`,
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
      }),
    ],
  });
}
