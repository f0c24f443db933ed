import type { LoadClient } from './order-world';

/** One timed run, sent from the coordinator to the load-generator process. */
export interface LoadSpec {
  /**
   * The servers to load. With several, autocannon spreads the connections over them (connection k
   * goes to server k mod n), so the latencies are one histogram over every answer, exact percentiles.
   */
  urls: string[];
  connections: number;
  seconds: number;
  clients: LoadClient[];
  /** Fresh sessions: request i goes to officine i mod n in session floor(i / n), so no pair repeats. */
  sessions: number[];
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few failed answers, so a failed run says why. */
  failures: string[];
  /** The run stopped early because it used every (officine, session) pair it was given. */
  capped: boolean;
}
