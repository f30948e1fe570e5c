import type { Command } from 'commander';
import { describeBinding, MIKOPBX_FEATURE_ID, MIKOPBX_PRODUCT_ID } from '../domain/license-products.js';
import type { Binding } from '../licensing/api.js';
import { dropSessions, listSessions, planDrop, type SessionLogin } from '../licensing/session-monitor.js';
import { currentMessages } from '../i18n/catalogs.js';
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
  const sessions = program.command('sessions').description('session monitor: license bindings of the key, by host');

  sessions
    .command('list')
    .description('live bindings grouped by host')
    .option('--key <key>', 'log in with another key: "-" reads it from standard input or a prompt (an argument shows in ps)')
    .option('--key-file <file>', 'log in with the key in this file')
    .option('--coupon <code>', 'log in with a coupon activated earlier')
    .action((options: LoginOptions, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const hosts = await listSessions(ctx, await loginOf(options));
        const ownHostId = (await ctx.store.read()).settings.hostId;
        const lines: string[] = [];
        for (const host of hosts) {
          const own = host.hostId === ownHostId ? `  ${currentMessages().seats.cli.thisPbx}` : '';
          lines.push(`${host.host}  ${host.net}  (host id ${host.hostId})${own}`);
          for (const b of host.bindings) lines.push(`  ${b.user}@${b.host}  captured ${b.start.slice(0, 16).replace('T', ' ')}  ${describeBinding(b)}  [binding ${b.id}]`);
        }
        return { json: { hosts: hosts.map((h) => ({ ...h, thisPbx: h.hostId === ownHostId })) }, text: lines.length > 0 ? lines.join('\n') : 'No live bindings for this key.' };
      }),
    );

  sessions
    .command('drop')
    .description('release the bindings of a host (or one binding) so another PBX can capture them')
    .argument('<host>', 'host name or host id, as `sessions list` shows')
    .option('--binding <id>', 'drop only this binding of the host')
    .option('--key <key>', 'log in with another key: "-" reads it from standard input or a prompt (an argument shows in ps)')
    .option('--key-file <file>', 'log in with the key in this file')
    .option('--coupon <code>', 'log in with a coupon activated earlier')
    .option('--yes', 'do not ask')
    .action((host: string, options: LoginOptions & { binding?: string; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const login = await loginOf(options);
        const plan = planDrop(await listSessions(ctx, login), { host, bindingId: options.binding });
        const what = plan.bindings.map(describeBinding).join('; ');
        const warnings = plan.hosts[0]!.hostId === (await ctx.store.read()).settings.hostId ? ownHostWarnings(plan.bindings) : plan.warnings;
        await confirmOrRefuse([`Drop ${plan.bindings.length} binding(s): ${what}?`, ...warnings].join('\n'), options.yes, '--yes');
        const released = await dropSessions(ctx, plan, login);
        return { json: { released, warnings }, text: `Released ${released} binding(s) from ${plan.hosts[0]!.host}.` };
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
