// How many wrong keys the licensing service looks at when guessed at, with its default throttles.
//
//   node --import tsx bench/licensing-throttle.ts [--seconds 10]
//
// 1. 2,000 guesses sent at once from one address (before the fix all 2,000 were evaluated).
// 2. Guesses from rotating loopback addresses 127.0.0.2–127.0.0.254 at 50 connections for 10 s
//    (before: ~880 guesses/s evaluated). Each request binds its own local address; the service
//    sees each as a different client (request.ip). Loopback only; bounded in time and count.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_THROTTLE } from '../src/licensing/service/throttle.js';
import { startServerProcess } from './licensing/load.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } });
const SECONDS = Number(values.seconds);

function guess(url: string, agent: Agent, n: number): Promise<number> {
  return new Promise((resolve) => {
    const target = new URL('/api/v1/license/info', url);
    const payload = JSON.stringify({ key: `MIKO-${randomBytes(10).toString('hex').toUpperCase().replace(/(.{5})(?=.)/g, '$1-').slice(0, 23)}` });
    const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-n': String(n) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

const dir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-throttle-'));
let service = await startServerProcess('licensing', { dataDir: dir });
console.log(`Throttles (defaults: ${DEFAULT_THROTTLE.blockAfter} failures or requests in flight per address per ${DEFAULT_THROTTLE.windowMs / 60_000} min; ${DEFAULT_THROTTLE.globalCeiling} per ${DEFAULT_THROTTLE.globalWindowMs / 1000} s from addresses without a success)`);

// 1. A burst from one address.
const agent = new Agent({ keepAlive: true, maxSockets: 500 });
let started = performance.now();
const burst = await Promise.all(Array.from({ length: 2000 }, (_, n) => guess(service.url, agent, n)));
const burstMs = performance.now() - started;
agent.destroy();
const looked = burst.filter((s) => s === 403).length;
const refused = burst.filter((s) => s === 429).length;
console.log(`  2,000 guesses at once from 127.0.0.1: ${looked} looked up, ${refused} refused with 429, ${burst.length - looked - refused} other, in ${burstMs.toFixed(0)} ms`);
await service.stop();

// 2. Rotating addresses, on a fresh service (the burst's failures forgotten).
service = await startServerProcess('licensing', { dataDir: dir });
const agents = new Map<string, Agent>();
const agentFor = (address: string): Agent => {
  let found = agents.get(address);
  if (!found) agents.set(address, (found = new Agent({ keepAlive: true, maxSockets: 4, localAddress: address })));
  return found;
};
let next = 0;
const statuses = new Map<number, number>();
const stopAt = performance.now() + SECONDS * 1000;
started = performance.now();
await Promise.all(
  Array.from({ length: 50 }, async () => {
    for (let i = 0; i < 100_000 && performance.now() < stopAt; i++) {
      const address = `127.0.0.${2 + (next++ % 253)}`;
      const status = await guess(service.url, agentFor(address), next);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
for (const a of agents.values()) a.destroy();
await service.stop();
await rm(dir, { recursive: true, force: true });
const rotatingLooked = statuses.get(403) ?? 0;
const rotatingTotal = [...statuses.values()].reduce((a, b) => a + b, 0);
console.log(`  rotating 253 loopback addresses, 50 connections, ${seconds.toFixed(1)} s: ${rotatingTotal} guesses sent, ${rotatingLooked} looked up = ${(rotatingLooked / seconds).toFixed(1)} guesses/s evaluated, ${statuses.get(429) ?? 0} refused with 429`);

const ceilingPerSecond = DEFAULT_THROTTLE.globalCeiling / (DEFAULT_THROTTLE.globalWindowMs / 1000);
console.log('\nFigures beside the targets');
console.log(`  ${looked <= DEFAULT_THROTTLE.blockAfter ? 'met ' : 'MISS'}  burst of 2,000 from one address: ${looked} evaluated          target ≤ ${DEFAULT_THROTTLE.blockAfter} (was 2,000)`);
console.log(`  ${rotatingLooked <= DEFAULT_THROTTLE.globalCeiling * Math.ceil(seconds / (DEFAULT_THROTTLE.globalWindowMs / 1000)) ? 'met ' : 'MISS'}  rotating addresses: ${(rotatingLooked / seconds).toFixed(1)} guesses/s evaluated        target ≤ ${DEFAULT_THROTTLE.globalCeiling} per window (${ceilingPerSecond}/s sustained; was ~880/s)`);
