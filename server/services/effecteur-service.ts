import { isStructureType } from '../../shared/domain/effecteur-types';
import { checkFiness, checkRpps } from '../../shared/rules/identifiers';
import type { ZEffecteur, ZEffecteurInput, ZEffecteurSaved, ZEffecteurUpdateInput } from '../../shared/schemas/reference-data';
import type { Db } from '../db/schema';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import * as effecteurs from '../repositories/effecteurs-repository';
import type { ServiceDeps } from './deps';
import { toEffecteur } from './mappers';
import { isUniqueViolation } from './unique-violation';

type Warning = ZEffecteurSaved['warnings'][number];

interface Actor {
  pharmacistId: number;
  officineId: number;
}

/** Checks the identifier the effecteur's type calls for and returns it normalised. */
function identify(input: ZEffecteurInput): { rpps: string | null; finess: string | null; warnings: Warning[] } {
  if (input.type === 'officine') throw new AppError('EFFECTEUR_SELF_LOCKED');
  if (isStructureType(input.type)) {
    if (!input.finess) throw new AppError('EFFECTEUR_IDENTIFIER_REQUIRED', {}, { field: 'finess' });
    const finess = checkFiness(input.finess);
    if (!finess.ok) throw new AppError(finess.code, {}, { field: 'finess' });
    return { rpps: null, finess: finess.normalized, warnings: finess.checked ? [] : ['FINESS_NOT_CHECKED'] };
  }
  if (!input.rpps) throw new AppError('EFFECTEUR_IDENTIFIER_REQUIRED', {}, { field: 'rpps' });
  const rpps = checkRpps(input.rpps);
  if (!rpps.ok) throw new AppError(rpps.code, {}, { field: 'rpps' });
  return { rpps: rpps.normalized, finess: null, warnings: rpps.luhnWarning ? ['RPPS_CHECK_DIGIT'] : [] };
}

/** The stored form of what the pharmacist typed, with the checked identifier. */
function columns(input: ZEffecteurInput, ids: { rpps: string | null; finess: string | null }) {
  return {
    type: input.type,
    name: input.name,
    rpps: ids.rpps,
    finess: ids.finess,
    email: input.email,
    notify_by_email: input.notifyByEmail ? 1 : 0,
  };
}

/** The professionals and structures an officine orders for ("effecteurs rattachés"). */
export class EffecteurService {
  constructor(private readonly deps: ServiceDeps) {}

  async add(actor: Actor, input: ZEffecteurInput): Promise<ZEffecteurSaved> {
    const ids = identify(input);
    const at = this.deps.clock.now().toISOString();
    return this.write(async (trx) => {
      if (await effecteurs.findSameIdentifier(trx, actor.officineId, ids)) throw new AppError('EFFECTEUR_DUPLICATE');
      const id = await effecteurs.insertEffecteur(trx, { ...columns(input, ids), officine_id: actor.officineId, active: 1, created_at: at, updated_at: at });
      const effecteur = await this.load(trx, actor.officineId, id);
      await this.audit(trx, actor, id, 'create', null, effecteur, at);
      return { effecteur, warnings: ids.warnings };
    });
  }

  async update(actor: Actor, input: ZEffecteurUpdateInput): Promise<ZEffecteurSaved> {
    const at = this.deps.clock.now().toISOString();
    return this.write(async (trx) => {
      const before = await this.load(trx, actor.officineId, input.id);
      if (before.type === 'officine') throw new AppError('EFFECTEUR_SELF_LOCKED');
      const ids = identify(input);
      if (await effecteurs.findSameIdentifier(trx, actor.officineId, ids, input.id)) throw new AppError('EFFECTEUR_DUPLICATE');
      await effecteurs.updateEffecteur(trx, input.id, { ...columns(input, ids), active: input.active ? 1 : 0, updated_at: at });
      const effecteur = await this.load(trx, actor.officineId, input.id);
      await this.audit(trx, actor, input.id, 'update', before, effecteur, at);
      return { effecteur, warnings: ids.warnings };
    });
  }

  /** Deletes an effecteur nobody ordered for; one with orders or deliveries is only deactivated, to keep the history whole. */
  async remove(actor: Actor, id: number): Promise<{ outcome: 'deleted' | 'deactivated' }> {
    const at = this.deps.clock.now().toISOString();
    return this.write(async (trx) => {
      const before = await this.load(trx, actor.officineId, id);
      if (before.type === 'officine') throw new AppError('EFFECTEUR_SELF_LOCKED');
      if (await effecteurs.isEffecteurReferenced(trx, id)) {
        await effecteurs.updateEffecteur(trx, id, { active: 0, updated_at: at });
        await this.audit(trx, actor, id, 'deactivate', before, { ...before, active: false }, at);
        return { outcome: 'deactivated' as const };
      }
      await effecteurs.deleteEffecteur(trx, id);
      await this.audit(trx, actor, id, 'delete', before, null, at);
      return { outcome: 'deleted' as const };
    });
  }

  private async write<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.deps.db.transaction().execute(work);
    } catch (error) {
      // The partial unique indexes on (officine, RPPS) and (officine, FINESS) settle races.
      if (isUniqueViolation(error)) throw new AppError('EFFECTEUR_DUPLICATE');
      throw error;
    }
  }

  private async load(db: Db, officineId: number, id: number): Promise<ZEffecteur> {
    const row = await effecteurs.findEffecteurOfOfficine(db, officineId, id);
    if (!row) throw new AppError('EFFECTEUR_NOT_FOUND');
    return toEffecteur(row);
  }

  private async audit(db: Db, actor: Actor, id: number, action: string, before: unknown, after: unknown, at: string): Promise<void> {
    await insertAuditEvent(db, { at, actorKind: 'pharmacist', actorId: actor.pharmacistId, officineId: actor.officineId, entity: 'effecteur', entityId: id, action, before, after });
  }
}
