import { checkFiness } from '../../shared/rules/identifiers';
import type { Db } from '../db/schema';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import * as deliveries from '../repositories/deliveries-repository';
import { listProducts } from '../repositories/products-repository';
import { findSessionById } from '../repositories/sessions-repository';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { parseCsv } from './csv';

/**
 * Columns of the wholesaler file, in this order; the header line is required. An optional
 * 8th column `statut` says `livré` (the default) or `prévu`: a part announced for a later
 * date, when a confirmed line is delivered in several parts.
 */
export const deliveryCsvColumns = ['finess_officine', 'effecteur', 'produit', 'flacons', 'date', 'grossiste', 'lot'] as const;
const statusColumn = 'statut';

export interface DeliveryRowError {
  line: number;
  reason: string;
}

type ParsedRow = deliveries.DeliveryValues & { line: number };

export class DeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Imports a wholesaler CSV for one session. Any bad row rejects the whole file, with every
   * bad line and why, so a corrected file can be sent again without duplicates.
   */
  async importCsv(sessionId: number, csv: string, actor: Actor): Promise<{ imported: number }> {
    return this.deps.db.transaction().execute(async (trx) => {
      const session = await findSessionById(trx, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      const { rows, errors } = await this.parse(trx, csv);
      if (session.allocated_at === null) errors.unshift({ line: 1, reason: 'Les quantités de cette session ne sont pas encore confirmées.' });
      else errors.push(...(await this.checkAgainstConfirmed(trx, sessionId, rows)));
      if (errors.length > 0) throw new AppError('DELIVERY_IMPORT_INVALID', {}, { errors: errors.sort((a, b) => a.line - b.line) });
      const at = this.deps.clock.now().toISOString();
      const importId = await deliveries.insertDeliveryImport(trx, sessionId, at, rows);
      await insertAuditEvent(trx, {
        at,
        actorKind: actor.kind,
        actorId: actorId(actor),
        officineId: null,
        entity: 'delivery_import',
        entityId: importId,
        action: 'import',
        before: null,
        after: { sessionId, rows: rows.length },
      });
      return { imported: rows.length };
    });
  }

  private async parse(db: Db, csv: string): Promise<{ rows: ParsedRow[]; errors: DeliveryRowError[] }> {
    const { rows: raw } = parseCsv(csv);
    const errors: DeliveryRowError[] = [];
    const header = (raw[0] ?? []).map((h) => h.trim().toLowerCase());
    if (deliveryCsvColumns.some((c, i) => header[i] !== c) || header.length > 8 || (header.length === 8 && header[7] !== statusColumn)) {
      return { rows: [], errors: [{ line: 1, reason: `En-tête attendu : ${deliveryCsvColumns.join(';')} (et, au besoin, ;${statusColumn})` }] };
    }
    const body = raw.slice(1);
    if (body.length === 0) return { rows: [], errors: [{ line: 1, reason: 'Le fichier ne contient aucune livraison.' }] };
    const finesses = [...new Set(body.map((r) => (r[0] ?? '').trim().toUpperCase()))];
    const identifiers = await deliveries.listEffecteurIdentifiers(db, finesses);
    const productsByCode = new Map((await listProducts(db)).map((p) => [p.code, p.id]));
    const rows: ParsedRow[] = [];
    body.forEach((fields, index) => {
      const line = index + 2;
      const fail = (reason: string): void => {
        errors.push({ line, reason });
      };
      if (fields.length < 6 || fields.length > header.length) return fail(`${fields.length} colonnes au lieu de ${header.length}.`);
      const [finessRaw = '', effecteurRaw = '', code = '', vialsRaw = '', dateRaw = '', wholesaler = '', lot = '', statusRaw = ''] = fields.map((f) => f.trim());
      const status = statusRaw.toLowerCase();
      if (!['', 'livré', 'livre', 'prévu', 'prevu'].includes(status)) return fail(`Statut invalide : « ${statusRaw} » (livré ou prévu).`);
      const finess = checkFiness(finessRaw);
      if (!finess.ok) return fail(`FINESS d’officine invalide : « ${finessRaw} ».`);
      const ofOfficine = identifiers.filter((i) => i.officine_finess === finess.normalized);
      if (ofOfficine.length === 0) return fail(`Officine inconnue : ${finess.normalized}.`);
      const effecteurKey = effecteurRaw.toUpperCase();
      const effecteur = ofOfficine.find((i) => i.rpps === effecteurKey || i.finess === effecteurKey);
      if (!effecteur) return fail(`Effecteur « ${effecteurRaw} » non rattaché à l’officine ${finess.normalized}.`);
      const productId = productsByCode.get(code);
      if (productId === undefined) return fail(`Produit inconnu : « ${code} ».`);
      if (!/^\d{1,7}$/.test(vialsRaw) || Number(vialsRaw) === 0) return fail(`Nombre de flacons invalide : « ${vialsRaw} ».`);
      const deliveredOn = parseDate(dateRaw);
      if (!deliveredOn) return fail(`Date invalide : « ${dateRaw} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA).`);
      if (wholesaler === '' || wholesaler.length > 100) return fail('Grossiste manquant.');
      if (lot.length > 60) return fail('Numéro de lot trop long.');
      rows.push({
        line,
        officineId: effecteur.officine_id,
        effecteurId: effecteur.effecteur_id,
        productId,
        vials: Number(vialsRaw),
        deliveredOn,
        wholesaler,
        lot: lot === '' ? null : lot,
        planned: status.startsWith('pr'),
      });
    });
    return { rows, errors };
  }

  /**
   * Nothing may be delivered beyond what was confirmed for that effecteur and product; the
   * parts announced (planned) are held to the same bound, separately.
   */
  private async checkAgainstConfirmed(db: Db, sessionId: number, rows: ParsedRow[]): Promise<DeliveryRowError[]> {
    const errors: DeliveryRowError[] = [];
    const allowed = new Map<string, number>();
    const confirmed = await deliveries.listConfirmedOfSession(db, sessionId);
    for (const c of confirmed) {
      const key = `${c.effecteur_id}:${c.product_id}`;
      allowed.set(key, (allowed.get(key) ?? 0) + c.confirmed_vials);
      if (c.substitute_product_id !== null) {
        const subKey = `${c.effecteur_id}:${c.substitute_product_id}`;
        allowed.set(subKey, (allowed.get(subKey) ?? 0) + c.substitute_vials);
      }
    }
    const already = await deliveries.sumDeliveredOfSession(db, sessionId);
    const used = new Map(already.map((d) => [`${d.effecteur_id}:${d.product_id}:${d.planned}`, Number(d.vials)]));
    for (const row of rows) {
      const key = `${row.effecteurId}:${row.productId}`;
      const usedKey = `${key}:${row.planned ? 1 : 0}`;
      const total = (used.get(usedKey) ?? 0) + row.vials;
      used.set(usedKey, total);
      const max = allowed.get(key) ?? 0;
      if (total > max) {
        const what = row.planned ? 'Livraison prévue' : 'Livraison';
        errors.push({ line: row.line, reason: `${what} au-delà de la quantité confirmée (${max} flacon(s)).` });
      }
    }
    return errors;
  }
}

function parseDate(value: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}
