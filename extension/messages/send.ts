import { browser } from 'wxt/browser';
import { checkAnswer } from './answer-checks';
import type { Request, RequestType, Response } from './protocol';

/**
 * Sends one request to the background and checks its answer before the page sees it. The
 * check is answer-checks.ts's, not zod's: pages that only talk to the background (the popup)
 * then load no schema library at all.
 */
export async function send<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Response<T>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    return checkAnswer(request.type, raw);
  } catch {
    return checkAnswer(request.type, undefined);
  }
}
