import type { ZMe } from '../../shared/schemas/auth';
import type { ZEffecteur, ZOfficine } from '../../shared/schemas/reference-data';
import { AppError } from '../errors';
import { listEffecteursOfOfficine } from '../repositories/effecteurs-repository';
import { findOfficineById, setOfficineEmail } from '../repositories/officines-repository';
import { insertAuditEvent } from '../repositories/audit-repository';
import { findPharmacistById, listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import type { LoginMethod, Principal } from './auth-service';
import type { ZAccount } from '../../shared/schemas/account';
import { listLastLoginByPharmacist, listRecentLogins } from '../repositories/tokens-repository';
import type { ServiceDeps } from './deps';
import { toEffecteur, toOfficine } from './mappers';

type PharmacistPrincipal = Extract<Principal, { kind: 'pharmacist' }>;

export class AccountService {
  constructor(private readonly deps: ServiceDeps) {}

  async me(principal: PharmacistPrincipal): Promise<ZMe> {
    const [pharmacist, officine] = await Promise.all([
      findPharmacistById(this.deps.db, principal.pharmacistId),
      this.officine(principal.officineId),
    ]);
    if (!pharmacist) throw new AppError('TOKEN_INVALID');
    return {
      kind: 'pharmacist',
      pharmacist: { id: pharmacist.id, idNat: pharmacist.id_nat, firstName: pharmacist.first_name, lastName: pharmacist.last_name },
      officine,
      method: principal.method,
      expiresAt: principal.expiresAt,
      required: officine.email === null ? ['email'] : [],
    };
  }

  async get(officineId: number): Promise<ZAccount> {
    const [officine, pharmacists, lastLogins, recent] = await Promise.all([
      this.officine(officineId),
      listPharmacistsOfOfficine(this.deps.db, officineId),
      listLastLoginByPharmacist(this.deps.db, officineId),
      listRecentLogins(this.deps.db, officineId, 10),
    ]);
    const lastLogin = new Map(lastLogins.map((l) => [l.pharmacist_id, l.last_login_at]));
    return {
      officine,
      pharmacists: pharmacists.map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, role: p.role, lastLoginAt: lastLogin.get(p.id) ?? null })),
      recentLogins: recent.flatMap((r) => (r.pharmacist_id === null ? [] : [{ at: r.created_at, method: r.method as LoginMethod, pharmacistId: r.pharmacist_id }])),
    };
  }

  async listEffecteurs(officineId: number): Promise<ZEffecteur[]> {
    return (await listEffecteursOfOfficine(this.deps.db, officineId)).map(toEffecteur);
  }

  /**
   * Sets the officine's e-mail (asked at first login, changeable at any time). It is the
   * login when Pro Santé Connect is down, so both the old and the new address are told.
   */
  async setEmail(actor: { pharmacistId: number; officineId: number }, rawEmail: string): Promise<{ officine: ZOfficine; notified: boolean }> {
    // Lower-cased: it is matched as a login when PSC is down.
    const email = rawEmail.trim().toLowerCase();
    const at = this.deps.clock.now().toISOString();
    const { before, after } = await this.deps.db.transaction().execute(async (trx) => {
      const row = await findOfficineById(trx, actor.officineId);
      if (!row) throw new AppError('OFFICINE_NOT_FOUND');
      await setOfficineEmail(trx, actor.officineId, email, at);
      await insertAuditEvent(trx, {
        at,
        actorKind: 'pharmacist',
        actorId: actor.pharmacistId,
        officineId: actor.officineId,
        entity: 'officine',
        entityId: actor.officineId,
        action: 'set_email',
        before: { email: row.email },
        after: { email },
      });
      return { before: toOfficine(row), after: { ...toOfficine(row), email } };
    });
    if (before.email === email) return { officine: after, notified: false };
    const notified = await this.notifyEmailChange(before, email);
    return { officine: after, notified };
  }

  private async notifyEmailChange(officine: ZOfficine, email: string): Promise<boolean> {
    const subject = 'Adresse e-mail de votre officine enregistrée';
    const body = (lead: string) =>
      `${lead}\n\nOfficine : ${officine.name} (FINESS ${officine.finess})\nNouvelle adresse : ${email}\n\n` +
      'Cette adresse sert d’identifiant pour recevoir un mot de passe de connexion si Pro Santé Connect est indisponible.\n' +
      'Si vous n’êtes pas à l’origine de ce changement, contactez le support de Santé publique France.';
    try {
      await this.deps.mailer.send({ to: email, subject, text: body('Cette adresse est désormais celle de votre officine dans l’outil de commande de vaccins.') });
      if (officine.email) {
        await this.deps.mailer.send({ to: officine.email, subject: 'Changement de l’adresse e-mail de votre officine', text: body(`L’adresse e-mail de votre officine a été remplacée ; elle n’est plus ${officine.email}.`) });
      }
      return true;
    } catch {
      // The change itself is saved; the answer says the notice could not be sent.
      return false;
    }
  }

  private async officine(id: number): Promise<ZOfficine> {
    const row = await findOfficineById(this.deps.db, id);
    if (!row) throw new AppError('OFFICINE_NOT_FOUND');
    return toOfficine(row);
  }
}
