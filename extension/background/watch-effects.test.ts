import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Overview } from '../messages/protocol';
import { applyWatch, notify } from './watch-effects';

beforeEach(() => fakeBrowser.reset());

const now = Date.parse('2026-11-30T08:00:00.000Z');
const hour = 3_600_000;
const upcoming = {
  me: {} as Overview['me'],
  session: { id: 3, label: 'S', opensAt: new Date(now + hour).toISOString(), closesAt: new Date(now + 30 * hour).toISOString(), confirmationAt: new Date(now + 50 * hour).toISOString(), expectedDeliveryDates: [], allocatedAt: null, status: 'upcoming' },
  serverTime: new Date(now).toISOString(),
  order: { status: 'none' },
  emailRequired: false,
} satisfies Overview;

function recordingAction() {
  const calls: string[] = [];
  return {
    calls,
    setBadgeText: (d: { text: string }) => (calls.push(`text:${d.text}`), Promise.resolve()),
    setBadgeBackgroundColor: (d: { color: string }) => (calls.push(`color:${d.color}`), Promise.resolve()),
    setTitle: (d: { title: string }) => (calls.push(`title:${d.title}`), Promise.resolve()),
  };
}

test('the watch sets one alarm per coming event plus the periodic refresh, and paints the badge', async () => {
  const action = recordingAction();
  await applyWatch({ ...fakeBrowser, action }, upcoming, now);
  const alarms = await fakeBrowser.alarms.getAll();
  assert.deepEqual(alarms.map((a) => a.name).sort(), ['closing-soon:3', 'confirmation:3', 'refresh', 'session-opens:3']);
  assert.equal(alarms.find((a) => a.name === 'session-opens:3')?.scheduledTime, now + hour);
  assert.ok(action.calls.includes('text:BTÔT'));
});

test('signed out: no alarm, an empty badge', async () => {
  const action = recordingAction();
  await applyWatch({ ...fakeBrowser, action }, upcoming, now);
  await applyWatch({ ...fakeBrowser, action }, null, now);
  assert.deepEqual(await fakeBrowser.alarms.getAll(), []);
  assert.equal(action.calls.filter((c) => c.startsWith('text:')).at(-1), 'text:');
});

test('a notification goes to the browser with its French text', async () => {
  const shown: unknown[] = [];
  fakeBrowser.notifications.onClosed.addListener(() => undefined);
  await notify({ ...fakeBrowser, notifications: { create: (id, options) => (shown.push({ id, ...options }), Promise.resolve(id)) } }, 'closing-soon:3', { title: 'Fermeture dans 2 heures', message: 'm' }, 'icon.png');
  assert.deepEqual(shown, [{ id: 'closing-soon:3', type: 'basic', title: 'Fermeture dans 2 heures', message: 'm', iconUrl: 'icon.png' }]);
});
