import { checkFiness, departementFromPostalCode } from '../../shared/rules/identifiers';
import type { ZOfficineCreateInput } from '../../shared/schemas/admin';
import type { ZOfficine } from '../../shared/schemas/reference-data';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import { insertEffecteur } from '../repositories/effecteurs-repository';
import { findOfficineByFiness, findOfficineById, insertOfficine, listOfficines } from '../repositories/officines-repository';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { toOfficine } from './mappers';
import { isUniqueViolation } from './unique-violation';

/** The officines register, kept by SpF operators. */
export class OfficineService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(): Promise<ZOfficine[]> {
    return (await listOfficines(this.deps.db)).map(toOfficine);
  }

  /** Registers an officine and its own effecteur (the officine ordering for its own needs). */
  async create(input: ZOfficineCreateInput, actor: Actor): Promise<ZOfficine> {
    const finess = checkFiness(input.finess);
    if (!finess.ok) throw new AppError(finess.code, {}, { field: 'finess' });
    const departement = departementFromPostalCode(input.postalCode);
    const at = this.deps.clock.now().toISOString();
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        if (await findOfficineByFiness(trx, finess.normalized)) throw new AppError('OFFICINE_EXISTS');
        const id = await insertOfficine(trx, {
          finess: finess.normalized,
          name: input.name,
          address_line: input.addressLine,
          postal_code: input.postalCode,
          city: input.city,
          departement,
          kind: input.kind,
          email: input.email?.toLowerCase() ?? null,
          siret: input.siret,
          created_at: at,
          updated_at: at,
        });
        await insertEffecteur(trx, {
          officine_id: id,
          type: 'officine',
          name: input.name,
          rpps: null,
          finess: finess.normalized,
          email: input.email,
          notify_by_email: 1,
          active: 1,
          created_at: at,
          updated_at: at,
        });
        const row = await findOfficineById(trx, id);
        if (!row) throw new AppError('OFFICINE_NOT_FOUND');
        const officine = toOfficine(row);
        await insertAuditEvent(trx, { at, actorKind: actor.kind, actorId: actorId(actor), officineId: id, entity: 'officine', entityId: id, action: 'create', before: null, after: officine });
        return officine;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('OFFICINE_EXISTS');
      throw error;
    }
  }
}
