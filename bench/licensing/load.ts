import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

/** What one measurement gave. */
export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Count by HTTP status. */
  statuses: Record<number, number>;
}

export interface LoadOptions {
  url: string;
  /** Concurrent connections; each is a keep-alive connection of its own. */
  connections: number;
  durationMs: number;
  /** The request body of the next request on connection `c`. */
  body: (connection: number) => { path: string; json: unknown };
  /** Bind connection `c` to a loopback address of its own (127.0.0.x), as separate PBXs would be. */
  localAddress?: (connection: number) => string;
  /** Stop each connection after this many requests (bounded loops). Default 1,000,000. */
  maxRequestsPerConnection?: number;
  /** Several service URLs: connection c talks to urls[c % n]. */
  urls?: string[];
}

function post(agent: Agent, base: string, path: string, json: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(json);
    const target = new URL(path, base);
    const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** `connections` loops, each sending its next request when the last one answered, for `durationMs`. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const stopAt = performance.now() + options.durationMs;
  const max = options.maxRequestsPerConnection ?? 1_000_000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async (_, c) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, ...(options.localAddress ? { localAddress: options.localAddress(c) } : {}) });
      const base = options.urls ? options.urls[c % options.urls.length]! : options.url;
      try {
        for (let n = 0; n < max && performance.now() < stopAt; n++) {
          const { path, json } = options.body(c);
          const t0 = performance.now();
          const { status } = await post(agent, base, path, json).catch(() => ({ status: 0, text: '' }));
          latencies.push(performance.now() - t0);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses };
}

/** Server processes still running: ended when the benchmark ends, however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** A benchmark server process (server-process.ts); resolves with its URL. */
export function startServerProcess(kind: 'bare' | 'licensing', options: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server-process.ts'), kind, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the ${kind} server did not start: ${output}`)), 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stop: () => new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}: ${output}`)));
  });
}

export function formatFigures(f: LoadFigures): string {
  const errors = Object.entries(f.statuses).filter(([s]) => Number(s) >= 500 || Number(s) === 0).reduce((n, [, c]) => n + c, 0);
  const codes = Object.entries(f.statuses).map(([s, c]) => `${s}×${c}`).join(' ');
  return `${f.perSecond.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  5xx/failed ${errors}  (${codes})`;
}
