import { fork, type ChildProcess } from 'node:child_process';
import type { LoadResult, LoadSpec } from './load-protocol';

type Reply = { ok: true; result: LoadResult } | { ok: false; error: string };

/** The coordinator's handle on the load-generator process (bench/load-client.ts). */
export class LoadGenerator {
  private readonly child: ChildProcess;

  constructor() {
    // fork keeps this process's execArgv, so the child gets tsx's loader too.
    this.child = fork(new URL('./load-client.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  run(spec: LoadSpec): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: Reply) => {
        this.child.off('exit', onExit);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`load generator failed: ${reply.error}`));
      });
      this.child.send(spec);
    });
  }

  /** For CPU accounting (bench/cpu.ts). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  close(): void {
    this.child.disconnect();
  }
}
