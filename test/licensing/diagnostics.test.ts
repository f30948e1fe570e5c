import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnoseConnection } from '../../src/licensing/diagnostics.js';

const pong = (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, service: 'pbxmod-licensing', time: new Date().toISOString() }));
};

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

test('a reachable service passes DNS, TCP and HTTP, each with a time', async () => {
  const server = createHttpServer(pong);
  const port = await listen(server);
  try {
    const seen: string[] = [];
    const steps = await diagnoseConnection(`http://localhost:${port}`, { onStep: (s) => seen.push(s.name) });
    assert.deepEqual(steps.map((s) => [s.name, s.ok]), [['dns', true], ['tcp', true], ['http', true]]);
    assert.deepEqual(seen, ['dns', 'tcp', 'http'], 'steps are reported as they finish');
    assert.ok(steps.every((s) => Number.isInteger(s.ms) && s.ms >= 0));
    assert.match(steps[1]!.detail, new RegExp(`:${port}`));
  } finally {
    server.close();
  }
});

test('a closed port fails at TCP connect and stops there', async () => {
  const server = createHttpServer(pong);
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  const steps = await diagnoseConnection(`http://127.0.0.1:${port}`, { timeoutMs: 2000 });
  assert.deepEqual(steps.map((s) => [s.name, s.ok]), [['dns', true], ['tcp', false]]);
  assert.match(steps[1]!.detail, /ECONNREFUSED/);
});

test('a name that does not resolve fails at DNS', async () => {
  const steps = await diagnoseConnection('http://pbxmod-no-such-host.invalid:8080', { timeoutMs: 3000 });
  assert.equal(steps.length, 1);
  assert.equal(steps[0]!.name, 'dns');
  assert.equal(steps[0]!.ok, false);
});

test('a web server that is not the licensing service fails the HTTP ping', async () => {
  const server = createHttpServer((_req, res) => res.end('<html>It works!</html>'));
  const port = await listen(server);
  try {
    const steps = await diagnoseConnection(`http://127.0.0.1:${port}`);
    assert.deepEqual(steps.map((s) => [s.name, s.ok]), [['dns', true], ['tcp', true], ['http', false]]);
    assert.match(steps[2]!.detail, /Unexpected response/);
  } finally {
    server.close();
  }
});

test('https with an untrusted certificate fails at the TLS handshake', (t) => {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'pbxmod-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  } catch {
    t.skip('openssl is not available to make a test certificate');
    return;
  }
  const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, pong);
  return (async () => {
    const port = await listen(server as unknown as Server);
    try {
      const steps = await diagnoseConnection(`https://localhost:${port}`);
      assert.deepEqual(steps.map((s) => [s.name, s.ok]), [['dns', true], ['tcp', true], ['tls', false]]);
      assert.match(steps[2]!.detail, /self-signed|not trusted/);
    } finally {
      server.close();
    }
  })();
});
