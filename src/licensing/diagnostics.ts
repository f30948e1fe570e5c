import { lookup } from 'node:dns/promises';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { LicensingClient } from './client.js';

/** One check of the connection to the licensing service, as the vendor's docs ask admins to run over SSH. */
export interface DiagnosticStep {
  name: 'dns' | 'tcp' | 'tls' | 'http';
  /** What was checked, e.g. "DNS lookup of lic.example.com" (English; a face says it with `name` and `target`). */
  title: string;
  /** What the step checked: the host, `address:port`, or the ping URL. */
  target: string;
  /** What it found when it succeeded: the address, `address:port`, the TLS version, the service's name. */
  value?: string;
  ok: boolean;
  /** "93.184.216.34", "connected", "TLSv1.3, certificate valid", or the failure. */
  detail: string;
  /** What a passed step found, as values, for a face that says it in its own language (`detail` is the English). */
  found?: DiagnosticFinding;
  ms: number;
}

export type DiagnosticFinding =
  | { kind: 'address'; address: string }
  | { kind: 'connected'; address: string; port: number }
  | { kind: 'tls'; protocol: string }
  | { kind: 'answered'; service: string };

/**
 * Check the path to the service step by step: DNS, TCP connect, TLS handshake (https only),
 * HTTP ping. A step is skipped once an earlier one failed, since its result would say nothing.
 */
export async function diagnoseConnection(baseUrl: string, options: { timeoutMs?: number; onStep?: (step: DiagnosticStep) => void } = {}): Promise<DiagnosticStep[]> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const url = new URL(baseUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const steps: DiagnosticStep[] = [];
  const record = (step: DiagnosticStep) => {
    steps.push(step);
    options.onStep?.(step);
    return step.ok;
  };

  let address = host;
  const dns = await timed(async () => {
    const found = await withTimeout(lookup(host), timeoutMs, 'no answer');
    address = found.address;
    return found.address;
  });
  if (!record({ name: 'dns', title: `DNS lookup of ${host}`, target: host, ...dns, ...(dns.ok ? { found: { kind: 'address', address } } : {}) })) return steps;

  const tcp = await timed(() => openSocket(() => connectTcp({ host: address, port }), 'connect', timeoutMs).then(() => `connected to ${address}:${port}`), () => `${address}:${port}`);
  if (!record({ name: 'tcp', title: `TCP connect to ${address}:${port}`, target: `${address}:${port}`, ...tcp, ...(tcp.ok ? { found: { kind: 'connected', address, port } } : {}) })) return steps;

  if (url.protocol === 'https:') {
    let protocol = 'TLS';
    const tls = await timed(
      () =>
        openSocket(() => connectTls({ host: address, port, servername: host }), 'secureConnect', timeoutMs, (socket) => {
          const s = socket as import('node:tls').TLSSocket;
          if (!s.authorized) throw new Error(`certificate not trusted (${String(s.authorizationError)})`);
          protocol = s.getProtocol() ?? 'TLS';
          return `${protocol}, certificate valid`;
        }),
      (detail) => detail.replace(/, certificate valid$/, ''),
    );
    if (!record({ name: 'tls', title: `TLS handshake with ${host}`, target: host, ...tls, ...(tls.ok ? { found: { kind: 'tls', protocol } } : {}) })) return steps;
  }

  let service = '';
  const http = await timed(
    async () => {
      const pong = await new LicensingClient({ baseUrl, timeoutMs, retries: 0 }).ping();
      service = pong.service;
      return `${pong.service} answered`;
    },
    (detail) => detail.replace(/ answered$/, ''),
  );
  const pingUrl = `${url.origin}${url.pathname === '/' ? '' : url.pathname}/api/v1/ping`;
  record({ name: 'http', title: `HTTP ping ${pingUrl}`, target: pingUrl, ...http, ...(http.ok ? { found: { kind: 'answered', service } } : {}) });
  return steps;
}

async function timed(run: () => Promise<string>, value: (detail: string) => string = (detail) => detail): Promise<{ ok: boolean; detail: string; value?: string; ms: number }> {
  const start = performance.now();
  try {
    const detail = await run();
    return { ok: true, detail, value: value(detail), ms: Math.round(performance.now() - start) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, detail: e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message, ms: Math.round(performance.now() - start) };
  }
}

function openSocket(open: () => Socket, readyEvent: string, timeoutMs: number, onReady: (socket: Socket) => string = () => 'connected'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = open();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(readyEvent, () => {
      clearTimeout(timer);
      try {
        resolve(onReady(socket));
      } catch (error) {
        reject(error);
      } finally {
        socket.destroy();
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
