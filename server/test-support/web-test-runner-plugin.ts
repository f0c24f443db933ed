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
        const { token } = await server.demoToken(Number(query.get('officine') ?? '0'));
        return { body: JSON.stringify({ token }), type: 'json' };
      }
      if (context.path === '/__vo-test/advance') {
        server.clock.advance(Number(query.get('ms') ?? '0'));
        return { body: JSON.stringify({ now: server.clock.now().toISOString() }), type: 'json' };
      }
      return undefined;
    },
  };
}
