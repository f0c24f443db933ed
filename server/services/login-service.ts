import { randomBytes, randomInt } from 'node:crypto';
import { sha256Hex } from '../lib/secret-hash';
import { assessEligibility, type EligibleActivity, type PscUserinfo } from '../auth/psc/eligibility';
import type { PscClient } from '../auth/psc/psc-client';
import type { ZCibaPoll, ZLoginResult } from '../../shared/schemas/auth';
import { AppError } from '../errors';
import type { Db } from '../db/schema';
import { findOfficineByFiness, findOfficineBySiret, findOfficinesByIds } from '../repositories/officines-repository';
import { findPharmacistByIdNat, insertPharmacist, isLinked, linkPharmacistToOfficine } from '../repositories/pharmacists-repository';
import * as login from '../repositories/login-repository';
import type { AccountService } from './account-service';
import type { AuthService, LoginMethod } from './auth-service';
import type { ServiceDeps } from './deps';
import { rateRules, type RateLimiter } from './rate-limiter';

const minute = 60_000;
const flowLifetimeMs = 10 * minute;
/** The one-time code only bridges a redirect to the client's exchange call. */
const codeLifetimeMs = 2 * minute;

const random = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export class LoginService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly psc: PscClient | null,
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly limiter: RateLimiter,
  ) {}

  private client(): PscClient {
    if (!this.psc) throw new AppError('PSC_UNAVAILABLE');
    return this.psc;
  }

  /** Drops login state past its expiry (flows, codes, e-CPS requests). */
  async purgeExpired(): Promise<void> {
    await login.purgeExpiredLoginState(this.deps.db, this.deps.clock.now().toISOString());
  }

  /** A login may only return to a configured place: no open redirect. */
  checkReturnTo(returnTo: string): URL {
    let url: URL;
    try {
      url = new URL(returnTo);
    } catch {
      throw new AppError('RETURN_URL_NOT_ALLOWED');
    }
    // The server's own pop-up page is always a valid return: it checks the opener's origin itself.
    const ownPopup = url.origin === new URL(this.deps.config.publicUrl).origin && url.pathname === '/auth/psc/popup';
    const allowed = ownPopup || this.deps.config.returnUrls.some(
      (prefix) => url.protocol === prefix.protocol && url.host === prefix.host && url.pathname.startsWith(prefix.pathname) && url.username === '' && url.password === '',
    );
    if (!allowed) throw new AppError('RETURN_URL_NOT_ALLOWED');
    return url;
  }

  /** Starts the redirect flow: PKCE, state and nonce are kept server-side for the callback. */
  async startRedirect(returnTo: string): Promise<URL> {
    this.checkReturnTo(returnTo);
    const now = this.deps.clock.now();
    const checks = { state: random(), nonce: random(), codeVerifier: random(48) };
    const url = await this.client().authorizationUrl(checks);
    await login.insertAuthFlow(this.deps.db, {
      state_hash: sha256Hex(checks.state),
      nonce: checks.nonce,
      code_verifier: checks.codeVerifier,
      return_to: returnTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + flowLifetimeMs).toISOString(),
    });
    return url;
  }

  /**
   * Finishes the redirect flow. Returns where to send the browser: back to the client with a
   * one-time code, or with the refusal's code. Without a known state there is nowhere safe
   * to return to, so that error is thrown.
   */
  async finishRedirect(callbackUrl: URL): Promise<{ returnTo: URL; loginCode: string } | { returnTo: URL; error: AppError }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const flow = await login.takeAuthFlow(this.deps.db, sha256Hex(state), this.deps.clock.now().toISOString());
    if (!flow) throw new AppError('PSC_STATE_MISMATCH');
    const returnTo = new URL(flow.return_to);
    try {
      const userinfo = await this.client().finishLogin(callbackUrl, { state, nonce: flow.nonce, codeVerifier: flow.code_verifier });
      return { returnTo, loginCode: await this.admit(userinfo, userinfo.authMode === 'CARD' ? 'card' : 'ecps') };
    } catch (error) {
      if (error instanceof AppError) return { returnTo, error };
      throw error;
    }
  }

  /** Exchanges the one-time code for a bearer token, once; asks to choose when several officines qualify. */
  async exchangeCode(code: string, officineId: number | undefined): Promise<ZLoginResult> {
    const row = await login.findLoginCode(this.deps.db, sha256Hex(code));
    const now = this.deps.clock.now().toISOString();
    if (!row || row.used_at !== null || row.expires_at <= now) throw new AppError('PSC_CODE_EXPIRED');
    const officineIds = JSON.parse(row.officine_ids) as number[];
    const chosen = officineId ?? (officineIds.length === 1 ? officineIds[0] : undefined);
    if (chosen === undefined) return { status: 'choose_officine', code, officines: await this.choices(row.pharmacist_id, officineIds) };
    if (!officineIds.includes(chosen)) throw new AppError('OFFICINE_CHOICE_INVALID');
    if (!(await login.useLoginCode(this.deps.db, row.id, now))) throw new AppError('PSC_CODE_EXPIRED');
    const { token, expiresAt } = await this.auth.issuePharmacistToken(row.pharmacist_id, chosen, row.method as LoginMethod);
    const principal = await this.auth.authenticate(`Bearer ${token}`);
    if (principal.kind !== 'pharmacist') throw new AppError('TOKEN_INVALID');
    return { status: 'authenticated', token, expiresAt, me: await this.account.me(principal) };
  }

  /** e-CPS push without redirect: PSC notifies the phone, the user compares the two digits. */
  async cibaStart(idNat: string, ip: string): Promise<{ requestId: string; bindingMessage: string; expiresAt: string; intervalSeconds: number }> {
    // Each start pushes a notification to someone's phone: not to be repeated at will.
    await this.limiter.check(`ciba:idnat:${sha256Hex(idNat)}`, rateRules.cibaPerIdNat);
    await this.limiter.check(`ciba:ip:${ip}`, rateRules.cibaPerAddress);
    const bindingMessage = String(randomInt(0, 100)).padStart(2, '0');
    const started = await this.client().startCiba(idNat, bindingMessage);
    const now = this.deps.clock.now();
    const requestId = random();
    const expiresAt = new Date(now.getTime() + started.expiresIn * 1000).toISOString();
    await login.insertCibaRequest(this.deps.db, {
      request_hash: sha256Hex(requestId),
      auth_req_id: started.authReqId,
      id_nat: idNat,
      binding_message: bindingMessage,
      status: 'pending',
      interval_seconds: started.interval,
      next_poll_at: new Date(now.getTime() + started.interval * 1000).toISOString(),
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { requestId, bindingMessage, expiresAt, intervalSeconds: started.interval };
  }

  /** The client polls us; we poll PSC no faster than PSC asked. */
  async cibaPoll(requestId: string): Promise<ZCibaPoll> {
    const row = await login.findCibaRequest(this.deps.db, sha256Hex(requestId));
    if (!row || row.status === 'done') throw new AppError('CIBA_REQUEST_NOT_FOUND');
    const now = this.deps.clock.now();
    if (row.status === 'denied') return { status: 'denied' };
    if (row.status === 'expired' || row.expires_at <= now.toISOString()) return { status: 'expired' };
    if (row.next_poll_at > now.toISOString()) return { status: 'pending', intervalSeconds: row.interval_seconds };
    const result = await this.client().pollCiba(row.auth_req_id);
    if (result.status === 'pending') {
      const interval = row.interval_seconds + (result.slowDown ? 5 : 0);
      await login.moveCibaRequest(this.deps.db, row.id, 'pending', {
        interval_seconds: interval,
        next_poll_at: new Date(now.getTime() + interval * 1000).toISOString(),
      });
      return { status: 'pending', intervalSeconds: interval };
    }
    if (result.status !== 'approved') {
      await login.moveCibaRequest(this.deps.db, row.id, 'pending', { status: result.status });
      return { status: result.status };
    }
    // Only the poller that moves the request to done may turn it into a login.
    if (!(await login.moveCibaRequest(this.deps.db, row.id, 'pending', { status: 'done' }))) throw new AppError('CIBA_REQUEST_NOT_FOUND');
    if (result.userinfo.SubjectNameID !== row.id_nat && result.userinfo.preferred_username !== row.id_nat) throw new AppError('PSC_LOGIN_FAILED');
    return this.exchangeCode(await this.admit(result.userinfo, 'ciba'), undefined);
  }

  /**
   * Applies the eligibility rules and finds the officines; only then records the pharmacist.
   * Nothing is created for someone who is refused.
   */
  private async admit(userinfo: PscUserinfo, method: LoginMethod): Promise<string> {
    const eligibility = assessEligibility(userinfo);
    if (!eligibility.ok) {
      throw new AppError(eligibility.reason === 'NOT_PHARMACIST' || eligibility.reason === 'NO_IDENTITY' ? 'PSC_NOT_PHARMACIST' : 'PSC_ROLE_NOT_ELIGIBLE');
    }
    const matches = await this.matchOfficines(eligibility.activities);
    if (matches.length === 0) {
      const first = eligibility.activities[0];
      throw new AppError('PSC_OFFICINE_UNKNOWN', { structure: first?.finess ? `FINESS ${first.finess}` : first?.siret ? `SIRET ${first.siret}` : 'sans identifiant' });
    }
    const now = this.deps.clock.now();
    const code = random();
    await this.deps.db.transaction().execute(async (trx) => {
      const pharmacistId = await this.recordPharmacist(trx, eligibility, now.toISOString());
      for (const match of matches) {
        if (!(await isLinked(trx, pharmacistId, match.officineId))) await linkPharmacistToOfficine(trx, pharmacistId, match.officineId, match.role);
      }
      await login.insertLoginCode(trx, {
        code_hash: sha256Hex(code),
        pharmacist_id: pharmacistId,
        officine_ids: JSON.stringify(matches.map((m) => m.officineId)),
        method,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + codeLifetimeMs).toISOString(),
      });
    });
    return code;
  }

  private async matchOfficines(activities: EligibleActivity[]): Promise<{ officineId: number; role: string }[]> {
    const found = new Map<number, string>();
    for (const activity of activities) {
      const officine =
        (activity.finess ? await findOfficineByFiness(this.deps.db, activity.finess) : undefined) ??
        (activity.siret ? await findOfficineBySiret(this.deps.db, activity.siret) : undefined);
      if (officine && !found.has(officine.id)) found.set(officine.id, activity.role);
    }
    return [...found.entries()].map(([officineId, role]) => ({ officineId, role }));
  }

  private async recordPharmacist(trx: Db, who: { idNat: string; firstName: string; lastName: string }, at: string): Promise<number> {
    const existing = await findPharmacistByIdNat(trx, who.idNat);
    if (existing) return existing.id;
    return insertPharmacist(trx, { idNat: who.idNat, firstName: who.firstName, lastName: who.lastName, createdAt: at });
  }

  private async choices(pharmacistId: number, officineIds: number[]) {
    const officines = await findOfficinesByIds(this.deps.db, officineIds);
    const result = [];
    for (const o of officines) {
      const link = await isLinked(this.deps.db, pharmacistId, o.id);
      result.push({ id: o.id, name: o.name, finess: o.finess, city: o.city, role: link?.role ?? '' });
    }
    return result;
  }
}
