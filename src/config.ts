import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ValidationError, reason } from './domain/errors.js';

/** Where pbxmod keeps its files: `--data-dir`, `PBXMOD_DATA_DIR`, `$XDG_DATA_HOME/pbxmod`, `~/.local/share/pbxmod`. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.PBXMOD_DATA_DIR;
  if (chosen !== undefined && chosen.trim() !== '') return resolve(chosen);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'pbxmod');
}

/**
 * The licensing service to use: `--api`, `PBXMOD_API_URL`, the store's setting; `null` means
 * "start the embedded one on loopback".
 */
export function resolveApiUrl(flag: string | undefined, stored: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = flag ?? env.PBXMOD_API_URL ?? stored ?? null;
  if (chosen === null || chosen.trim() === '') return null;
  return parseServiceUrl(chosen);
}

/** Accept `http(s)://host[:port][/path]` only, without a trailing slash. */
export function parseServiceUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ValidationError(reason('service_url_malformed', { value: input }), 'api');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(reason('service_url_protocol', { protocol: url.protocol }), 'api');
  }
  return url.toString().replace(/\/+$/, '');
}

/** `--readonly`, or `PBXMOD_READONLY` set to 1/true/yes/on: look, change nothing. */
export function readOnlyRequested(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag) return true;
  return /^(1|true|yes|on)$/i.test((env.PBXMOD_READONLY ?? '').trim());
}
