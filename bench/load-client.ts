/**
 * The load generator, run as a child process of bench/run.ts. autocannon in the servers'
 * process would share their event loop: its own request building and response parsing
 * would be counted as server latency. A separate process lets the OS put it on the other
 * core (the machine has two, so it still competes with the server for CPU; see docs/BENCHMARKS.md).
 */
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load-protocol';

async function run(spec: LoadSpec): Promise<LoadResult> {
  const n = spec.clients.length;
  const pairs = n * spec.sessions.length;
  let next = 0;
  const failures: string[] = [];
  const result = await autocannon({
    url: spec.urls.length === 1 ? (spec.urls[0] ?? '') : spec.urls,
    connections: spec.connections,
    duration: spec.seconds,
    maxOverallRequests: pairs,
    requests: [
      {
        method: 'POST',
        path: '/trpc/orders.create',
        setupRequest: (request) => {
          const i = next++;
          const client = spec.clients[i % n];
          const sessionId = spec.sessions[Math.floor(i / n)];
          if (!client || sessionId === undefined) throw new Error(`request ${i} has no (officine, session) pair left`);
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: client.authorization },
            body: `{"sessionId":${sessionId},"idempotencyKey":"bench-${sessionId}-${i % n}","lines":${client.linesJson}}`,
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failures.length < 3) failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    connections: spec.connections,
    durationS: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.mean,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    failures,
    capped: next >= pairs,
  };
}

process.on('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
