import { sql } from 'kysely';
import type { ZHealth } from '../../shared/schemas/auth';
import type { ServiceDeps } from './deps';

export const appVersion = '0.1.0';

export class HealthService {
  constructor(private readonly deps: ServiceDeps) {}

  async check(): Promise<ZHealth> {
    const database = await this.pingDatabase();
    return {
      status: database === 'ok' ? 'ok' : 'degraded',
      version: appVersion,
      serverTime: this.deps.clock.now().toISOString(),
      database,
      // Pro Santé Connect is watched once the login issue wires it; until then we do not claim it is up.
      psc: 'unknown',
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
