import { browser } from 'wxt/browser';
import { extensionError } from '../errors/extension-error';
import type { ExtensionErrorCode } from '../strings';
import { checkAnswer } from './answer-checks';
import type { Request, RequestType, Response } from './protocol';

/**
 * How long a page waits for requests the background answers from its own memory and storage.
 * The others wait on the network (with their own timeouts) or on the user (Pro Santé Connect's
 * window), so they have no deadline here. Past it the page says the extension does not answer
 * instead of loading forever: a worker stopped through DevTools left every message unanswered
 * for 8 s and more, asked once or twice. One only slow to wake would still answer later, so
 * the popup keeps asking (without a deadline) under the message.
 */
export const quickAnswerMs: Partial<Record<RequestType, number>> = {
  getState: 5000,
  getNotificationPrefs: 5000,
  setNotificationPrefs: 5000,
};

export const backgroundSilent = 'BACKGROUND_SILENT' satisfies ExtensionErrorCode;
const silent = { ok: false, error: extensionError(backgroundSilent) } as const;

/**
 * Sends one request through `sendMessage` and checks its answer before the page sees it. The
 * check is answer-checks.ts's, not zod's: pages that only talk to the background (the popup)
 * then load no schema library at all.
 */
export async function sendThrough<T extends RequestType>(
  sendMessage: (request: Request) => Promise<unknown>,
  request: Extract<Request, { type: T }>,
  deadlineMs: number | null = quickAnswerMs[request.type] ?? null,
): Promise<Response<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof silent>((resolve) => {
    if (deadlineMs !== null) timer = setTimeout(() => resolve(silent), deadlineMs);
  });
  try {
    const raw = await Promise.race([sendMessage(request).then((answer) => ({ answer })), late]);
    return 'answer' in raw ? checkAnswer(request.type, raw.answer) : raw;
  } catch {
    return checkAnswer(request.type, undefined);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one request to the background (see sendThrough); `deadlineMs` null waits as long as it takes. */
export function send<T extends RequestType>(request: Extract<Request, { type: T }>, deadlineMs?: number | null): Promise<Response<T>> {
  return sendThrough((r) => browser.runtime.sendMessage(r), request, deadlineMs);
}
