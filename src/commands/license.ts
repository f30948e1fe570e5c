import type { Command } from 'commander';
import type { FeatureInfo, LicenseInfo, ProductInfo } from '../licensing/api.js';
import { activateCoupon, readLicense, registerPbx, resetLicenseKey, setLicenseKey, type KeySaved } from '../licensing/marketplace-registration.js';
import { maskLicenseKey } from '../domain/license-key.js';
import { serviceClock } from '../licensing/service-time.js';
import { visibleText } from '../domain/terminal-text.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
import { readKeyInput } from './key-input.js';
import { confirmOrRefuse, runCommandAction } from './output.js';

/** `pbxmod license ...`: marketplace registration, the key, coupons. */
export function registerLicenseCommands(program: Command): void {
  const t = currentMessages().cli;
  const words = t.license;
  const license = program.command('license').description(words.description);

  license
    .command('register')
    .description(words.register.description)
    .requiredOption('--company <name>', words.register.company)
    .requiredOption('--email <email>', words.register.email)
    .requiredOption('--contact <name>', words.register.contact)
    .option('--phone <phone>', words.register.phone)
    .option('--inn <digits>', words.register.inn)
    .action((options: { company: string; email: string; contact: string; phone?: string; inn?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => keySavedOutput(words.register.done, await registerPbx(ctx, options))),
    );

  license
    .command('set-key')
    .description(words.setKey.description)
    .argument('[key]', words.setKey.key)
    .option('--key-file <file>', words.setKey.keyFile)
    .action((key: string | undefined, options: { keyFile?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const given = (await readKeyInput({ value: key, file: options.keyFile, flag: t.common.keyArgumentName }))!;
        return keySavedOutput(words.setKey.done, await setLicenseKey(ctx, given));
      }),
    );

  license
    .command('show')
    .description(words.show.description)
    .option('--reveal', words.show.reveal)
    .action((options: { reveal?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const status = await readLicense(ctx, options);
        if (!status.registered) return { json: { registered: false, key: null }, text: words.show.notRegistered };
        const keyLine = words.show.key(status.key!, options.reveal === true);
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
    .description(words.coupon.description)
    .argument('<code>', words.coupon.code)
    .action((code: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const info = await activateCoupon(ctx, code);
        return { json: { activated: true, ...info }, text: `${words.coupon.done}\n${describeLicense(info)}` };
      }),
    );

  license
    .command('diagnose')
    .description(words.diagnose.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        // Like the console's d: with no URL configured, the embedded service on loopback is the one checked.
        const configured = await ctx.licensingUrl();
        const url = configured ?? (await ctx.licensing()).baseUrl;
        const { diagnoseConnection } = await import('../licensing/diagnostics.js');
        const steps = await diagnoseConnection(url);
        const failed = steps.find((s) => !s.ok);
        if (failed) process.exitCode = 1;
        const d = words.diagnose;
        const text = [
          d.title(url, !configured),
          ...steps.map((s) => `  ${s.ok ? d.ok : d.failed} ${d.step[s.name](s.target)}: ${s.ok && s.value !== undefined ? d.found[s.name](s.value) : s.detail} (${d.ms(s.ms)})`),
        ];
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
    .description(words.reset.description)
    .option('--yes', t.common.yes)
    .action((options: { yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { settings } = await ctx.store.read();
        const shown = settings.licenseKey ? maskLicenseKey(settings.licenseKey) : words.reset.none;
        await confirmOrRefuse(words.reset.confirm(shown), options.yes, '--yes');
        const result = await resetLicenseKey(ctx);
        return {
          json: { reset: true, ...result },
          text: [words.reset.done(result.released), result.warning].filter(Boolean).join('\n'),
        };
      }),
    );
}

function keySavedOutput(headline: string, saved: KeySaved): { json: Record<string, unknown>; text: string } {
  const masked = maskLicenseKey(saved.key);
  return {
    json: { key: masked, binding: saved.binding, ...(saved.warning ? { warning: saved.warning } : {}), ...saved.info },
    text: [headline, currentMessages().cli.license.savedKey(masked), describeLicense(saved.info), saved.warning].filter(Boolean).join('\n'),
  };
}

/** Owner, then each product with its term and each feature's seats, in a catalog (default: the one in use). */
export function describeLicense(info: LicenseInfo, messages: Messages = currentMessages()): string {
  const words = messages.cli.license;
  const { owner } = info;
  const lines = [words.owner(visibleText(owner.company), visibleText([owner.contact, owner.email, owner.phone].filter(Boolean).join(', ')))];
  if (info.products.length === 0) lines.push(words.noProducts);
  for (const product of info.products) {
    lines.push(words.product(visibleText(product.name), productTerm(product, serviceClock(info.serviceTime, new Date()), words)));
    for (const feature of product.features) lines.push(`${words.featureIndent}${visibleText(featureSeats(feature, words))}`);
  }
  return lines.join('\n');
}

/** "trial, expires 2026-12-22 (30 days left)" or "EXPIRED on 2026-10-01", as domain/license-products.ts counts it. */
function productTerm(product: ProductInfo, now: Date, words: Messages['cli']['license']): string {
  const date = product.expires.slice(0, 10);
  if (product.expired) return words.expired(product.trial, date);
  const days = Math.max(0, Math.ceil((Date.parse(product.expires) - now.getTime()) / 86_400_000));
  return words.term(product.trial, date, days);
}

function featureSeats(feature: FeatureInfo, words: Messages['cli']['license']): string {
  return words.seats(feature.count, feature.name, feature.featureId, feature.captured);
}
