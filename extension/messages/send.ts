import { browser } from 'wxt/browser';
import type { Request, RequestType, Response } from './protocol';
import { parseResponse } from './protocol';

/** Sends one request to the background and validates its answer before the page sees it. */
export async function send<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Response<T>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    return parseResponse(request.type, raw);
  } catch {
    return parseResponse(request.type, undefined);
  }
}
