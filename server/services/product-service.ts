import type { ZProduct, ZProductInput } from '../../shared/schemas/reference-data';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import * as products from '../repositories/products-repository';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { toProduct } from './mappers';

export class ProductService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(): Promise<ZProduct[]> {
    return (await products.listProducts(this.deps.db)).map(toProduct);
  }

  /** Creates a product, or changes one when an id is given. */
  async upsert(input: ZProductInput & { id?: number | undefined }, actor: Actor): Promise<ZProduct> {
    const at = this.deps.clock.now().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      if (input.substituteProductId !== null) {
        if (input.substituteProductId === input.id) throw new AppError('INVALID_INPUT', {}, { substituteProductId: 'un produit ne peut pas se remplacer lui-même' });
        if (!(await products.findProductById(trx, input.substituteProductId))) throw new AppError('PRODUCT_NOT_FOUND');
      }
      if (input.minVials % (input.boxOnly ? input.vialsPerBox : 1) !== 0) {
        throw new AppError('INVALID_INPUT', {}, { minVials: 'le minimum doit être un nombre entier de boîtes' });
      }
      const sameCode = await products.findProductByCode(trx, input.code);
      if (sameCode && sameCode.id !== input.id) throw new AppError('PRODUCT_CODE_EXISTS');
      const values = {
        code: input.code,
        label: input.label,
        laboratory: input.laboratory,
        kind: input.kind,
        doses_per_vial: input.dosesPerVial,
        vials_per_box: input.vialsPerBox,
        min_vials: input.minVials,
        box_only: input.boxOnly ? 1 : 0,
        allowed_effecteur_types: JSON.stringify([...new Set(input.allowedEffecteurTypes)]),
        substitute_product_id: input.substituteProductId,
        updated_at: at,
      };
      let id = input.id;
      let before: unknown = null;
      if (id === undefined) {
        id = await products.insertProduct(trx, { ...values, created_at: at });
      } else {
        const existing = await products.findProductById(trx, id);
        if (!existing) throw new AppError('PRODUCT_NOT_FOUND');
        before = toProduct(existing);
        await products.updateProduct(trx, id, values);
      }
      const row = await products.findProductById(trx, id);
      if (!row) throw new AppError('PRODUCT_NOT_FOUND');
      const after = toProduct(row);
      await insertAuditEvent(trx, {
        at,
        actorKind: actor.kind,
        actorId: actorId(actor),
        officineId: null,
        entity: 'product',
        entityId: id,
        action: input.id === undefined ? 'create' : 'update',
        before,
        after,
      });
      return after;
    });
  }
}
