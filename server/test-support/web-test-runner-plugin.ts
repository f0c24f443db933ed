import type { DemoTestServer } from './demo-test-server';
import { startDemoTestServer } from './demo-test-server';

interface ServeContext {
  path: string;
  url: string;
}

/**
 * A web-test-runner plugin that runs the real server (demo data, PSC stand-in) for the
 * widget's component tests, and answers the test pages at /__vo-test/*: the API's URL, a
 * token for a demo officine, moving the server's clock.
 */
export function liveServerPlugin() {
  let server: DemoTestServer | null = null;
  return {
    name: 'vo-live-server',
    async serverStart() {
      server = await startDemoTestServer({ psc: 'stand-in', env: { CORS_ORIGINS: '*' } });
    },
    async serverStop() {
      await server?.close();
    },
    async serve(context: ServeContext) {
      if (!context.path.startsWith('/__vo-test/') || !server) return undefined;
      const query = new URL(context.url, 'http://test.invalid').searchParams;
      if (context.path === '/__vo-test/server') return { body: JSON.stringify({ apiUrl: server.url }), type: 'json' };
      if (context.path === '/__vo-test/token') {
        const { token, idNat } = await server.demoToken(Number(query.get('officine') ?? '0'));
        return { body: JSON.stringify({ token, idNat }), type: 'json' };
      }
      if (context.path === '/__vo-test/approve-ciba') {
        // What the pharmacist does on the phone: approve the push waiting for this identifier.
        const idNat = query.get('idNat');
        // The latest push for this identifier: an earlier test run may have left its own.
        const pending = server.standIn?.pendingCiba().filter((p) => p.loginHint === idNat).at(-1);
        if (!pending) return { body: JSON.stringify({ approved: false }), type: 'json' };
        await server.standIn?.approveCiba(pending.authReqId);
        return { body: JSON.stringify({ approved: true, bindingMessage: pending.bindingMessage }), type: 'json' };
      }
      if (context.path === '/__vo-test/first-login') {
        // An officine of its own whose next login is a first login (no e-mail yet).
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
