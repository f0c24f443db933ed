import { supportMotifIds, supportMotifs, type SupportMotifId } from '../../shared/support/motifs';
import type { ZTicket, ZTicketInput } from '../../shared/schemas/support';
import type { Lang } from '../../shared/errors/catalogue';
import * as tickets from '../repositories/tickets-repository';
import type { ServiceDeps } from './deps';
import { rateRules, type RateLimiter } from './rate-limiter';

export class SupportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly limiter: RateLimiter,
  ) {}

  motifs(lang: Lang): { id: SupportMotifId; label: string }[] {
    return supportMotifIds.map((id) => ({ id, label: supportMotifs[id][lang] }));
  }

  /** Anyone may write to support (a pharmacist who cannot log in most of all); a token links the officine. */
  async createTicket(input: ZTicketInput, from: { officineId: number; pharmacistId: number } | null, ip: string): Promise<{ id: number; createdAt: string }> {
    await this.limiter.check(`tickets:ip:${ip}`, rateRules.ticketsPerAddress);
    const createdAt = this.deps.clock.now().toISOString();
    const id = await tickets.insertTicket(this.deps.db, {
      created_at: createdAt,
      officine_id: from?.officineId ?? null,
      pharmacist_id: from?.pharmacistId ?? null,
      motif: input.motif,
      error_code: input.errorCode ?? null,
      message: input.message,
      contact_email: input.contactEmail,
      diagnostics_json: input.diagnostics ? JSON.stringify(input.diagnostics) : null,
    });
    return { id, createdAt };
  }

  async list(limit = 200): Promise<ZTicket[]> {
    const rows = await tickets.listTickets(this.deps.db, limit);
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      officineId: r.officine_id,
      motif: r.motif as SupportMotifId,
      errorCode: r.error_code,
      message: r.message,
      contactEmail: r.contact_email,
      diagnostics: r.diagnostics_json === null ? null : (JSON.parse(r.diagnostics_json) as unknown),
    }));
  }
}
