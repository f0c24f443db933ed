import type { NotificationPrefs, Overview } from '../messages/protocol';
import { badgeTitles, formatDateTime, notificationsText } from '../strings';

/**
 * What the background does with the current session, as pure functions of one snapshot
 * (the popup's overview) and the time: which alarms to set, what the badge says, and what an
 * alarm should announce once it fires. The browser side (alarms, badge, notifications) only
 * applies these answers, so they are tested without a browser.
 */

export const closingWarningMs = 2 * 60 * 60 * 1000;
export const refreshAlarm = 'refresh';
export const refreshPeriodMinutes = 15;

export type AlarmKind = 'session-opens' | 'closing-soon' | 'confirmation';
export interface PlannedAlarm {
  name: string;
  kind: AlarmKind;
  when: number;
}

export const alarmName = (kind: AlarmKind, sessionId: number): string => `${kind}:${sessionId}`;

export function parseAlarmName(name: string): { kind: AlarmKind; sessionId: number } | null {
  const match = /^(session-opens|closing-soon|confirmation):(\d+)$/.exec(name);
  return match ? { kind: match[1] as AlarmKind, sessionId: Number(match[2]) } : null;
}

const hasOrder = (overview: Overview): boolean => overview.order.status !== 'none';

/** Alarms still ahead for the session shown now. Times come from the server, converted to this clock. */
export function planAlarms(overview: Overview, now: number, clockOffsetMs = 0): PlannedAlarm[] {
  const session = overview.session;
  if (!session) return [];
  const local = (iso: string) => Date.parse(iso) - clockOffsetMs;
  const plans: PlannedAlarm[] = [];
  const add = (kind: AlarmKind, when: number) => {
    if (when > now) plans.push({ name: alarmName(kind, session.id), kind, when });
  };
  if (session.status === 'upcoming') add('session-opens', local(session.opensAt));
  if (session.status === 'upcoming' || session.status === 'open') add('closing-soon', local(session.closesAt) - closingWarningMs);
  if (session.status !== 'confirmed') add('confirmation', local(session.confirmationAt));
  return plans;
}

export interface NotificationContent {
  title: string;
  message: string;
}

/** Once an alarm fires and the snapshot is fresh: what to tell the pharmacist, if anything. */
export function notificationFor(kind: AlarmKind, sessionId: number, overview: Overview, prefs: NotificationPrefs): NotificationContent | null {
  const session = overview.session;
  if (!session || session.id !== sessionId) return null;
  const closes = formatDateTime(session.closesAt);
  switch (kind) {
    case 'session-opens':
      return prefs.sessionOpens && session.status === 'open'
        ? { title: notificationsText.sessionOpens.title, message: notificationsText.sessionOpens.message(closes) }
        : null;
    case 'closing-soon':
      return prefs.closingSoon && session.status === 'open' && !hasOrder(overview)
        ? { title: notificationsText.closingSoon.title, message: notificationsText.closingSoon.message(closes) }
        : null;
    case 'confirmation':
      return prefs.confirmation && session.status === 'confirmed' && hasOrder(overview)
        ? { title: notificationsText.confirmation.title, message: notificationsText.confirmation.message }
        : null;
  }
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** The toolbar badge: the ordering window's state at a glance. */
export function badgeFor(overview: Overview | null, now: number, clockOffsetMs = 0): Badge {
  const session = overview?.session;
  if (!overview) return { text: '', color: '#6b7280', title: badgeTitles.loggedOut };
  if (!session) return { text: '', color: '#6b7280', title: badgeTitles.closed };
  switch (session.status) {
    case 'upcoming':
      return { text: 'BTÔT', color: '#6b7280', title: badgeTitles.upcoming };
    case 'open': {
      const closingSoon = Date.parse(session.closesAt) - clockOffsetMs - now <= closingWarningMs && !hasOrder(overview);
      return closingSoon ? { text: '2h!', color: '#b45309', title: badgeTitles.closingSoon } : { text: 'OUV', color: '#15803d', title: badgeTitles.open };
    }
    case 'closed':
      return { text: 'FERM', color: '#6b7280', title: badgeTitles.closed };
    case 'confirmed':
      return { text: 'CONF', color: '#1d4ed8', title: badgeTitles.confirmed };
  }
}
