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
/** A lock with a time limit, so a failed test cannot hold it forever. */
function timedLock(limitMs: number) {
  let held: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  return {
    async acquire() {
      const previous = held;
      let done!: () => void;
      held = new Promise<void>((resolve) => (done = resolve));
      await previous;
      const timer = setTimeout(done, limitMs);
      release = () => {
        clearTimeout(timer);
        done();
      };
    },
    release: () => release(),
  };
}

export function liveServerPlugin() {
  let server: DemoTestServer | null = null;
  const firstLogin = timedLock(60_000);
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
        // An officine whose next login is a first login (no e-mail yet). Chromium and Firefox
        // run at the same time: one browser at a time holds it, until done (or 60 s).
        await firstLogin.acquire();
        return { body: JSON.stringify(await server.resetFirstLogin()), type: 'json' };
      }
      if (context.path === '/__vo-test/first-login-done') {
        firstLogin.release();
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__vo-test/advance') {
        server.clock.advance(Number(query.get('ms') ?? '0'));
        return { body: JSON.stringify({ now: server.clock.now().toISOString() }), type: 'json' };
      }
      return undefined;
    },
  };
}
