import { AppError } from '../errors';
import { hit } from '../repositories/rate-limits-repository';
import type { ServiceDeps } from './deps';

export interface RateRule {
  max: number;
  windowMs: number;
}

const minute = 60_000;

/** Every rate limit of the service, in one place. Counters live in the database: they hold across processes. */
export const rateRules = {
  emailPasswordPerEmail: { max: 5, windowMs: 60 * minute },
  emailPasswordPerAddress: { max: 30, windowMs: 60 * minute },
  emailLoginPerEmail: { max: 10, windowMs: 15 * minute },
  emailLoginPerAddress: { max: 50, windowMs: 15 * minute },
  cibaPerIdNat: { max: 5, windowMs: 10 * minute },
  cibaPerAddress: { max: 30, windowMs: 10 * minute },
  ticketsPerAddress: { max: 20, windowMs: 60 * minute },
} satisfies Record<string, RateRule>;

export class RateLimiter {
  constructor(private readonly deps: ServiceDeps) {}

  /** Counts one more hit and refuses with RATE_LIMITED beyond the rule's maximum. */
  async check(key: string, rule: RateRule): Promise<void> {
    const now = this.deps.clock.now();
    const count = await hit(this.deps.db, key, now.toISOString(), new Date(now.getTime() - rule.windowMs).toISOString());
    if (count > rule.max) throw new AppError('RATE_LIMITED');
  }
}
