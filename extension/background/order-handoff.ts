/**
 * « Ouvrir la saisie de commande », logged in, with no token in any URL: the background opens
 * the service's ordering page in a tab, checks that the tab really is on the service's
 * origin, then sets the token as a JavaScript property of the page's <vaccine-order-app>
 * element (the widget's documented way for a host to hand it a token). The script runs in
 * the page's own world, only in that tab, and only after the origin check.
 */

export interface HandoffBrowser {
  tabs: {
    create(props: { url: string; active?: boolean }): Promise<{ id?: number }>;
    get(tabId: number): Promise<{ id?: number; url?: string; status?: string }>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      world: 'MAIN';
      func: (token: string, waitMs: number) => Promise<number>;
      args: [string, number];
    }): Promise<Array<{ result?: unknown }>>;
  };
}

/** Runs inside the page: waits for the widget, hands it the token, says how many took it. */
export async function handTokenToWidget(token: string, waitMs: number): Promise<number> {
  const defined = customElements.whenDefined('vaccine-order-app');
  const timeout = new Promise((resolve) => setTimeout(resolve, waitMs));
  await Promise.race([defined, timeout]);
  const elements = [...document.querySelectorAll('vaccine-order-app')] as Array<Element & { token?: string | null }>;
  for (const element of elements) element.token = token;
  return elements.length;
}

async function waitForLoad(browser: HandoffBrowser, tabId: number, timeoutMs: number): Promise<{ url?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    if (tab.status === 'complete' || Date.now() > deadline) return tab;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function openOrderingPage(browser: HandoffBrowser, pageUrl: string, token: string): Promise<boolean> {
  const tab = await browser.tabs.create({ url: pageUrl, active: true });
  if (tab.id === undefined) return false;
  const loaded = await waitForLoad(browser, tab.id, 20_000);
  // A redirect elsewhere (captive portal, proxy page) must never receive the token.
  if (!loaded.url || new URL(loaded.url).origin !== new URL(pageUrl).origin) return false;
  const [injected] = await browser.scripting.executeScript({ target: { tabId: tab.id }, world: 'MAIN', func: handTokenToWidget, args: [token, 10_000] });
  return typeof injected?.result === 'number' && injected.result > 0;
}
