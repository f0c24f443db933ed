import type { ZMe } from '../../shared/schemas/auth';
import type { SupportMotifId } from '../../shared/support/motifs';
import type { WidgetError } from './widget-error';

/** Events for the host page: prefixed, bubbling and composed so they cross the shadow root. */
export interface WidgetEventMap {
  'vo-logged-in': { officineId: number; officineName: string; method: ZMe['method'] };
  'vo-logged-out': { reason: 'user' | 'expired' };
  'vo-order-submitted': { orderId: number; sessionId: number; version: number; lineCount: number; totalVials: number };
  'vo-error': { code: WidgetError['code']; message: string };
  /** Internal: a screen asks the shell to open « Besoin d'aide ? » already filled in. */
  'vo-support-request': { motif: SupportMotifId; errorCode?: string; message?: string };
  /** Internal: a screen asks the shell to show another screen. */
  'vo-navigate': { screen: Screen };
  /** Internal: a screen changed something the shell shows (the order, the e-mail). */
  'vo-refresh': { what: 'me' | 'order' };
  /** Internal: the login screen obtained a token. */
  'vo-login-success': { token: string; expiresAt: string; me: ZMe };
}

export const screens = ['home', 'order-entry', 'tracking', 'account', 'documentation', 'support'] as const;
export type Screen = (typeof screens)[number];

export type WidgetEvent<K extends keyof WidgetEventMap> = CustomEvent<WidgetEventMap[K]>;

export function widgetEvent<K extends keyof WidgetEventMap>(type: K, detail: WidgetEventMap[K]): WidgetEvent<K> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'vo-logged-in': WidgetEvent<'vo-logged-in'>;
    'vo-logged-out': WidgetEvent<'vo-logged-out'>;
    'vo-order-submitted': WidgetEvent<'vo-order-submitted'>;
    'vo-error': WidgetEvent<'vo-error'>;
    'vo-support-request': WidgetEvent<'vo-support-request'>;
    'vo-navigate': WidgetEvent<'vo-navigate'>;
    'vo-refresh': WidgetEvent<'vo-refresh'>;
    'vo-login-success': WidgetEvent<'vo-login-success'>;
  }
}
