import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../server/api/router';

export type ApiClient = ReturnType<typeof createApiClient>;

/** The extension's API client: a bearer token in a header, never a cookie. Only the background holds the token. */
export function createApiClient(options: { url: string; token?: string | null; timeoutMs?: number }) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url}/trpc`,
        headers: () => ({ 'accept-language': 'fr', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) }),
        // A dead host must end in an error the user can act on, not in a spinner.
        fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) }),
      }),
    ],
  });
}
