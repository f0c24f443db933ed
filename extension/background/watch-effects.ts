import type { Overview } from '../messages/protocol';
import { badgeFor, planAlarms, refreshAlarm, refreshPeriodMinutes, type NotificationContent } from './session-watch';

/** The browser APIs the session watch drives; WXT's fake browser implements them for tests. */
export interface WatchBrowser {
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): void | Promise<void>;
    clearAll(): Promise<unknown>;
  };
  action?: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
  notifications: {
    create(id: string, options: { type: 'basic'; title: string; message: string; iconUrl: string }): Promise<string>;
  };
}

const offsetOf = (overview: Overview, now: number): number => Date.parse(overview.serverTime) - now;

/** Replaces every alarm with those the snapshot calls for, and repaints the badge. */
export async function applyWatch(browser: WatchBrowser, overview: Overview | null, now = Date.now()): Promise<void> {
  await browser.alarms.clearAll();
  if (overview) {
    const offset = offsetOf(overview, now);
    for (const alarm of planAlarms(overview, now, offset)) await browser.alarms.create(alarm.name, { when: alarm.when });
    // Sessions can be moved by SpF operators: a periodic look keeps alarms and badge true.
    await browser.alarms.create(refreshAlarm, { periodInMinutes: refreshPeriodMinutes });
  }
  const badge = badgeFor(overview, now, overview ? offsetOf(overview, now) : 0);
  if (browser.action) {
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
    await browser.action.setTitle({ title: badge.title });
  }
}

export async function notify(browser: WatchBrowser, id: string, content: NotificationContent, iconUrl: string): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', title: content.title, message: content.message, iconUrl });
}
