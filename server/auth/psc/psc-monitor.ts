import type { PscClient } from './psc-client';

export type PscStatus = 'up' | 'down' | 'unknown';

/**
 * Watches Pro Santé Connect: health reports it, and the e-mail fallback opens only while
 * PSC is down. A check is a discovery fetch with a timeout, so a dead host gives a verdict.
 */
export class PscMonitor {
  private current: PscStatus = 'unknown';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly psc: PscClient | null) {}

  get status(): PscStatus {
    return this.psc ? this.current : 'down';
  }

  async check(): Promise<PscStatus> {
    if (!this.psc) return 'down';
    this.current = (await this.psc.probe()) ? 'up' : 'down';
    return this.current;
  }

  start(everyMs: number): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
