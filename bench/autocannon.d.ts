// autocannon ships no types and @types/autocannon is not a dependency: only what the bench uses.
declare module 'autocannon' {
  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  interface Request extends RequestParams {
    /** Called before every request; returning a falsy value skips it. */
    setupRequest?: (request: RequestParams) => RequestParams;
    onResponse?: (status: number, body: string) => void;
  }

  interface Options {
    /** Several URLs: connection k goes to url[k mod n]. */
    url: string | string[];
    connections?: number;
    duration?: number;
    /** Stops the run early once this many requests were sent, across all connections. */
    maxOverallRequests?: number;
    timeout?: number;
    requests?: Request[];
  }

  interface Histogram {
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
    sent?: number;
  }

  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    mismatches: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
