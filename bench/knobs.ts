/** What `npm run bench` can be tuned with; the defaults keep a full run to a few minutes on 2 cores. */
export interface Knobs {
  seconds: number;
  rounds: number;
  connections: number[];
  /** Officines (each with its own token) the order load cycles through. */
  orderOfficines: number;
  allocOfficines: number;
  only: 'all' | 'orders' | 'allocation' | 'postgres' | 'widget' | 'extension';
  /** Runs of each widget measurement (BENCH_WIDGET_RUNS). */
  widgetRuns: number;
  /** Runs of each extension measurement (BENCH_EXTENSION_RUNS). */
  extensionRuns: number;
  /** A PostgreSQL database to connect to while creating and dropping the bench's own (BENCH_POSTGRES_URL). */
  postgresAdminUrl: string;
}

export const linesPerOrder = 50;
export const allocLinesPerOfficine = 20;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function readKnobs(env: NodeJS.ProcessEnv = process.env): Knobs {
  const only = env.BENCH_ONLY ?? 'all';
  if (only !== 'all' && only !== 'orders' && only !== 'allocation' && only !== 'postgres' && only !== 'widget' && only !== 'extension') {
    throw new Error(`BENCH_ONLY must be orders, allocation, postgres, widget or extension, got "${only}"`);
  }
  const connections = (env.BENCH_CONNECTIONS ?? '10,50').split(',').map((c) => positiveInt({ BENCH_CONNECTIONS: c.trim() }, 'BENCH_CONNECTIONS', 0));
  return {
    seconds: positiveInt(env, 'BENCH_SECONDS', 5),
    rounds: positiveInt(env, 'BENCH_ROUNDS', 3),
    connections,
    orderOfficines: positiveInt(env, 'BENCH_OFFICINES', 2000),
    allocOfficines: positiveInt(env, 'BENCH_ALLOC_OFFICINES', 21_000),
    widgetRuns: positiveInt(env, 'BENCH_WIDGET_RUNS', 10),
    extensionRuns: positiveInt(env, 'BENCH_EXTENSION_RUNS', 7),
    only,
    postgresAdminUrl: env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}
