import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import { timedFetch } from './timed-fetch';

test('a host that accepts but never answers gives a timeout verdict, on time', async () => {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started = Date.now();
  const outcome = await timedFetch(`http://127.0.0.1:${port}/trpc/health`, 300);
  const elapsed = Date.now() - started;
  for (const socket of sockets) socket.destroy();
  server.close();
  assert.deepEqual(outcome.ok, false);
  assert.ok(!outcome.ok && outcome.error.startsWith('TIMEOUT'));
  assert.ok(elapsed < 1000, `gave up after ${elapsed} ms`);
});

test('a refused connection gives a network error with the browser’s code when it reports one', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const url = `http://127.0.0.1:${port}/trpc/health`;
  const plain = await timedFetch(url, 1000);
  assert.ok(!plain.ok && plain.error === 'NETWORK_ERROR');
  // What webRequest.onErrorOccurred says in Chrome.
  const events = {
    listener: null as null | ((d: { url: string; error: string }) => void),
    addListener(cb: (d: { url: string; error: string }) => void) {
      this.listener = cb;
    },
    removeListener() {
      this.listener = null;
    },
  };
  const pending = timedFetch(url, 1000, events);
  events.listener?.({ url, error: 'net::ERR_CONNECTION_REFUSED' });
  const coded = await pending;
  assert.ok(!coded.ok && coded.error === 'net::ERR_CONNECTION_REFUSED');
});
