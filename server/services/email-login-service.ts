import { randomInt, scrypt, timingSafeEqual, randomBytes } from 'node:crypto';
import { sha256Hex } from '../lib/secret-hash';
import { promisify } from 'node:util';
import type { ZLoginResult } from '../../shared/schemas/auth';
import type { PscMonitor } from '../auth/psc/psc-monitor';
import { AppError } from '../errors';
import * as passwords from '../repositories/email-passwords-repository';
import { listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import { purgeRateLimits } from '../repositories/rate-limits-repository';
import { rateRules, type RateLimiter } from './rate-limiter';
import type { AccountService } from './account-service';
import type { AuthService } from './auth-service';
import type { ServiceDeps } from './deps';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const minute = 60_000;
const passwordLifetimeMs = 15 * minute;
/** No 0/O or 1/I/L: the password is read in an e-mail and typed by hand. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';


async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}:${(await scryptAsync(password, salt, 32)).toString('base64')}`;
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [salt = '', hash = ''] = stored.split(':');
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return expected.length > 0 && timingSafeEqual(actual, expected);
}

/**
 * When Pro Santé Connect is down, the officine e-mail given at first login becomes the
 * login: a one-time password is sent to it. The answers never say whether an e-mail is known.
 */
export class EmailLoginService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly psc: PscMonitor,
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly limiter: RateLimiter,
  ) {}

  async requestPassword(email: string, ip: string): Promise<{ sent: true }> {
    await this.assertOpen();
    const key = email.trim().toLowerCase();
    await this.limiter.check(`email-password:email:${sha256Hex(key)}`, rateRules.emailPasswordPerEmail);
    await this.limiter.check(`email-password:ip:${ip}`, rateRules.emailPasswordPerAddress);
    const now = this.deps.clock.now();
    for (const officine of await passwords.listOfficinesByEmail(this.deps.db, key)) {
      const password = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
      await passwords.insertEmailPassword(this.deps.db, {
        officineId: officine.id,
        passwordHash: await hashPassword(password),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + passwordLifetimeMs).toISOString(),
      });
      await this.deps.mailer.send({
        to: key,
        subject: 'Votre mot de passe de connexion au service de commande de vaccins',
        text:
          `Pro Santé Connect est indisponible. Pour vous connecter au service de commande de vaccins pour ${officine.name} (FINESS ${officine.finess}),\n` +
          `utilisez votre adresse e-mail et ce mot de passe : ${password}\n\n` +
          'Il est valable 15 minutes et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message.',
      });
    }
    return { sent: true };
  }

  async login(email: string, password: string, ip: string): Promise<ZLoginResult> {
    await this.assertOpen();
    const key = email.trim().toLowerCase();
    await this.limiter.check(`email-login:email:${sha256Hex(key)}`, rateRules.emailLoginPerEmail);
    await this.limiter.check(`email-login:ip:${ip}`, rateRules.emailLoginPerAddress);
    const now = this.deps.clock.now().toISOString();
    const candidate = password.trim().toUpperCase();
    for (const row of await passwords.listLivePasswords(this.deps.db, key, now)) {
      if (!(await verifyPassword(candidate, row.password_hash))) continue;
      if (!(await passwords.usePassword(this.deps.db, row.id, now))) break;
      // The e-mail identifies the officine; the token acts as its pharmacist known from PSC.
      const [pharmacist] = await listPharmacistsOfOfficine(this.deps.db, row.officine_id);
      if (!pharmacist) throw new AppError('EMAIL_LOGIN_NO_PHARMACIST');
      const { token, expiresAt } = await this.auth.issuePharmacistToken(pharmacist.id, row.officine_id, 'email');
      const principal = await this.auth.authenticate(`Bearer ${token}`);
      if (principal.kind !== 'pharmacist') throw new AppError('TOKEN_INVALID');
      return { status: 'authenticated', token, expiresAt, me: await this.account.me(principal) };
    }
    throw new AppError('EMAIL_LOGIN_FAILED');
  }

  async purgeExpired(): Promise<void> {
    const now = this.deps.clock.now();
    await passwords.purgeEmailPasswords(this.deps.db, now.toISOString());
    await purgeRateLimits(this.deps.db, new Date(now.getTime() - 24 * 60 * minute).toISOString());
  }

  private async assertOpen(): Promise<void> {
    const mode = this.deps.config.emailLogin;
    if (mode === 'always') return;
    if (mode === 'never') throw new AppError('EMAIL_LOGIN_CLOSED');
    const status = this.psc.status === 'unknown' ? await this.psc.check() : this.psc.status;
    if (status === 'up') throw new AppError('EMAIL_LOGIN_CLOSED');
  }
}
