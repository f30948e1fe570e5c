import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError, reason } from '../domain/errors.js';
import type { PbxContext } from '../pbx-context.js';
import { LicensingClient } from './client.js';

/** The service token file inside a service data dir (also written there by the service). */
const TOKEN_FILE = 'operator-token';

/** The token in `file`; `embedded`: the file is the embedded service's own, found by itself. */
async function readToken(file: string, embedded: boolean): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(reason('token_file_unreadable', { file, detail: (error as Error).message, embedded }), 'token-file');
  }
  const token = text.trim();
  if (token === '') throw new ValidationError(reason('token_file_empty', { file, embedded }), 'token-file');
  return token;
}

/**
 * A client for the operator's routes of the service this context uses: `--api URL` (or
 * PBXMOD_API_URL, or the stored URL) with the token from PBXMOD_SERVICE_TOKEN or `tokenFile`;
 * else the embedded service, started here, whose token is read from its data dir.
 */
export async function connectOperator(ctx: PbxContext, tokenFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<LicensingClient> {
  const url = await ctx.licensingUrl();
  const given = tokenFile !== undefined ? await readToken(tokenFile, false) : env.PBXMOD_SERVICE_TOKEN?.trim() || undefined;
  if (url) {
    if (!given) throw new ValidationError(reason('token_needed', { url }), 'token-file');
    return new LicensingClient({ baseUrl: url, token: given, retries: 0 });
  }
  const embedded = await ctx.licensing();
  const token = given ?? (await readToken(join(ctx.dataDir, 'licensing', TOKEN_FILE), true));
  return embedded.withToken(token, { retries: 0 });
}
