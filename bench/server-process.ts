import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const running = new Set<ChildProcess>();
// An interrupted run leaves no server behind (run.ts turns Ctrl-C into an exit).
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * The real server as it is deployed: `node --import tsx server/main.ts` in its own process,
 * configured by its environment only. Resolves once it prints that it listens.
 */
export function startServerProcess(databaseUrl: string, timeoutMs = 60_000): Promise<ServerProcess> {
  // BENCH_CPU_PROF_DIR: each server process writes a V8 CPU profile there when it stops, for diagnosis.
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      // NODE_ENV=test: production would demand SMTP and PSC; nothing on the order path depends on it.
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      PSC_STAND_IN: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let out = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server/main.ts did not say it was ready within ${timeoutMs} ms; its output: ${out.slice(0, 500)}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server/main.ts exited (${code}) before it was ready; its output: ${out.slice(0, 500)}`));
    };
    child.once('exit', onExit);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (data: string) => {
      // Keep reading after start-up too (and drop it), or a full pipe would block the server.
      if (ready || out.length > 10_000) return;
      out += data;
      const url = /prêt : (http:\/\/\S+)/.exec(out)?.[1];
      if (url && child.pid !== undefined) {
        ready = true;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ url, pid: child.pid, stop });
      }
    });
  });
}
