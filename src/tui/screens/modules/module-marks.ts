import type { Messages } from '../../../i18n/index.js';
import type { ModuleProgress } from '../../../modules/index.js';
import type { InstalledModule } from '../../../store/schema.js';
import { progressPercent } from '../../components/progress/index.js';
import type { ThemeSymbols } from '../../theme.js';

type ModuleMessages = Messages['screens']['modules'];

/** The symbol of a disable reason other than the administrator's own choice, or null. */
export function reasonMarker(module: Pick<InstalledModule, 'enabled' | 'disabledReason'>, symbols: ThemeSymbols): string | null {
  if (module.enabled) return null;
  switch (module.disabledReason) {
    case 'DisabledByLicense':
      return symbols.licenseBlocked;
    case 'DisabledByException':
      return symbols.bug;
    case 'DisabledByCrashLoop':
      return symbols.crashLoop;
    default:
      return null;
  }
}

/** The markers column: the disable reason, then the update marker. */
export function moduleMarkers(module: Pick<InstalledModule, 'enabled' | 'disabledReason'>, updateAvailable: boolean, symbols: ThemeSymbols): string {
  return [reasonMarker(module, symbols), updateAvailable ? symbols.update : null].filter((m) => m !== null).join(' ');
}

/**
 * Why the module is disabled, when it was not the administrator's choice: "Disabled by
 * license: <the service's words>". Null for an enabled module or one disabled by hand.
 */
export function disabledReasonText(module: Pick<InstalledModule, 'enabled' | 'disabledReason' | 'disabledReasonText'>, m: ModuleMessages): string | null {
  if (module.enabled || module.disabledReason === null || module.disabledReason === 'DisabledByUser') return null;
  const reason = m.reason[module.disabledReason];
  return module.disabledReasonText ? m.reason.withText(reason, module.disabledReasonText) : reason;
}

/** "Downloading 45%", "Verifying". */
export function stageText(progress: ModuleProgress | null, m: ModuleMessages): string {
  if (!progress) return m.stage.working;
  const percent = progress.bytes !== undefined ? progressPercent(progress.bytes, progress.total) : undefined;
  return percent === undefined ? m.stage[progress.stage] : `${m.stage[progress.stage]} ${percent}%`;
}
