import type { Command } from 'commander';
import { dropConsequences, MIKOPBX_FEATURE_ID, MIKOPBX_PRODUCT_ID } from '../domain/license-products.js';
import type { Binding } from '../licensing/api.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
import { dropSessions, listSessions, planDrop, type SessionLogin } from '../licensing/session-monitor.js';
import { readKeyInput } from './key-input.js';
import { confirmOrRefuse, runCommandAction } from './output.js';

interface LoginOptions {
  key?: string;
  keyFile?: string;
  coupon?: string;
}

/** The session monitor login: a key from --key (value or "-") or --key-file, or a coupon; none = the PBX's own key. */
async function loginOf(options: LoginOptions): Promise<SessionLogin> {
  const key = await readKeyInput({ value: options.key, file: options.keyFile, flag: '--key', required: false });
  return { ...(key !== undefined ? { key } : {}), ...(options.coupon !== undefined ? { coupon: options.coupon } : {}) };
}

/** `pbxmod sessions ...`: the session monitor (license bindings of the key, by host). */
export function registerSessionsCommands(program: Command): void {
  const t = currentMessages().cli;
  const words = t.sessions;
  const sessions = program.command('sessions').description(words.description);

  sessions
    .command('list')
    .description(words.list.description)
    .option('--key <key>', t.common.keyOption)
    .option('--key-file <file>', t.common.keyFileOption)
    .option('--coupon <code>', t.common.couponOption)
    .action((options: LoginOptions, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const hosts = await listSessions(ctx, await loginOf(options));
        const ownHostId = (await ctx.store.read()).settings.hostId;
        const lines: string[] = [];
        for (const host of hosts) {
          const own = host.hostId === ownHostId ? `  ${currentMessages().seats.cli.thisPbx}` : '';
          lines.push(`${words.list.host(host.host, host.net, host.hostId)}${own}`);
          for (const b of host.bindings) lines.push(words.list.binding(`${b.user}@${b.host}`, b.start.slice(0, 16).replace('T', ' '), bindingLine(b, words), b.id));
        }
        return { json: { hosts: hosts.map((h) => ({ ...h, thisPbx: h.hostId === ownHostId })) }, text: lines.length > 0 ? lines.join('\n') : words.list.empty };
      }),
    );

  sessions
    .command('drop')
    .description(words.drop.description)
    .argument('<host>', words.drop.host)
    .option('--binding <id>', words.drop.binding)
    .option('--key <key>', t.common.keyOption)
    .option('--key-file <file>', t.common.keyFileOption)
    .option('--coupon <code>', t.common.couponOption)
    .option('--yes', t.common.yes)
    .action((host: string, options: LoginOptions & { binding?: string; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const login = await loginOf(options);
        const plan = planDrop(await listSessions(ctx, login), { host, bindingId: options.binding });
        const what = plan.bindings.map((b) => bindingLine(b, words)).join('; ');
        const warnings = plan.hosts[0]!.hostId === (await ctx.store.read()).settings.hostId ? ownHostWarnings(plan.bindings) : dropWarnings(plan.bindings, words);
        await confirmOrRefuse([words.drop.confirm(plan.bindings.length, what), ...warnings].join('\n'), options.yes, '--yes');
        const released = await dropSessions(ctx, plan, login);
        return { json: { released, warnings }, text: words.drop.done(released, plan.hosts[0]!.host) };
      }),
    );
}

/** The drop warnings when the bindings are this PBX's own: "this PBX loses ...", not "that PBX". */
function ownHostWarnings(bindings: readonly Binding[]): string[] {
  const t = currentMessages().seats.sessions;
  const warnings: string[] = [];
  if (bindings.some((b) => b.featureId === MIKOPBX_FEATURE_ID)) warnings.push(t.feature33);
  const others = [...new Set(bindings.filter((b) => b.productId !== MIKOPBX_PRODUCT_ID).map((b) => `${b.productName} (${b.featureId})`))];
  if (others.length > 0) warnings.push(t.otherProducts(others.join(', ')));
  return warnings;
}

function bindingLine(b: Binding, words: Messages['cli']['sessions']): string {
  return words.bindingLine(b.featureName, b.featureId, b.host);
}

/** What dropping these bindings costs (SPEC §4), in the language in use. */
function dropWarnings(bindings: readonly Binding[], words: Messages['cli']['sessions']): string[] {
  const { mikoPbx, otherProducts } = dropConsequences(bindings);
  return [...(mikoPbx ? [words.warnings.mikoPbx] : []), ...(otherProducts.length > 0 ? [words.warnings.otherProducts(otherProducts.join(', '))] : [])];
}
