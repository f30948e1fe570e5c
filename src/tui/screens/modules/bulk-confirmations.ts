import { isPaidModule } from '../../../domain/manifest.js';
import { PRODUCT_TRIAL_DAYS } from '../../../domain/license-products.js';
import type { Messages } from '../../../i18n/index.js';
import type { ModuleDetails } from '../../../licensing/api.js';
import type { BulkAction, ModuleUpdate } from '../../../modules/index.js';
import type { InstalledModule } from '../../../store/schema.js';
import type { ConfirmRequest } from '../../components/confirm/index.js';

/** Lines of modules a question lists before "...and N more" (the dialog fits 80x24). */
const LISTED = 6;

/** A bulk module in a question: the installed record, with the newer release when known. */
export type BulkModule = InstalledModule & { latestVersion?: string | null };

function listed(lines: readonly string[], b: Messages['bulk']['screen']): string[] {
  if (lines.length <= LISTED) return [...lines];
  return [...lines.slice(0, LISTED - 1), b.confirm.more(lines.length - (LISTED - 1))];
}

/**
 * The modules of a question: one a line when the dialog then fits `room` lines (the screen's
 * height) beside its `fixed` lines, else the ids in one paragraph (the dialog wraps it to a
 * few lines), so the title and the answers always show on a small terminal.
 */
function fitted(lines: readonly string[], ids: readonly string[], fixed: number, room: number, b: Messages['bulk']['screen']): { lines: string[]; compact: boolean } {
  const list = listed(lines, b);
  if (fixed + list.length + 2 <= room) return { lines: list, compact: false };
  return { lines: [ids.join(', ')], compact: true };
}

/** Lines of a dialog besides its message: border, title, blank line, answers, and each warning (two lines at most, as a rule). */
const frameLines = (warnings: number, option: boolean) => 5 + warnings * 2 + (option ? 3 : 0);

/** "Disable 2 modules?" with each module on its line; delete keeps settings by default, as one delete does. */
export function bulkQuestion(messages: Messages, action: BulkAction, modules: readonly BulkModule[], room = Infinity): ConfirmRequest {
  const b = messages.bulk.screen;
  const d = messages.screens.modules.confirmDelete;
  const lines = modules.map((m) => (action === 'update' && m.latestVersion ? b.confirm.updateLine(m.name, m.id, m.version, m.latestVersion) : b.confirm.line(m.name, m.id, m.version)));
  const warnings = [
    action === 'enable' && modules.some((m) => !m.enabled && isPaidModule(m)) ? b.confirm.paidEnable : null,
    action === 'remove' && modules.some((m) => m.enabled) ? b.confirm.removeEnabled : null,
    action === 'remove' && modules.some((m) => isPaidModule(m)) ? d.paidWarning : null,
  ].filter((w): w is string => w !== null);
  const shown = fitted(lines, modules.map((m) => m.id), frameLines(warnings.length, action === 'remove'), room, b);
  return {
    title: b.confirm.title(action, modules.length),
    message: shown.compact ? shown.lines : [...shown.lines, b.confirm.oneByOne],
    warnings,
    ...(action === 'remove' ? { option: { label: d.keepSettings, defaultChecked: true, notes: [d.keepSettingsNote, d.purgeSettingsNote] as const } } : {}),
    confirmLabel: b.confirm.label(action),
  };
}

/** Safe mode: the enabled modules it disables and remembers. */
export function safeModeQuestion(messages: Messages, enabled: readonly InstalledModule[], room = Infinity): ConfirmRequest {
  const b = messages.bulk.screen;
  const shown = fitted(enabled.map((m) => b.confirm.line(m.name, m.id, m.version)), enabled.map((m) => m.id), frameLines(0, false) + 4, room, b);
  return {
    title: b.safeModeConfirm.title(enabled.length),
    message: shown.compact ? [...shown.lines, b.safeModeConfirm.message] : [...shown.lines, b.safeModeConfirm.message, b.safeModeConfirm.noService],
    confirmLabel: b.safeModeConfirm.label,
  };
}

/** Restore: the modules safe mode remembers (an id no longer installed is listed by itself). */
export function restoreQuestion(messages: Messages, remembered: readonly string[], installed: readonly InstalledModule[], room = Infinity): ConfirmRequest {
  const b = messages.bulk.screen;
  const lines = remembered.map((id) => {
    const m = installed.find((i) => i.id === id);
    return m ? b.confirm.line(m.name, m.id, m.version) : id;
  });
  const paid = installed.some((m) => remembered.includes(m.id) && isPaidModule(m));
  const shown = fitted(lines, remembered, frameLines(paid ? 1 : 0, false) + 2, room, b);
  return {
    title: b.restoreConfirm.title(remembered.length),
    message: [...shown.lines, b.restoreConfirm.message],
    warnings: paid ? [b.confirm.paidEnable] : [],
    confirmLabel: b.restoreConfirm.label,
    defaultChoice: 'confirm',
  };
}

/**
 * Before a marketplace install, when there is something to know: a paid module starts its
 * product's trial; a license agreement is shown and the yes answer accepts it. Null: a free
 * module without one, which installs unasked (it arrives disabled).
 */
export function installQuestion(messages: Messages, details: ModuleDetails, release: string | undefined, room = Infinity): ConfirmRequest | null {
  const paid = isPaidModule(details);
  if (!paid && !details.eula) return null;
  const c = messages.bulk.confirmInstall;
  // The dialog fits 80x24: the agreement's first line, then the rest as one paragraph that the
  // dialog cuts to a few lines keeping its end; the whole text is in the module's details.
  const [first = '', ...rest] = details.eula ? details.eula.split('\n').filter((line) => line.trim() !== '') : [];
  // On a small terminal only the agreement's first line and where to read it all.
  const restFits = frameLines(paid ? 1 : 0, false) + 4 + 4 <= room;
  const eula = details.eula ? [`${c.eulaHeading} ${first}`, ...(rest.length > 0 && restFits ? [rest.join(' ')] : []), c.eulaFull] : [c.free];
  return {
    title: c.title(details.name, details.id, release ?? details.version),
    message: eula,
    warnings: paid ? [c.paidTrial(PRODUCT_TRIAL_DAYS)] : [],
    confirmLabel: details.eula ? c.acceptLabel : c.label,
    width: 72,
  };
}

/** Going back to an older release. */
export function rollbackQuestion(messages: Messages, module: InstalledModule, release: string): ConfirmRequest {
  const c = messages.bulk.confirmRollback;
  return {
    title: c.title(module.name, module.id, release),
    message: c.message(module.version, release),
    warnings: module.enabled ? [c.enabled] : [],
    confirmLabel: c.label,
  };
}

/** Update all: each module from -> to. */
export function updateAllQuestion(messages: Messages, plan: readonly ModuleUpdate[], room = Infinity): ConfirmRequest {
  const c = messages.bulk.confirmUpdateAll;
  const lines = plan.map((u) => c.line(u.id, u.installedVersion, u.latestVersion));
  const shown = fitted(lines, lines, frameLines(0, false) + 2, room, messages.bulk.screen);
  return {
    title: c.title(plan.length),
    message: shown.compact ? shown.lines : [...shown.lines, messages.bulk.screen.confirm.oneByOne],
    confirmLabel: c.label,
  };
}
