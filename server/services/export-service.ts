import { AppError } from '../errors';
import { listSessionLinesForExport } from '../repositories/orders-repository';
import { findSessionById } from '../repositories/sessions-repository';
import { toCsv } from './csv';
import type { ServiceDeps } from './deps';

export class ExportService {
  constructor(private readonly deps: ServiceDeps) {}

  /** One row per submitted line, for logistics (CSRP and wholesalers); `;`-separated for French spreadsheets. */
  async sessionOrdersCsv(sessionId: number): Promise<{ filename: string; csv: string }> {
    const session = await findSessionById(this.deps.db, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const rows = await listSessionLinesForExport(this.deps.db, sessionId);
    const csv = toCsv(
      [
        'commande',
        'soumise_le',
        'finess_officine',
        'officine',
        'departement',
        'type_effecteur',
        'effecteur',
        'rpps',
        'finess_effecteur',
        'produit',
        'flacons_commandes',
        'flacons_confirmes',
        'produit_substitution',
        'flacons_substitution',
        'motif',
      ],
      rows.map((r) => [
        r.order_id,
        r.submitted_at,
        r.officine_finess,
        r.officine_name,
        r.departement,
        r.effecteur_type,
        r.effecteur_name,
        r.rpps,
        r.effecteur_finess,
        r.product_code,
        r.vials,
        r.confirmed_vials,
        r.substitute_code,
        r.substitute_vials,
        r.reason,
      ]),
    );
    return { filename: `commandes-session-${sessionId}.csv`, csv };
  }
}
