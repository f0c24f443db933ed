import type { ZMe } from '../../shared/schemas/auth';
import type { ZEffecteur, ZOfficine } from '../../shared/schemas/reference-data';
import { AppError } from '../errors';
import { listEffecteursOfOfficine } from '../repositories/effecteurs-repository';
import { findOfficineById } from '../repositories/officines-repository';
import { findPharmacistById, listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import type { Principal } from './auth-service';
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

  async get(officineId: number): Promise<{ officine: ZOfficine; pharmacists: { id: number; firstName: string; lastName: string; role: string }[] }> {
    const [officine, pharmacists] = await Promise.all([this.officine(officineId), listPharmacistsOfOfficine(this.deps.db, officineId)]);
    return { officine, pharmacists: pharmacists.map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, role: p.role })) };
  }

  async listEffecteurs(officineId: number): Promise<ZEffecteur[]> {
    return (await listEffecteursOfOfficine(this.deps.db, officineId)).map(toEffecteur);
  }

  private async officine(id: number): Promise<ZOfficine> {
    const row = await findOfficineById(this.deps.db, id);
    if (!row) throw new AppError('OFFICINE_NOT_FOUND');
    return toOfficine(row);
  }
}
