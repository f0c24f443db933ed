import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm } from './form-body';
import { sendErrorPage, sendHtml } from './html';
import type { PendingCiba } from './pending-ciba';
import { phonePath, renderPhonePage } from './phone-page';

export interface PhoneActions {
  pending: () => PendingCiba[];
  approve: (authReqId: string) => Promise<void>;
  deny: (authReqId: string) => Promise<void>;
}

export function showPhone(actions: PhoneActions, res: ServerResponse): void {
  sendHtml(res, 200, renderPhonePage(actions.pending()));
}

/** Post/redirect/get, so reloading the phone page never repeats a decision. */
export async function decideOnPhone(
  decide: (authReqId: string) => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  try {
    await decide(form.get('auth_req_id') ?? '');
  } catch {
    return sendErrorPage(res, 409, 'Cette demande n’est plus en attente : elle a expiré ou a déjà reçu une réponse.');
  }
  res.writeHead(303, { location: phonePath, 'content-length': '0' });
  res.end();
}
