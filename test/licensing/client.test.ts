import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LicenseError, MANAGE_BINDINGS_HINT } from '../../src/domain/license-codes.js';
import { LicensingClient } from '../../src/licensing/client.js';
import { ConnectionError, ServiceRequestError, UnexpectedResponseError } from '../../src/licensing/errors.js';

/** A real HTTP server on loopback that answers every request with `handler`, counting hits. */
async function misbehavingServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

test('a license code from the service becomes a LicenseError that points to the session monitor', async () => {
  const server = await misbehavingServer((_req, res) => json(res, 403, { error: { code: 2008, message: 'Feature 51 is bound to host pbx-02.' } }));
  try {
    const client = new LicensingClient({ baseUrl: server.url });
    await assert.rejects(client.licenseInfo('MIKO-AAAAA-BBBBB-CCCCC-DDDDD'), (error: unknown) => {
      assert.ok(error instanceof LicenseError);
      assert.equal(error.code, 2008);
      assert.match(error.message, /no free seat.*pbx-02/);
      assert.equal(error.hint, MANAGE_BINDINGS_HINT);
      assert.match(error.hint ?? '', /session monitor/);
      return true;
    });
  } finally {
    await server.close();
  }
});

test('a refused connection names the URL', async () => {
  const server = await misbehavingServer(() => undefined);
  const url = server.url;
  await server.close();
  const client = new LicensingClient({ baseUrl: url, retries: 0 });
  await assert.rejects(client.ping(), (error: unknown) => error instanceof ConnectionError && error.message.includes(url) && /refused/.test(error.message));
});

test('a service that never answers times out as no connection', async () => {
  const server = await misbehavingServer(() => undefined /* never responds */);
  try {
    const client = new LicensingClient({ baseUrl: server.url, timeoutMs: 200, retries: 0 });
    await assert.rejects(client.ping(), (error: unknown) => error instanceof ConnectionError && /timed out/.test(error.message));
  } finally {
    server.close();
  }
});

test('text, wrong JSON and error statuses without a body are unexpected responses', async () => {
  const answers: Array<(res: ServerResponse) => void> = [
    (res) => res.end('<html>proxy login</html>'),
    (res) => json(res, 200, { hello: 'world' }),
    (res) => {
      res.writeHead(502);
      res.end();
    },
  ];
  let i = 0;
  const server = await misbehavingServer((_req, res) => answers[i++ % answers.length]!(res));
  try {
    const client = new LicensingClient({ baseUrl: server.url, retries: 0 });
    for (let n = 0; n < answers.length; n++) {
      await assert.rejects(client.ping(), (error: unknown) => error instanceof UnexpectedResponseError && error.message.includes(server.url));
    }
  } finally {
    await server.close();
  }
});

test('a non-license refusal keeps its code and status', async () => {
  const server = await misbehavingServer((_req, res) => json(res, 429, { error: { code: 'too_many_attempts', message: 'Slow down.' } }));
  try {
    const client = new LicensingClient({ baseUrl: server.url });
    await assert.rejects(client.sessions('MIKO-AAAAA-BBBBB-CCCCC-DDDDD'), (error: unknown) => error instanceof ServiceRequestError && error.code === 'too_many_attempts' && error.status === 429);
    assert.equal(server.hits(), 1, '429 is not retried');
  } finally {
    await server.close();
  }
});

test('only requests that are safe to repeat are retried', async () => {
  const server = await misbehavingServer((_req, res) => json(res, 503, { error: { code: 'unavailable', message: 'Restarting.' } }));
  try {
    const client = new LicensingClient({ baseUrl: server.url, retries: 2 });
    await assert.rejects(client.licenseInfo('MIKO-AAAAA-BBBBB-CCCCC-DDDDD'), ServiceRequestError);
    assert.equal(server.hits(), 3, 'license info: first try plus two retries');
    await assert.rejects(client.activateCoupon('MIKO-AAAAA-BBBBB-CCCCC-DDDDD', 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD'), ServiceRequestError);
    assert.equal(server.hits(), 4, 'coupon activation is never retried: a coupon activates once');
    await assert.rejects(client.register({ company: 'A', email: 'a@b.example', contact: 'C', hostId: 'h' }), ServiceRequestError);
    assert.equal(server.hits(), 5, 'registration is never retried');
  } finally {
    await server.close();
  }
});
