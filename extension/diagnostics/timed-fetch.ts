import type { FetchOutcome } from './facts';

/** Where the browser reports why a request failed (webRequest.onErrorOccurred), when it exposes it. */
export interface ErrorEvents {
  addListener(callback: (details: { url: string; error: string }) => void, filter: { urls: string[] }): void;
  removeListener(callback: (details: { url: string; error: string }) => void): void;
}

/**
 * One GET with a hard timeout, so a dead host gives a verdict instead of a hang. fetch only
 * says "TypeError" on failure; the browser's own error code (net::ERR_…, NS_ERROR_…) comes
 * from webRequest when the extension may watch that host.
 */
export async function timedFetch(url: string, timeoutMs: number, errors?: ErrorEvents): Promise<FetchOutcome> {
  let browserError: string | null = null;
  const onError = (details: { url: string; error: string }) => {
    if (details.url.startsWith(url)) browserError = details.error;
  };
  try {
    errors?.addListener(onError, { urls: [`${new URL(url).origin}/*`] });
  } catch {
    // No webRequest here (or no permission for this host): the generic code will do.
  }
  const sentAt = Date.now();
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    const receivedAt = Date.now();
    let body: unknown = null;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
    return { ok: true, status: response.status, latencyMs: receivedAt - sentAt, body, dateHeader: response.headers.get('date'), sentAt, receivedAt };
  } catch (error) {
    const latencyMs = Date.now() - sentAt;
    const name = error instanceof Error ? error.name : '';
    // The error event may trail the rejected promise by a moment.
    if (!browserError && name !== 'TimeoutError') await new Promise((resolve) => setTimeout(resolve, 50));
    const code = name === 'TimeoutError' ? `TIMEOUT (${timeoutMs} ms)` : (browserError ?? 'NETWORK_ERROR');
    return { ok: false, error: code, latencyMs };
  } finally {
    try {
      errors?.removeListener(onError);
    } catch {
      // Nothing was added.
    }
  }
}
