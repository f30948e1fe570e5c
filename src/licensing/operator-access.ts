import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../domain/errors.js';
import type { PbxContext } from '../pbx-context.js';
import { LicensingClient } from './client.js';

/** The service token file inside a service data dir (also written there by the service). */
const TOKEN_FILE = 'operator-token';

async function readToken(file: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(`Cannot read ${what} ${file}: ${(error as Error).message}.`, 'Check the path; the service writes its token to operator-token in its data dir at first start.', 'token-file');
  }
  const token = text.trim();
  if (token === '') throw new ValidationError(`${what} ${file} is empty.`, 'Put the service token in it.', 'token-file');
  return token;
}

/**
 * A client for the operator's routes of the service this context uses: `--api URL` (or
 * PBXMOD_API_URL, or the stored URL) with the token from PBXMOD_SERVICE_TOKEN or `tokenFile`;
 * else the embedded service, started here, whose token is read from its data dir.
 */
export async function connectOperator(ctx: PbxContext, tokenFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<LicensingClient> {
  const url = await ctx.licensingUrl();
  const given = tokenFile !== undefined ? await readToken(tokenFile, 'the token file') : env.PBXMOD_SERVICE_TOKEN?.trim() || undefined;
  if (url) {
    if (!given) throw new ValidationError(`The licensing service at ${url} needs its service token for operator commands.`, 'Set PBXMOD_SERVICE_TOKEN, or give --token-file FILE (the file operator-token in the service\'s data dir).', 'token-file');
    return new LicensingClient({ baseUrl: url, token: given, retries: 0 });
  }
  const embedded = await ctx.licensing();
  const token = given ?? (await readToken(join(ctx.dataDir, 'licensing', TOKEN_FILE), "the embedded service's token file"));
  return embedded.withToken(token, { retries: 0 });
}
