import type { Command } from 'commander';
import { resolveDataDir } from '../config.js';
import { ValidationError, describeError, errorToJson } from '../domain/errors.js';
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

/** `pbxmod serve` and the operator's `pbxmod service ...` commands. */
export function registerServiceCommands(program: Command): void {
  program
    .command('serve')
    .description('run the licensing service (keys, trials, coupons, seats, catalog); its data lives in <data-dir>/licensing')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free one)', '8080')
    .option('--log', 'log every request (JSON lines on stdout)')
    .action(async (options: { host: string; port: string; log?: boolean }, command: Command) => {
      const globals = globalOptionsOf(command);
      try {
        const port = wholeNumber('port', options.port, 0, 65535);
        const { startLicensingService } = await import('../licensing/service/server.js');
        const { licensingDataDir } = await import('../licensing/service/operator.js');
        const dataDir = licensingDataDir(resolveDataDir(globals.dataDir));
        const service = await startLicensingService({ host: options.host, port, dataDir, logger: options.log ?? false });
        process.stdout.write(globals.json ? `${JSON.stringify({ ok: true, url: service.url, host: options.host, dataDir })}\n` : `Licensing service listening on ${['0.0.0.0', '::', '[::]'].includes(options.host) ? `every address (${options.host}) port ${new URL(service.url).port}; here it is ${service.url}` : service.url} (data in ${dataDir}). Stop with Ctrl+C.\n`);
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

  const service = program.command('service').description("operate the licensing service's store (<data-dir>/licensing): coupons and seats");
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
        const { createCouponInStore, openOperatorStore } = await import('../licensing/service/operator.js');
        const spec = {
          productId: wholeNumber('product', options.product, 1, 1e9),
          days: wholeNumber('days', options.days, 1, 36_500),
          features: options.feature.map(featureSpec),
          ...(options.name !== undefined ? { name: options.name } : {}),
        };
        const created = await createCouponInStore(openOperatorStore(ctx.dataDir), spec);
        const seats = created.features.map((f) => `${f.count} × ${f.name} (${f.featureId})`).join(', ');
        return {
          json: { coupon: created.code, productId: created.productId, productName: created.productName, days: created.days, features: created.features },
          text: `${created.code}\n${created.productName} (product ${created.productId}) for ${created.days} days: ${seats}.`,
        };
      });
    });

  coupon
    .command('block <code>')
    .description('block a coupon: it can no longer be activated or used to log in')
    .action(async (code: string, _options: unknown, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const { blockCouponInStore, openOperatorStore } = await import('../licensing/service/operator.js');
        const blocked = await blockCouponInStore(openOperatorStore(ctx.dataDir), code);
        return { json: { coupon: blocked.code, blocked: true }, text: `Coupon ${blocked.code} is blocked.` };
      });
    });

  service
    .command('seats')
    .description("seats of a key's features")
    .command('add')
    .description("add seats of a feature to a product a key holds (e.g. more MikoPBX hosts: --product 1 --feature 33)")
    .requiredOption('--key <key>', 'the license key')
    .requiredOption('--product <id>', 'product id the key holds')
    .requiredOption('--feature <id>', 'feature id')
    .requiredOption('--count <n>', 'seats to add')
    .action(async (options: { key: string; product: string; feature: string; count: string }, command: Command) => {
      await runCommandAction(command, async (ctx) => {
        const { addSeatsInStore, openOperatorStore } = await import('../licensing/service/operator.js');
        const result = await addSeatsInStore(openOperatorStore(ctx.dataDir), {
          key: options.key,
          productId: wholeNumber('product', options.product, 1, 1e9),
          featureId: wholeNumber('feature', options.feature, 1, 1e9),
          count: wholeNumber('count', options.count, 1, 100_000),
        });
        return { json: { ...result }, text: `${result.productName}: ${result.count} seat(s) of ${result.featureName} now.` };
      });
    });
}
