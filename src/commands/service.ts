import type { Command } from 'commander';
import { resolveDataDir } from '../config.js';
import { ValidationError, describeError, errorToJson } from '../domain/errors.js';
import { visibleText } from '../domain/terminal-text.js';
import { ServiceRequestError } from '../licensing/errors.js';
import { globalOptionsOf } from './context.js';
import { runCommandAction } from './output.js';

/** A whole number from a flag, or a ValidationError naming the flag. */
function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number {
  const number = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ValidationError(`--${flag} must be a whole number from ${min} to ${max}${value === undefined ? '' : ` (got "${value}")`}.`, `Give --${flag} N.`, flag);
  }
  return number;
}

function featureSpec(value: string): { featureId: number; count: number } {
  const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  if (!match) throw new ValidationError(`--feature takes ID:COUNT, e.g. 33:2 (got "${value}").`, 'Repeat --feature for several features.', 'feature');
  return { featureId: wholeNumber('feature', match[1], 1, 1e9), count: wholeNumber('feature', match[2], 0, 100_000) };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The token a `serve` is given: --token-file, else PBXMOD_SERVICE_TOKEN, else undefined (the data dir's). */
async function servedToken(tokenFile: string | undefined): Promise<string | undefined> {
  if (tokenFile === undefined) return process.env.PBXMOD_SERVICE_TOKEN?.trim() || undefined;
  const { readFile } = await import('node:fs/promises');
  const token = (await readFile(tokenFile, 'utf8').catch((error: Error) => {
    throw new ValidationError(`Cannot read the token file ${tokenFile}: ${error.message}.`, 'Check the path and its permissions.', 'token-file');
  })).trim();
  if (token.length < 16) throw new ValidationError(`The token in ${tokenFile} is shorter than 16 characters.`, 'Use a long random token, e.g. `openssl rand -base64 32`.', 'token-file');
  return token;
}

/** `pbxmod serve` and the operator's `pbxmod service ...` commands. */
export function registerServiceCommands(program: Command): void {
  program
    .command('serve')
    .description('run the licensing service (keys, trials, coupons, seats, catalog); its data lives in <data-dir>/licensing')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free one)', '8080')
    .option('--database <url>', 'keep the data in PostgreSQL, postgres://user@host:port/db (default $PBXMOD_DATABASE_URL; none = licensing.json)')
    .option('--token-file <file>', 'the operator token (default $PBXMOD_SERVICE_TOKEN, else <data-dir>/licensing/operator-token, made at first start)')
    .option('--secret-file <file>', 'the secret that keys are hashed with (default $PBXMOD_SERVICE_SECRET, else <data-dir>/licensing/service-secret)')
    .option('--trials-per-address <n>', 'new trial keys one address may get per day', '3')
    .option('--registrations-per-address <n>', 'registration attempts one address may make per hour', '10')
    .option('--log', 'log every request (JSON lines on stdout)')
    .action(async (options: { host: string; port: string; database?: string; tokenFile?: string; secretFile?: string; trialsPerAddress: string; registrationsPerAddress: string; log?: boolean }, command: Command) => {
      const globals = globalOptionsOf(command);
      try {
        const port = wholeNumber('port', options.port, 0, 65535);
        const { startLicensingService } = await import('../licensing/service/server.js');
        const { licensingDataDir } = await import('../licensing/service/operator.js');
        const dataDir = licensingDataDir(resolveDataDir(globals.dataDir));
        const databaseUrl = options.database ?? (process.env.PBXMOD_DATABASE_URL?.trim() || undefined);
        if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ValidationError(`--database must be a postgres:// URL (got "${databaseUrl.slice(0, 40)}").`, 'Example: --database postgres://pbxmod@127.0.0.1:5432/pbxmod', 'database');
        const operatorToken = await servedToken(options.tokenFile);
        const trialThrottle = { blockAfter: wholeNumber('trials-per-address', options.trialsPerAddress, 1, 1_000_000) };
        const registrationThrottle = { blockAfter: wholeNumber('registrations-per-address', options.registrationsPerAddress, 1, 1_000_000) };
        const service = await startLicensingService({ host: options.host, port, dataDir, databaseUrl, operatorToken, secretFile: options.secretFile, trialThrottle, registrationThrottle, logger: options.log ?? false });
        const storage = databaseUrl ? 'PostgreSQL' : 'licensing.json';
        const where = ['0.0.0.0', '::', '[::]'].includes(options.host) ? `every address (${options.host}) port ${new URL(service.url).port}; here it is ${service.url}` : service.url;
        process.stdout.write(globals.json ? `${JSON.stringify({ ok: true, url: service.url, host: options.host, dataDir, storage: service.storage.kind })}\n` : `Licensing service listening on ${where} (data in ${dataDir}, ${storage}). Stop with Ctrl+C.\n`);
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await service.close();
        if (!globals.json) process.stdout.write('Licensing service stopped.\n');
      } catch (error) {
        const listenError = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new ValidationError(`Port ${options.port} on ${options.host} is already in use.`, 'Choose another with --port, or stop the other service.', 'port') : error;
        if (globals.json) process.stdout.write(`${JSON.stringify({ ok: false, error: errorToJson(listenError) })}\n`);
        else process.stderr.write(`pbxmod: ${describeError(listenError)}\n`);
        process.exitCode = listenError instanceof ValidationError ? 2 : 1;
      }
    });

  const service = program
    .command('service')
    .description('operate a licensing service over its operator API: coupons, seats, the outbox (--api URL with its token, or the embedded one)')
    .option('--token-file <file>', "the service token (default $PBXMOD_SERVICE_TOKEN; the embedded service's is found by itself)");
  const tokenFileOf = (command: Command): string | undefined => command.optsWithGlobals<{ tokenFile?: string }>().tokenFile;
  const operator = async (ctx: Parameters<Parameters<typeof runCommandAction>[1]>[0], command: Command) => {
    const { connectOperator } = await import('../licensing/operator-access.js');
    return connectOperator(ctx, tokenFileOf(command));
  };
  /** The service's 400 is bad input of this command: exit 2 like a bad flag. */
  const badInputToo = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ServiceRequestError && error.status === 400) throw new ValidationError(error.message, 'Correct the flags and try again.');
      throw error;
    }
  };
  const coupon = service.command('coupon').description('coupons that add a product license to a key');

  coupon
    .command('create')
    .description('make a coupon MIKOUPD-... for a product license')
    .requiredOption('--product <id>', 'product id (1 MikoPBX, 127 Users UI, 31 Bitrix24 integration)')
    .requiredOption('--days <n>', 'how long the license lasts')
    .option('--feature <id:count>', 'seats of a feature (repeatable); default one seat of each of the product\'s features', collect, [])
    .option('--name <text>', 'product name (needed for a product the catalog does not know)')
    .action(async (options: { product: string; days: string; feature: string[]; name?: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const spec = {
          productId: wholeNumber('product', options.product, 1, 1e9),
          days: wholeNumber('days', options.days, 1, 36_500),
          ...(options.feature.length > 0 ? { features: options.feature.map(featureSpec) } : {}),
          ...(options.name !== undefined ? { name: options.name } : {}),
        };
        const created = await badInputToo((await operator(ctx, command)).createCoupon(spec));
        const seats = created.features.map((f) => `${f.count} × ${visibleText(f.name)} (${f.featureId})`).join(', ');
        return {
          json: { ...created },
          text: `${created.coupon}\n${visibleText(created.productName)} (product ${created.productId}) for ${created.days} days: ${seats}.`,
        };
      });
    });

  coupon
    .command('block <code>')
    .description('block a coupon: it can no longer be activated or used to log in')
    .action(async (code: string, _options: unknown, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const blocked = await (await operator(ctx, command)).blockCoupon(code);
        return { json: { coupon: blocked, blocked: true }, text: `Coupon ${blocked} is blocked.` };
      });
    });

  service
    .command('seats')
    .description("seats of a key's features")
    .command('add')
    .description('add seats of a feature to a product a key holds (e.g. more MikoPBX hosts: --product 1 --feature 33); the key comes from standard input, --key-file or a prompt')
    .option('--key <key>', 'the license key; "-" reads it from standard input (an argument shows in ps: prefer --key-file)')
    .option('--key-file <file>', 'read the license key from this file')
    .requiredOption('--product <id>', 'product id the key holds')
    .requiredOption('--feature <id>', 'feature id')
    .requiredOption('--count <n>', 'seats to add')
    .action(async (options: { key?: string; keyFile?: string; product: string; feature: string; count: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const spec = {
          productId: wholeNumber('product', options.product, 1, 1e9),
          featureId: wholeNumber('feature', options.feature, 1, 1e9),
          count: wholeNumber('count', options.count, 1, 100_000),
        };
        const { readKeyInput } = await import('./key-input.js');
        const key = (await readKeyInput({ value: options.key, file: options.keyFile, flag: '--key' }))!;
        const { normalizeLicenseKey } = await import('../domain/license-key.js');
        const result = await badInputToo((await operator(ctx, command)).addSeats({ key: normalizeLicenseKey(key), ...spec }));
        return { json: { ...result }, text: `${visibleText(result.productName)}: ${result.count} seat(s) of ${visibleText(result.featureName)} now.` };
      });
    });

  service
    .command('outbox')
    .description('the mail the service would have sent (keys to their owners), newest first')
    .option('--limit <n>', 'how many messages', '20')
    .action(async (options: { limit: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const messages = await (await operator(ctx, command)).outbox(wholeNumber('limit', options.limit, 1, 1000));
        const text = messages.map((m) => [`From the service, ${m.created}`, `To: ${visibleText(m.to)}`, `Subject: ${visibleText(m.subject)}`, '', visibleText(m.body, { keepLineBreaks: true })].join('\n'));
        return { json: { messages }, text: text.length > 0 ? text.join('\n\n') : 'The outbox is empty.' };
      });
    });
}
