import { browser } from 'wxt/browser';
import { extensionUrl } from '../ui/extension-url';
import { extensionError, UserFacingError } from '../errors/user-error';
import { createHandlers } from '../background/handlers';
import { notificationFor, parseAlarmName, refreshAlarm } from '../background/session-watch';
import { applyWatch, notify, type WatchBrowser } from '../background/watch-effects';
import { openOrderingPage } from '../background/order-handoff';

// The composition root: the real browser APIs meet the handlers, the watch and the handoff here.
export default defineBackground(() => {
  // Firefox MV2 names the toolbar button browserAction.
  const watchBrowser = { ...browser, action: browser.action ?? (browser as unknown as { browserAction: WatchBrowser['action'] }).browserAction } as unknown as WatchBrowser;
  const iconUrl = extensionUrl('/icon/128.png');

  const background = createHandlers({
    session: browser.storage.session,
    local: browser.storage.local,
    launchWebAuthFlow: async (url) => (await browser.identity.launchWebAuthFlow({ url, interactive: true })) ?? '',
    redirectUrl: () => browser.identity.getRedirectURL(),
    openOrdering: async (pageUrl, token) => {
      if (!(await openOrderingPage(browser, pageUrl, token))) throw new UserFacingError(extensionError('ORDER_PAGE_UNAVAILABLE'));
    },
    onChange: (overview) => applyWatch(watchBrowser, overview),
  });

  // Only the extension's own pages may talk to the background (no content script, no web page).
  const ownPages = extensionUrl('/');
  // The promise returned is the answer (promise-based onMessage, as the polyfill and Chrome 148+ do it).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return undefined;
    return background.handle(message);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    void (async () => {
      const snapshot = await background.refreshWatch();
      if (alarm.name === refreshAlarm || !snapshot) return;
      const parsed = parseAlarmName(alarm.name);
      if (!parsed) return;
      const content = notificationFor(parsed.kind, parsed.sessionId, snapshot, await background.prefs());
      if (content) await notify(watchBrowser, alarm.name, content, iconUrl);
    })();
  });

  browser.runtime.onStartup.addListener(() => void background.refreshWatch());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void background.refreshWatch();
    // A new user first sees whether this browser is ready for the service.
    if (reason === 'install') void browser.tabs.create({ url: extensionUrl('/diagnostics.html') });
  });
});
