import type { DemoTestServer } from './demo-test-server';
import { startDemoTestServer } from './demo-test-server';

interface ServeContext {
  path: string;
  url: string;
  /** Koa's request header getter. */
  get(header: string): string;
}

/**
 * A web-test-runner plugin that runs the real server (demo data, PSC stand-in) for the
 * widget's component tests, and answers the test pages at /__vo-test/*: the API's URL, a
 * token for a demo officine, moving the server's clock.
 *
 * Chromium and Firefox run their test files at the same time: each browser gets a server
 * of its own, so one cannot move the other's clock, nor change an officine the other is
 * reading.
 */
export function liveServerPlugin() {
  const servers = new Map<string, Promise<DemoTestServer>>();
  const serverFor = (userAgent: string): Promise<DemoTestServer> => {
    const browser = /Firefox\//.test(userAgent) ? 'firefox' : 'chromium';
    let server = servers.get(browser);
    if (!server) {
      server = startDemoTestServer({ psc: 'stand-in', env: { CORS_ORIGINS: '*' } });
      servers.set(browser, server);
    }
    return server;
  };
  return {
    name: 'vo-live-server',
    async serverStop() {
      await Promise.all([...servers.values()].map(async (server) => (await server).close()));
    },
    async serve(context: ServeContext) {
      if (!context.path.startsWith('/__vo-test/')) return undefined;
      const server = await serverFor(context.get('user-agent'));
      const query = new URL(context.url, 'http://test.invalid').searchParams;
      if (context.path === '/__vo-test/server') return { body: JSON.stringify({ apiUrl: server.url }), type: 'json' };
      if (context.path === '/__vo-test/token') {
        const { token, idNat } = await server.demoToken(Number(query.get('officine') ?? '0'));
        return { body: JSON.stringify({ token, idNat }), type: 'json' };
      }
      if (context.path === '/__vo-test/approve-ciba') {
        // What the pharmacist does on the phone: approve the push waiting for this identifier.
        const idNat = query.get('idNat');
        // The latest push for this identifier: an earlier test may have left its own.
        const pending = server.standIn?.pendingCiba().filter((p) => p.loginHint === idNat).at(-1);
        if (!pending) return { body: JSON.stringify({ approved: false }), type: 'json' };
        await server.standIn?.approveCiba(pending.authReqId);
        return { body: JSON.stringify({ approved: true, bindingMessage: pending.bindingMessage }), type: 'json' };
      }
      if (context.path === '/__vo-test/first-login') {
        // An officine whose next login is a first login (no e-mail yet).
        return { body: JSON.stringify(await server.resetFirstLogin()), type: 'json' };
      }
      if (context.path === '/__vo-test/advance') {
        server.clock.advance(Number(query.get('ms') ?? '0'));
        return { body: JSON.stringify({ now: server.clock.now().toISOString() }), type: 'json' };
      }
      return undefined;
    },
  };
}
