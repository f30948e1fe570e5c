import { isPaidModule } from '../domain/manifest.js';
import { PRODUCT_TRIAL_DAYS } from '../domain/license-products.js';
import { compareVersions } from '../domain/version.js';
import { activeMessages } from '../i18n/active.js';
import type { ModuleUpdate } from '../modules/catalog.js';
import type { PbxContext } from '../pbx-context.js';
import { confirmOrRefuse, forTerminal } from './output.js';

/**
 * Before a marketplace install: a paid module starts its product's trial, and a module with a
 * license agreement shows it to be accepted. A free module without one installs unasked
 * (it arrives disabled; nothing else happens). `--yes` answers for a script.
 */
export async function confirmMarketplaceInstall(ctx: PbxContext, id: string, release: string | undefined, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  const { moduleInfo } = await import('../modules/catalog.js');
  // Not in the marketplace, or the service cannot be asked: the install says why itself.
  const details = await moduleInfo(ctx, id).then((info) => info.details, () => null);
  if (!details) return;
  const paid = isPaidModule(details);
  if (!paid && !details.eula) return;
  // A paid module without a license key is refused by the install itself, with what to do.
  if (paid && !(await ctx.store.read()).settings.licenseKey) return;
  const c = activeMessages().bulk.confirmInstall;
  const question = [c.question(id, release ?? details.version), paid ? c.paidTrial(PRODUCT_TRIAL_DAYS) : null, details.eula ? c.acceptQuestion : null].filter(Boolean).join(' ');
  if (process.stdin.isTTY && details.eula) process.stderr.write(forTerminal(`${c.eulaHeading}\n\n${details.eula}\n\n`));
  await confirmOrRefuse(question, yes, '--yes');
}

/** Before `update ID --release OLDER`: going back to an older release is said as a roll back. */
export async function confirmRollback(ctx: PbxContext, id: string, release: string | undefined, yes: boolean | undefined): Promise<void> {
  if (yes || release === undefined) return;
  const installed = (await ctx.store.read()).modules.find((m) => m.id === id);
  if (!installed || compareVersions(release, installed.version) >= 0) return;
  const c = activeMessages().bulk.confirmRollback;
  await confirmOrRefuse([c.question(id), c.message(installed.version, release), installed.enabled ? c.enabled : null].filter(Boolean).join(' '), yes, '--yes');
}

/** Before `update --all`: each module from -> to. */
export async function confirmUpdateAll(plan: readonly ModuleUpdate[], yes: boolean | undefined): Promise<void> {
  if (yes || plan.length === 0) return;
  const c = activeMessages().bulk.confirmUpdateAll;
  await confirmOrRefuse(`${c.question(plan.length)}\n${plan.map((u) => `  ${c.line(u.id, u.installedVersion, u.latestVersion)}`).join('\n')}\n`, yes, '--yes');
}
