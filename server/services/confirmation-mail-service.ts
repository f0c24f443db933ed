import { allocationReasonLabels } from '../../shared/domain/allocation-reasons';
import type { AllocationReason } from '../../shared/rules/allocation';
import * as mails from '../repositories/confirmation-mails-repository';
import { findOfficineById } from '../repositories/officines-repository';
import { findOrderOfOfficine } from '../repositories/orders-repository';
import { findSessionById } from '../repositories/sessions-repository';
import { listTrackedLines } from '../repositories/tracking-repository';
import type { ServiceDeps } from './deps';

const minute = 60_000;
/** Waits before the next try after each failure; the last entry is the final attempt. */
const retryDelaysMs = [1 * minute, 5 * minute, 15 * minute, 60 * minute];
const claimMs = 2 * minute;
/**
 * Sessions published within this window are enqueued at each sweep (enqueuing again is a
 * no-op): long enough for a fortnightly rhythm and for an e-mail added after publication.
 */
const enqueueWindowMs = 15 * 24 * 60 * minute;

type TrackedLine = Awaited<ReturnType<typeof listTrackedLines>>[number];

function describeLine(l: TrackedLine): string {
  const confirmed = l.confirmed_vials ?? 0;
  const substitute = l.substitute_vials && l.substitute_label ? ` + ${l.substitute_vials} ${l.substitute_label}` : '';
  const reason = l.reason && l.reason !== 'full' ? ` (${allocationReasonLabels[l.reason as AllocationReason].fr})` : '';
  return `${l.product_label} : commandé ${l.vials}, confirmé ${confirmed}${substitute}${reason}`;
}

/**
 * The confirmation e-mails of a published session: to each ordering officine (its volumes
 * and each effecteur's, with the reasons for reductions and the expected delivery dates)
 * and to each effecteur with an e-mail (its own volumes and where to collect them). Each
 * mail is sent once: a row per recipient, claimed by a conditional update, so two sweeps
 * or two processes never both send it; failures are retried, then marked failed.
 */
export class ConfirmationMailService {
  constructor(private readonly deps: ServiceDeps) {}

  async run(): Promise<{ sent: number; failed: number }> {
    await this.enqueueDue();
    return this.sendDue();
  }

  async enqueueDue(): Promise<void> {
    const now = this.deps.clock.now();
    const sessions = await mails.listRecentlyPublishedSessions(this.deps.db, now.toISOString(), new Date(now.getTime() - enqueueWindowMs).toISOString());
    for (const session of sessions) {
      const { officines, effecteurs } = await mails.listRecipients(this.deps.db, session.id);
      const at = now.toISOString();
      await mails.enqueueMails(this.deps.db, [
        ...officines.map((o) => ({ sessionId: session.id, officineId: o.officine_id, effecteurId: null, recipientKey: 'officine', toEmail: o.email ?? '', at })),
        ...effecteurs.map((e) => ({
          sessionId: session.id,
          officineId: e.officine_id,
          effecteurId: e.effecteur_id,
          recipientKey: `effecteur:${e.effecteur_id}`,
          toEmail: e.email ?? '',
          at,
        })),
      ]);
    }
  }

  async sendDue(batch = 100): Promise<{ sent: number; failed: number }> {
    const now = this.deps.clock.now();
    let sent = 0;
    let failed = 0;
    for (const { id } of await mails.listClaimable(this.deps.db, now.toISOString(), batch)) {
      if (!(await mails.claimMail(this.deps.db, id, now.toISOString(), new Date(now.getTime() + claimMs).toISOString()))) continue;
      const mail = await mails.findMail(this.deps.db, id);
      if (!mail) continue;
      try {
        await this.deps.mailer.send(await this.compose(mail));
        await mails.markSent(this.deps.db, id, this.deps.clock.now().toISOString());
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const delay = retryDelaysMs[attempts - 1];
        await mails.markAttemptFailed(this.deps.db, id, {
          attempts,
          error: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now.getTime() + (delay ?? 0)).toISOString(),
          final: delay === undefined,
        });
        failed++;
      }
    }
    return { sent, failed };
  }

  private async compose(mail: NonNullable<Awaited<ReturnType<typeof mails.findMail>>>) {
    const [officine, order, session] = await Promise.all([
      findOfficineById(this.deps.db, mail.officine_id),
      findOrderOfOfficine(this.deps.db, mail.session_id, mail.officine_id),
      findSessionById(this.deps.db, mail.session_id),
    ]);
    if (!officine || !order || !session) throw new Error('order or officine not found for a confirmation mail');
    const lines = await listTrackedLines(this.deps.db, order.id);
    const dates = (JSON.parse(session.expected_delivery_dates) as string[]).join(', ') || 'à préciser';
    const footer = `Livraison prévue : ${dates}.\n\nCe message est envoyé par le service de commande de vaccins de Santé publique France.`;
    if (mail.effecteur_id === null) {
      const byEffecteur = new Map<string, string[]>();
      for (const l of lines) byEffecteur.set(l.effecteur_name, [...(byEffecteur.get(l.effecteur_name) ?? []), `  - ${describeLine(l)}`]);
      const body = [...byEffecteur.entries()].map(([name, items]) => `${name}\n${items.join('\n')}`).join('\n\n');
      return {
        to: mail.to_email,
        subject: `Quantités confirmées – ${session.label}`,
        text:
          `Officine : ${officine.name} (FINESS ${officine.finess})\n\nQuantités confirmées, en flacons :\n\n${body}\n\n${footer}\n` +
          'Le détail et le récapitulatif PDF sont dans « Transaction commerciale » > « Suivi de commande ».',
      };
    }
    const mine = lines.filter((l) => l.effecteur_id === mail.effecteur_id);
    return {
      to: mail.to_email,
      subject: `Vos vaccins confirmés – ${session.label}`,
      text:
        `Bonjour ${mine[0]?.effecteur_name ?? ''},\n\nL’officine ${officine.name}, ${officine.address_line}, ${officine.postal_code} ${officine.city}, ` +
        `a commandé pour vous :\n\n${mine.map((l) => `  - ${describeLine(l)}`).join('\n')}\n\nÀ retirer à l’officine après la livraison.\n${footer}`,
    };
  }
}
