import { formatDay } from '../../../i18n/format.js';
import { languageOf, type Messages } from '../../../i18n/index.js';
import type { ModuleInfo } from '../../../modules/index.js';
import { formatBytes } from '../../components/progress/index.js';
import type { ThemeSymbols } from '../../theme.js';
import { errorLines, type InfoLine } from './info-lines.js';
import { wrapText } from '../../text-fit.js';
import { disabledReasonText, reasonMarker } from './module-marks.js';

/**
 * The details of a module as lines of `width` cells, for a view that scrolls: description,
 * developer, license, installed state, the last error, releases with changelog, EULA.
 */
export function detailsLines(info: ModuleInfo, lastError: unknown, messages: Messages, symbols: ThemeSymbols, width: number): InfoLine[] {
  const m = messages.screens.modules;
  const d = info.details;
  const installed = info.installed;
  const lines: InfoLine[] = [];
  const add = (text: string, tone?: InfoLine['tone'], indent = '') => {
    for (const line of wrapText(text, Math.max(10, width - indent.length))) lines.push({ text: indent + line, ...(tone ? { tone } : {}) });
  };

  add(`${d?.name ?? installed?.name ?? info.id} (${info.id})`, 'heading');
  const description = d?.description ?? installed?.description;
  if (description) add(description);
  const developer = d ?? installed;
  if (developer) add(m.details.developer(developer.developer, developer.supportEmail), 'muted');
  const product = d?.licProductId ?? installed?.licProductId ?? 0;
  const feature = d?.licFeatureId ?? installed?.licFeatureId ?? 0;
  add(product > 0 && feature > 0 ? m.details.paid(product, feature) : m.details.free, 'muted');
  if (installed) {
    add(m.details.installed(installed.version, installed.enabled ? m.state.enabled : m.state.disabled), installed.enabled ? 'ok' : undefined);
    const reason = disabledReasonText(installed, m);
    if (reason) add(`${reasonMarker(installed, symbols) ?? ''} ${reason}`, 'warning');
  } else {
    add(m.details.notInstalled);
  }
  if (info.updateAvailable && d) add(`${symbols.update} ${m.details.updateAvailable(d.version)}`, 'info');
  if (lastError !== undefined) {
    lines.push({ text: '' });
    add(m.details.lastError, 'error');
    for (const line of errorLines(lastError, symbols.cross)) add(line.text.trim(), line.tone, '  ');
  }

  lines.push({ text: '' });
  if (!d) {
    add(m.details.notInCatalog, 'muted');
    return lines;
  }
  add(m.details.releases, 'heading');
  for (const release of d.releases) {
    const note = release.version === installed?.version ? ` ${symbols.check} ${m.releases.installed}` : '';
    add(m.details.release(release.version, formatDay(languageOf(messages), release.date), formatBytes(release.size, messages), release.minPbxVersion) + note, undefined, '  ');
    for (const change of release.changelog.split('\n').filter((c) => c.trim() !== '')) add(`${symbols.bullet} ${change}`, 'muted', '      ');
  }
  if (d.eula) {
    lines.push({ text: '' });
    add(m.details.eula, 'heading');
    for (const paragraph of d.eula.split('\n')) {
      if (paragraph.trim() === '') lines.push({ text: '' });
      else add(paragraph, undefined, '  ');
    }
  }
  return lines;
}
