import { sql } from 'kysely';
import type { ZHealth } from '../../shared/schemas/auth';
import type { PscMonitor } from '../auth/psc/psc-monitor';
import type { ServiceDeps } from './deps';

export const appVersion = '0.1.0';

export class HealthService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly psc: PscMonitor,
  ) {}

  async check(): Promise<ZHealth> {
    const database = await this.pingDatabase();
    return {
      status: database === 'ok' ? 'ok' : 'degraded',
      version: appVersion,
      serverTime: this.deps.clock.now().toISOString(),
      database,
      psc: this.psc.status,
    };
  }

  private async pingDatabase(): Promise<'ok' | 'error'> {
    try {
      await sql`select 1`.execute(this.deps.db);
      return 'ok';
    } catch {
      return 'error';
    }
  }
}
