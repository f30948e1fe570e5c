import type { Command } from 'commander';
import { resolveDataDir } from '../config.js';
import { ValidationError, describeError, errorToJson, reason } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import { visibleText } from '../domain/terminal-text.js';
import { ServiceRequestError } from '../licensing/errors.js';
import { globalOptionsOf } from './context.js';
import { ErrorInContext, isBadInput, runCommandAction } from './output.js';

/** A whole number from a flag, or a ValidationError naming the flag. */
function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number {
  const number = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ValidationError(reason('whole_number', value === undefined ? { flag, min, max } : { flag, min, max, value }), flag);
  }
  return number;
}

function featureSpec(value: string): { featureId: number; count: number } {
  const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  if (!match) throw new ValidationError(reason('feature_spec_invalid', { value }), 'feature');
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
    throw new ValidationError(reason('serve_token_unreadable', { file: tokenFile, detail: error.message }), 'token-file');
  })).trim();
  if (token.length < 16) throw new ValidationError(reason('serve_token_short', { file: tokenFile }), 'token-file');
  return token;
}

/** `pbxmod serve` and the operator's `pbxmod service ...` commands. */
export function registerServiceCommands(program: Command): void {
  const t = currentMessages().cli;
  const serve = t.serve;
  program
    .command('serve')
    .description(serve.description)
    .option('--host <host>', serve.host, '127.0.0.1')
    .option('--port <port>', serve.port, '8080')
    .option('--database <url>', serve.database)
    .option('--token-file <file>', serve.tokenFile)
    .option('--secret-file <file>', serve.secretFile)
    .option('--trials-per-address <n>', serve.trialsPerAddress, '3')
    .option('--registrations-per-address <n>', serve.registrationsPerAddress, '10')
    .option('--log', serve.log)
    .action(async (options: { host: string; port: string; database?: string; tokenFile?: string; secretFile?: string; trialsPerAddress: string; registrationsPerAddress: string; log?: boolean }, command: Command) => {
      const globals = globalOptionsOf(command);
      try {
        const port = wholeNumber('port', options.port, 0, 65535);
        const { startLicensingService } = await import('../licensing/service/server.js');
        const { licensingDataDir } = await import('../licensing/service/operator.js');
        const dataDir = licensingDataDir(resolveDataDir(globals.dataDir));
        const databaseUrl = options.database ?? (process.env.PBXMOD_DATABASE_URL?.trim() || undefined);
        if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ValidationError(reason('database_url_invalid', { value: databaseUrl.slice(0, 40) }), 'database');
        const operatorToken = await servedToken(options.tokenFile);
        const trialThrottle = { blockAfter: wholeNumber('trials-per-address', options.trialsPerAddress, 1, 1_000_000) };
        const registrationThrottle = { blockAfter: wholeNumber('registrations-per-address', options.registrationsPerAddress, 1, 1_000_000) };
        const service = await startLicensingService({ host: options.host, port, dataDir, databaseUrl, operatorToken, secretFile: options.secretFile, trialThrottle, registrationThrottle, logger: options.log ?? false });
        const storage = databaseUrl ? 'PostgreSQL' : 'licensing.json';
        const where = ['0.0.0.0', '::', '[::]'].includes(options.host) ? serve.everyAddress(options.host, new URL(service.url).port, service.url) : service.url;
        process.stdout.write(globals.json ? `${JSON.stringify({ ok: true, url: service.url, host: options.host, dataDir, storage: service.storage.kind })}\n` : `${serve.listening(where, dataDir, storage)}\n`);
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
        if (!globals.json) process.stdout.write(`${serve.stopped}\n`);
      } catch (error) {
        const listenError = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new ValidationError(reason('port_in_use', { port: options.port, host: options.host }), 'port') : error;
        if (globals.json) process.stdout.write(`${JSON.stringify({ ok: false, error: errorToJson(listenError) })}\n`);
        else process.stderr.write(`pbxmod: ${describeError(listenError)}\n`);
        process.exitCode = isBadInput(listenError) ? 2 : 1;
      }
    });

  const service = program
    .command('service')
    .description(t.service.description)
    .option('--token-file <file>', t.service.tokenFile);
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
      if (error instanceof ServiceRequestError && error.status === 400) throw new ErrorInContext(error, { after: reason('correct_flags'), badInput: true });
      throw error;
    }
  };
  const words = t.service;
  const coupon = service.command('coupon').description(words.coupon.description);

  coupon
    .command('create')
    .description(words.coupon.create.description)
    .requiredOption('--product <id>', words.coupon.create.product)
    .requiredOption('--days <n>', words.coupon.create.days)
    .option('--feature <id:count>', words.coupon.create.feature, collect, [])
    .option('--name <text>', words.coupon.create.name)
    .action(async (options: { product: string; days: string; feature: string[]; name?: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const spec = {
          productId: wholeNumber('product', options.product, 1, 1e9),
          days: wholeNumber('days', options.days, 1, 36_500),
          ...(options.feature.length > 0 ? { features: options.feature.map(featureSpec) } : {}),
          ...(options.name !== undefined ? { name: options.name } : {}),
        };
        const created = await badInputToo((await operator(ctx, command)).createCoupon(spec));
        const seats = created.features.map((f) => words.coupon.create.seats(f.count, visibleText(f.name), f.featureId)).join(', ');
        return {
          json: { ...created },
          text: `${created.coupon}\n${words.coupon.create.done(visibleText(created.productName), created.productId, created.days, seats)}`,
        };
      });
    });

  coupon
    .command('block <code>')
    .description(words.coupon.block.description)
    .action(async (code: string, _options: unknown, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const blocked = await (await operator(ctx, command)).blockCoupon(code);
        return { json: { coupon: blocked, blocked: true }, text: words.coupon.block.done(blocked) };
      });
    });

  service
    .command('seats')
    .description(words.seats.description)
    .command('add')
    .description(words.seats.add.description)
    .option('--key <key>', words.seats.add.key)
    .option('--key-file <file>', words.seats.add.keyFile)
    .requiredOption('--product <id>', words.seats.add.product)
    .requiredOption('--feature <id>', words.seats.add.feature)
    .requiredOption('--count <n>', words.seats.add.count)
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
        return { json: { ...result }, text: words.seats.add.done(visibleText(result.productName), result.count, visibleText(result.featureName)) };
      });
    });

  service
    .command('outbox')
    .description(words.outbox.description)
    .option('--limit <n>', words.outbox.limit, '20')
    .action(async (options: { limit: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const messages = await (await operator(ctx, command)).outbox(wholeNumber('limit', options.limit, 1, 1000));
        const o = words.outbox;
        const text = messages.map((m) => [o.from(m.created), o.to(visibleText(m.to)), o.subject(visibleText(m.subject)), '', visibleText(m.body, { keepLineBreaks: true })].join('\n'));
        return { json: { messages }, text: text.length > 0 ? text.join('\n\n') : o.empty };
      });
    });
}
