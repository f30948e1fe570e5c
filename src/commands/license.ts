import type { Command } from 'commander';
import { describeFeatureSeats, describeProductTerm } from '../domain/license-products.js';
import type { LicenseInfo } from '../licensing/api.js';
import { activateCoupon, readLicense, registerPbx, resetLicenseKey, setLicenseKey, type KeySaved } from '../licensing/marketplace-registration.js';
import { maskLicenseKey } from '../domain/license-key.js';
import { serviceClock } from '../licensing/service-time.js';
import { visibleText } from '../domain/terminal-text.js';
import { currentMessages } from '../i18n/catalogs.js';
import { readKeyInput } from './key-input.js';
import { confirmOrRefuse, runCommandAction } from './output.js';

/** `pbxmod license ...`: marketplace registration, the key, coupons. */
export function registerLicenseCommands(program: Command): void {
  const license = program.command('license').description('marketplace registration, license key and coupons');

  license
    .command('register')
    .description('register this PBX in the module marketplace: issues a key and a 30-day trial')
    .requiredOption('--company <name>', 'company name')
    .requiredOption('--email <email>', 'contact email')
    .requiredOption('--contact <name>', 'contact person')
    .option('--phone <phone>', 'phone (optional)')
    .option('--inn <digits>', 'company identifier: tax id such as INN/VAT, 10-12 digits (optional)')
    .action((options: { company: string; email: string; contact: string; phone?: string; inn?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => keySavedOutput('Registered.', await registerPbx(ctx, options))),
    );

  license
    .command('set-key')
    .description('save a license key you already have (checked with the service first); the key comes from standard input (echo KEY | pbxmod license set-key), --key-file, or a prompt')
    .argument('[key]', 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX, or "-" for standard input; an argument shows in ps, so prefer standard input')
    .option('--key-file <file>', 'read the key from this file')
    .action((key: string | undefined, options: { keyFile?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const given = (await readKeyInput({ value: key, file: options.keyFile, flag: 'the KEY argument' }))!;
        return keySavedOutput('License key saved.', await setLicenseKey(ctx, given));
      }),
    );

  license
    .command('show')
    .description('the license key (masked) and what it licenses')
    .option('--reveal', 'show the whole key')
    .action((options: { reveal?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const status = await readLicense(ctx, options);
        if (!status.registered) {
          return { json: { registered: false, key: null }, text: 'Not registered in the marketplace.\nRegister with `pbxmod license register --company ... --email ... --contact ...`, or save a key with `pbxmod license set-key KEY`.' };
        }
        const keyLine = `License key  ${status.key}${options.reveal ? '' : '  (--reveal shows it)'}`;
        const t = currentMessages().seats;
        const seatLines = status.seats.map((seat) => {
          const feature = [t.featureUnnamed(seat.featureId), ...(seat.modules.length > 0 ? [t.forModules(seat.modules.join(', '))] : [])].join(' ');
          return `  ${feature}: ${seat.held ? t.held : seat.dropped ? t.dropped : t.notHeld}`;
        });
        return { json: { registered: true, key: status.key, ...status.info, seats: status.seats }, text: [keyLine, describeLicense(status.info!), t.title, ...seatLines].join('\n') };
      }),
    );

  license
    .command('coupon')
    .description('activate a coupon on the saved key')
    .argument('<code>', 'MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX')
    .action((code: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const info = await activateCoupon(ctx, code);
        return { json: { activated: true, ...info }, text: `Coupon activated.\n${describeLicense(info)}` };
      }),
    );

  license
    .command('diagnose')
    .description('check the connection to the licensing service: DNS, TCP, TLS, HTTP ping')
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        // Like the console's d: with no URL configured, the embedded service on loopback is the one checked.
        const configured = await ctx.licensingUrl();
        const url = configured ?? (await ctx.licensing()).baseUrl;
        const { diagnoseConnection } = await import('../licensing/diagnostics.js');
        const steps = await diagnoseConnection(url);
        const failed = steps.find((s) => !s.ok);
        if (failed) process.exitCode = 1;
        const text = [`Licensing service ${url}${configured ? '' : ' (the embedded one, on loopback)'}`, ...steps.map((s) => `  ${s.ok ? 'ok  ' : 'FAIL'} ${s.title}: ${s.detail} (${s.ms} ms)`)];
        return { json: { url, embedded: !configured, ok: !failed, steps }, text: text.join('\n') };
      }, 'loopback'),
    );

  license
    .command('capture')
    .description(currentMessages().seats.cli.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { captureOwnSeats } = await import('../licensing/own-seats.js');
        const outcomes = await captureOwnSeats(ctx);
        const t = currentMessages().seats;
        const name = (featureId: number, modules: string[]) => [t.featureUnnamed(featureId), ...(modules.length > 0 ? [t.forModules(modules.join(', '))] : [])].join(' ');
        const refused = outcomes.filter((o) => o.outcome === 'failed');
        if (refused.length > 0) process.exitCode = 1;
        const lines = outcomes.map((o) => {
          const feature = name(o.featureId, o.modules);
          if (o.outcome === 'failed') return t.cli.refused(feature, Number(o.error.code), o.error.serviceMessage);
          return o.outcome === 'captured' ? t.cli.captured(feature) : t.cli.held(feature);
        });
        const captured = outcomes.filter((o) => o.outcome === 'captured').length;
        lines.push(t.cli.summary(captured, refused.length));
        if (refused.length > 0) lines.push(t.cli.refusedHint);
        const seat = (o: (typeof outcomes)[number]) => ({ featureId: o.featureId, modules: o.modules });
        return {
          json: {
            captured: outcomes.filter((o) => o.outcome === 'captured').map(seat),
            held: outcomes.filter((o) => o.outcome === 'held').map(seat),
            failed: outcomes.flatMap((o) => (o.outcome === 'failed' ? [{ ...seat(o), code: o.error.code, message: o.error.serviceMessage }] : [])),
          },
          text: lines.join('\n'),
        };
      }),
    );

  license
    .command('reset')
    .description('remove the license key from this PBX (cancels the registration)')
    .option('--yes', 'do not ask')
    .action((options: { yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { settings } = await ctx.store.read();
        const shown = settings.licenseKey ? maskLicenseKey(settings.licenseKey) : 'none';
        await confirmOrRefuse(`Reset the license key ${shown}? This cancels the marketplace registration of this PBX.`, options.yes, '--yes');
        const result = await resetLicenseKey(ctx);
        return {
          json: { reset: true, ...result },
          text: [`License key removed; ${result.released} binding(s) of this host released.`, result.warning].filter(Boolean).join('\n'),
        };
      }),
    );
}

function keySavedOutput(headline: string, saved: KeySaved): { json: Record<string, unknown>; text: string } {
  const masked = maskLicenseKey(saved.key);
  return {
    json: { key: masked, binding: saved.binding, ...(saved.warning ? { warning: saved.warning } : {}), ...saved.info },
    text: [headline, `License key  ${masked}  (\`pbxmod license show --reveal\` shows it)`, describeLicense(saved.info), saved.warning].filter(Boolean).join('\n'),
  };
}

/** Owner, then each product with its term and each feature's seats. */
export function describeLicense(info: LicenseInfo): string {
  const { owner } = info;
  const lines = [`Owner        ${visibleText(owner.company)}: ${visibleText([owner.contact, owner.email, owner.phone].filter(Boolean).join(', '))}`];
  if (info.products.length === 0) lines.push('Products     none');
  for (const product of info.products) {
    lines.push(`Product      ${visibleText(product.name)}: ${describeProductTerm(product, serviceClock(info.serviceTime, new Date()))}`);
    for (const feature of product.features) lines.push(`               ${visibleText(describeFeatureSeats(feature))}`);
  }
  return lines.join('\n');
}
